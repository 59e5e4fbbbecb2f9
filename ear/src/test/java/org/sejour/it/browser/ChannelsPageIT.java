package org.sejour.it.browser;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.sejour.it.TestSettings;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The channel manager page in a real browser: export address, regenerate, add and sync a feed, field errors. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ChannelsPageIT {

    private static final Pattern EXPORT = Pattern.compile("/(ical/[A-Za-z0-9_-]{43}\\.ics)$");

    private Browser browser;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeEach
    void openBrowser() {
        browser = browsers.open();
    }

    @Test
    void ownerCopiesRegeneratesAndImportsACalendar() {
        browser.fixtureOwner("channels", "Gîte des Sources " + UUID.randomUUID().toString().substring(0, 6));
        browser.clickAndWaitForReload("menu-channels");
        browser.waitForPath("/app/channels.xhtml");

        String exportUrl = browser.visible("channels:exportUrl").getAttribute("value");
        Matcher export = EXPORT.matcher(exportUrl);
        assertTrue(export.find(), exportUrl);
        assertEquals(200, browser.httpStatus(export.group(1)));

        // field errors next to their inputs, nothing saved
        browser.type("feed:url", "file:///etc/passwd");
        browser.click("feed:addFeed");
        browser.waitForAjax();
        assertTrue(browser.bodyText().contains("Donnez un nom de 1 à 60 caractères.")
                || browser.bodyText().contains("Saisissez une adresse http:// ou https:// complète."), browser.bodyText());
        assertTrue(browser.bodyText().contains("Aucun calendrier importé pour cet hébergement."));

        // the owner's own export as a feed: served by the application itself (loopback is allowed in tests)
        addFeed("Airbnb", exportUrl);
        assertTrue(browser.bodyText().contains("Calendrier ajouté"), browser.bodyText());
        browser.click("channels:feeds:0:sync");
        browser.waitForAjax();
        assertTrue(browser.bodyText().contains("Calendrier Airbnb synchronisé."), browser.bodyText());
        assertTrue(browser.textOf(By.id("channels:feeds")).contains("À jour"), browser.textOf(By.id("channels:feeds")));

        browser.click("channels:regenerate");
        browser.until(d -> d.findElements(By.cssSelector(".ui-confirmdialog-yes")).stream()
                .filter(b -> b.isDisplayed()).findFirst().orElse(null), "the confirmation").click();
        browser.waitForAjax();
        String fresh = browser.visible("channels:exportUrl").getAttribute("value");
        assertNotEquals(exportUrl, fresh);
        assertEquals(404, browser.httpStatus(export.group(1)), "the old address is revoked");
        browser.screenshot(TestSettings.artifacts().resolve("channels.png"));
    }

    /**
     * An address that leads into the server is refused when the owner adds it, next to the field,
     * in the owner's language, and nothing is stored: the test domain's admin port on 127.0.0.1
     * (the address is allowed there, the port is not), then cloud metadata in English.
     */
    @Test
    void anAddressLeadingIntoTheServerIsRefusedWhenAddedInTheOwnersLanguage() {
        browser.fixtureOwner("ssrf", "Gîte des Remparts " + UUID.randomUUID().toString().substring(0, 6));
        browser.clickAndWaitForReload("menu-channels");
        browser.waitForPath("/app/channels.xhtml");
        int adminPort = Integer.parseInt(TestSettings.required("sejour.test.httpPort")) - 80 + 48;

        addFeed("Airbnb", "http://127.0.0.1:" + adminPort
                + "/management/domain/resources/jdbc-connection-pool/sejourPool/property");
        assertTrue(browser.bodyText().contains("Cette adresse n'est pas autorisée : Séjour ne lit que les calendriers "
                + "publiés sur Internet"), browser.bodyText());
        assertTrue(browser.textOf(By.id("channels:feeds")).contains("Aucun calendrier importé pour cet hébergement."),
                "nothing stored");
        browser.screenshot(TestSettings.artifacts().resolve("channels-address-refused.png"));

        browser.switchLanguage("en");
        addFeed("Airbnb", "http://169.254.169.254/latest/meta-data/");
        assertTrue(browser.bodyText().contains("This address is not allowed: Séjour only reads calendars published "
                + "on the Internet"), browser.bodyText());
        assertTrue(browser.textOf(By.id("channels:feeds")).contains("No calendar imported for this accommodation."),
                "nothing stored");
    }

    private void addFeed(String name, String url) {
        browser.type("feed:name", name);
        browser.type("feed:url", url);
        browser.click("feed:addFeed");
        browser.waitForAjax();
    }
}
