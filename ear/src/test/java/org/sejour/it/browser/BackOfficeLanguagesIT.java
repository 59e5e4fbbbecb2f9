package org.sejour.it.browser;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.sejour.it.TestSettings;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The back office speaks the seven languages: the top bar's select names each in itself, and the
 * choice holds for the session, on a page with Bean Validation messages too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class BackOfficeLanguagesIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void anOwnerSwitchesTheBackOfficeToGermanThenCatalan() {
        Browser browser = browsers.open();
        browser.fixtureOwner("lang", "Gîte des Sept Langues");
        assertPage(browser, "fr", "Tableau de bord");
        assertEquals(List.of("Français", "English", "Deutsch", "Español", "Català", "Italiano", "Nederlands"),
                languageSelect(browser).getOptions().stream().map(o -> o.getText().strip()).toList());

        browser.switchLanguage("de");
        assertPage(browser, "de", "Übersicht");
        browser.resize(1400, 1000);
        browser.screenshot(TestSettings.artifacts().resolve("languages-dashboard-de.png"));

        browser.open("app/account/contact.xhtml");
        assertPage(browser, "de", "Meine Kontaktdaten");
        browser.visible("contact:firstName").clear();
        browser.click("contact:save");
        browser.waitForAjax();
        browser.until(d -> browser.bodyText().contains("Dieses Feld ist ein Pflichtfeld."),
                "the German Bean Validation message next to the first name");
        browser.screenshot(TestSettings.artifacts().resolve("languages-contact-de.png"));

        // the switch re-renders the page the owner is on, in the new language
        browser.open("app/sales-terms.xhtml");
        browser.switchLanguage("ca");
        assertPage(browser, "ca", "Condicions de venda");
        browser.screenshot(TestSettings.artifacts().resolve("languages-sales-terms-ca.png"));

        browser.open("app/dashboard.xhtml");
        assertPage(browser, "ca", "Tauler");
        assertEquals("Català", languageSelect(browser).getFirstSelectedOption().getText().strip());
    }

    private static Select languageSelect(Browser browser) {
        return new Select(browser.visible("topbar:language"));
    }

    private static void assertPage(Browser browser, String language, String title) {
        WebElement html = browser.driver.findElement(By.tagName("html"));
        assertEquals(language, html.getDomAttribute("lang"), "the page's language");
        assertEquals(title, browser.driver.findElement(By.tagName("h1")).getText().strip());
        assertFalse(browser.driver.getPageSource().contains("???"), "a text is missing from the bundle");
    }
}
