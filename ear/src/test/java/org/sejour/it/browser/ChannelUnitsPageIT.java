package org.sejour.it.browser;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sejour.it.TestSettings;

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

/** The channels page of a stock-managed accommodation lists one export address per unit. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ChannelUnitsPageIT {

    private Browser browser;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeEach
    void openBrowser() {
        browser = browsers.open();
    }

    @Test
    void eachUnitHasItsAddressToCopy() throws Exception {
        String password = "Pw-" + UUID.randomUUID() + "!";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        TestSettings.baseUrl() + "sejour-tests/fixtures/unit-export"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + URLEncoder.encode(password,
                        StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        Properties fixture = new Properties();
        fixture.load(new StringReader(response.body()));

        browser.submitLogin(fixture.getProperty("login"), password);
        browser.waitForPath("/app/dashboard.xhtml");
        browser.clickAndWaitForReload("menu-channels");
        browser.waitForPath("/app/channels.xhtml");
        browser.choose("channels:accommodation", "Chambres du Lac");
        browser.waitForAjax();
        List<WebElement> inputs = browser.driver.findElements(By.cssSelector("input.unit-url"));
        assertEquals(List.of("unit1", "unit2", "unit3").stream()
                        .map(unit -> "/ical/" + fixture.getProperty(unit) + ".ics").toList(),
                inputs.stream().map(input -> input.getAttribute("value").replaceFirst("^https?://[^/]+", "")).toList());
        assertTrue(browser.textOf(By.id("channels:units")).contains("Unité 3"), browser.textOf(By.id("channels:units")));
        assertEquals(200, browser.httpStatus("ical/" + fixture.getProperty("unit3") + ".ics"));

        browser.choose("channels:accommodation", "Gîte du Lac");
        browser.waitForAjax();
        assertTrue(browser.driver.findElements(By.cssSelector("input.unit-url")).isEmpty(),
                "no unit addresses without stock management");
        browser.choose("channels:accommodation", "Chambres du Lac");
        browser.waitForAjax();
        browser.screenshot(TestSettings.artifacts().resolve("channel-units.png"));
    }
}
