package org.sejour.it.browser;

import com.sun.net.httpserver.HttpServer;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.sejour.it.TestSettings;

import java.net.InetSocketAddress;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole guest journey, end to end in one browser: the search widget on the owner's own site
 * (another origin), Book, the hosted booking flow, the deposit paid through the offline payment
 * provider, and then the owner, signed in to the back office, finds the dossier confirmed with
 * that payment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class WidgetToBackOfficeIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    private Browser browser;
    private HttpServer site;

    @AfterEach
    void close() {
        if (site != null) {
            site.stop(0);
        }
    }

    @Test
    void aStayPickedInTheWidgetIsBookedPaidAndShownConfirmedToTheOwner() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String origin = "http://127.0.0.1:" + site.getAddress().getPort();
        // the guest API fixture's owner: a gîte at 800.00 the week of May 2027, website on that origin
        Properties owner = WidgetsIT.owner("journey", origin);
        String number = owner.getProperty("number");
        String page = "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Gîtes Rousseau</title>"
                + "</head><body><h1>Nos gîtes</h1>"
                + "<div id=\"search\" data-sejour-widget=\"search\" data-account=\"" + number + "\" data-lang=\"fr\"></div>"
                + "<script src=\"" + TestSettings.baseUrl() + "widget/sejour-widget.js\" async></script></body></html>";
        WidgetsIT.serve(site, page);

        // the owner's site: search a week from 1 May 2027 and follow Book
        browser = browsers.open();
        browser.driver.get(origin + "/gites.html");
        SearchContext search = browser.wait.until(d -> {
            WebElement host = d.findElement(By.id("search"));
            return browser.js("return arguments[0].shadowRoot", host) == null ? null : host.getShadowRoot();
        });
        WebElement arrival = inside(search, "input[name=arrival]");
        browser.js("arguments[0].value = '2027-05-01'", arrival);
        inside(search, "button[type=submit]").sendKeys(Keys.ENTER);
        WebElement book = inside(search, "li a");
        assertTrue(plain(inside(search, "li").getText()).contains("800,00 €"), inside(search, "li").getText());
        browser.screenshot(TestSettings.artifacts().resolve("journey-1-widget.png"));
        book.click();
        browser.waitForPath("/site/" + number + "/book");

        // the hosted flow: the stay as picked, the guest's details, the terms
        browser.until(d -> !d.findElements(By.id("quoteTotal")).isEmpty()
                && "800,00 €".equals(plain(d.findElement(By.id("quoteTotal")).getText())), "the quote of the week");
        browser.click("book:next");
        browser.waitForAjax();
        browser.type("book:lastName", "Lefebvre");
        browser.type("book:firstName", "Inès");
        browser.type("book:email", "ines.lefebvre@example.test");
        browser.type("book:phone", "+33 6 11 22 33 44");
        browser.click("book:terms");
        browser.screenshot(TestSettings.artifacts().resolve("journey-2-book.png"));
        browser.click("book:confirm");
        browser.waitForPath("/pay/");
        assertEquals("240,00 €", plain(browser.visible("dossierDeposit").getText()), "30 % arrhes");

        // the offline provider pays the deposit
        browser.clickAndWaitForReload("pay:payNow");
        browser.waitForPath("/offline-pay/");
        assertEquals("240,00 €", plain(browser.visible("providerAmount").getText()));
        browser.clickAndWaitForReload("provider:succeed");
        browser.waitForPath("/booking/");
        assertEquals("Confirmée", browser.visible("dossierStatus").getText());
        browser.screenshot(TestSettings.artifacts().resolve("journey-3-paid.png"));

        // the owner's back office: the dossier is there, confirmed, with the payment
        browser.submitLogin(owner.getProperty("login"), "Secret-123-pass");
        browser.click("menu-dossiers");
        browser.waitForPath("/app/dossiers.xhtml");
        browser.wait.until(d -> d.findElements(By.xpath("//tr[contains(., 'LEFEBVRE')]//a[contains(@class, "
                + "'dossier-link')]")).stream().findFirst().orElse(null)).click();
        browser.waitForPath("/app/dossier.xhtml");
        assertEquals("Confirmé", browser.visible("status").getText());
        assertEquals("LEFEBVRE Inès", browser.visible("guestName").getText());
        assertEquals("800,00 €", plain(browser.visible("total").getText()));
        assertEquals("240,00 €", plain(browser.visible("paid").getText()));
        assertEquals("560,00 €", plain(browser.visible("remaining").getText()));
        String payments = plain(browser.textOf(By.id("payments")));
        assertTrue(payments.contains("Acompte") && payments.contains("Paiement en ligne")
                && payments.contains("240,00 €"), payments);
        assertTrue(browser.visible("termsAccepted").getText().startsWith("Conditions acceptées : version "),
                browser.visible("termsAccepted").getText());
        browser.resize(1280, 1600);
        browser.screenshot(TestSettings.artifacts().resolve("journey-4-back-office.png"));
    }

    private WebElement inside(SearchContext root, String css) {
        return browser.wait.until(d -> root.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    /** French amounts use (narrow) no-break spaces; compare them as plain spaces. */
    private static String plain(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ').strip();
    }
}
