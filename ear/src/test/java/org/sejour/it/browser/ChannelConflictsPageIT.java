package org.sejour.it.browser;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sejour.it.TestSettings;
import org.sejour.it.channels.FeedServer;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A channel conflict as the owner meets it: an Airbnb reservation imported over a week
 * already booked in Séjour shows as a card on the dashboard, whose link opens the planning
 * on that week with the conflicting nights marked and named.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ChannelConflictsPageIT {

    private Browser browser;
    private FeedServer airbnb;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeEach
    void open() throws IOException {
        browser = browsers.open();
        airbnb = new FeedServer();
    }

    @AfterEach
    void close() {
        airbnb.close();
    }

    @Test
    void aConflictIsOnTheDashboardAndMarkedOnThePlanning() throws Exception {
        Properties owner = ownerWithDossiers();
        // Martin holds 1–8 May 2027; Airbnb says its own guest has 3–6 May
        airbnb.serve("/calendar.ics", FeedServer.Answer.calendar("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                + "PRODID:-//Airbnb Inc//Hosting Calendar 1.0//EN\r\nBEGIN:VEVENT\r\nUID:x1@airbnb.com\r\n"
                + "DTSTAMP:20270101T000000Z\r\nDTSTART;VALUE=DATE:20270503\r\nDTEND;VALUE=DATE:20270506\r\n"
                + "SUMMARY:Reserved\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"));
        browser.submitLogin(owner.getProperty("login"), owner.getProperty("password"));
        browser.waitForPath("/app/dashboard.xhtml");
        assertTrue(browser.driver.findElements(By.id("dashboard:conflicts")).isEmpty(), "no card without a conflict");

        browser.clickAndWaitForReload("menu-channels");
        browser.waitForPath("/app/channels.xhtml");
        browser.type("feed:name", "Airbnb");
        browser.type("feed:url", airbnb.url("/calendar.ics"));
        browser.click("feed:addFeed");
        browser.waitForAjax();
        browser.click("channels:feeds:0:sync");
        browser.waitForAjax();
        assertTrue(browser.bodyText().contains("Calendrier Airbnb synchronisé."), browser.bodyText());

        browser.open("app/dashboard.xhtml");
        WebElement card = browser.visible("dashboard:conflicts");
        String text = card.getText();
        assertTrue(text.contains("Conflits de calendrier") && text.contains("Gîte les Lauriers")
                && text.contains("Airbnb") && text.contains("Reserved"), text);
        WebElement dossier = card.findElement(By.cssSelector("a.conflict-dossier"));
        assertTrue(dossier.getAttribute("href").endsWith("id=" + owner.getProperty("martin")), dossier.getAttribute("href"));
        browser.screenshot(TestSettings.artifacts().resolve("conflict-dashboard.png"));

        card.findElement(By.cssSelector("a.conflict-planning")).click();
        browser.waitForPath("/app/planning.xhtml");
        assertTrue(browser.driver.getCurrentUrl().contains("start=2027-05-03"), browser.driver.getCurrentUrl());
        List<WebElement> conflicts = browser.driver.findElements(By.cssSelector("tr.channels td.conflict"));
        assertEquals(List.of("2027-05-03", "2027-05-04", "2027-05-05"),
                conflicts.stream().map(td -> td.getAttribute("data-day")).toList());
        assertTrue(conflicts.get(0).getText().contains("Airbnb"), conflicts.get(0).getText());
        assertTrue(conflicts.get(0).getAttribute("title").startsWith("Conflit – Airbnb : Reserved"),
                conflicts.get(0).getAttribute("title"));
        assertEquals(3, browser.driver.findElements(By.cssSelector("tr.channels td.conflict .pi-exclamation-triangle"))
                .size(), "a warning mark on each conflicting night");
        browser.screenshot(TestSettings.artifacts().resolve("conflict-planning.png"));
    }

    /** An owner whose gîte has two dossiers (Martin 1 May, Durand 8 May 2027), from the test fixture. */
    private static Properties ownerWithDossiers() throws IOException, InterruptedException {
        String password = "Pw-" + UUID.randomUUID() + "!";
        String form = "prefix=conflicts&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + "sejour-tests/fixtures/dossiers"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        Properties owner = new Properties();
        owner.load(new StringReader(response.body()));
        owner.setProperty("password", password);
        return owner;
    }
}
