package org.sejour.it.browser;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.sejour.it.TestSettings;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract and mail settings pages, as an owner uses them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class DocumentSettingsIT {

    private Browser browser;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeEach
    void openBrowser() {
        browser = browsers.open();
    }

    @Test
    void theOwnerWritesContractTextsInFrenchAndEnglish() {
        browser.fixtureOwner("contract", "Gîte des Noyers " + UUID.randomUUID().toString().substring(0, 6));
        browser.click("menu-contracts");
        browser.waitForPath("/app/settings/contract.xhtml");
        assertEquals("Personnalisation des contrats", browser.driver.findElement(By.tagName("h1")).getText().strip());

        browser.type(textArea("SLOGAN", "fr"), "Le calme au bord de l'étang");
        browser.type(textArea("SLOGAN", "en"), "Peace by the pond");
        browser.type(textArea("PAYMENT_TERMS", "fr"), "Virement : IBAN FR76 3000 6000 0112 3456 7890 189");
        browser.choose("contract:arrivalFrom", "18:00");
        browser.choose("contract:arrivalUntil", "16:00");
        browser.click("contract:save");
        browser.waitForAjax();
        assertTrue(browser.textOf(By.cssSelector("[id='contract:arrivalUntil'] ~ .ui-message, .field .ui-message-error"))
                .contains("L'heure de fin d'arrivée précède l'heure de début."), browser.bodyText());

        browser.choose("contract:arrivalUntil", "20:30");
        browser.click("contract:save");
        browser.waitForAjax();
        assertTrue(browser.bodyText().contains("Vos paramètres de contrat ont été enregistrés."), browser.bodyText());
        browser.js("window.scrollTo(0, 0);");
        browser.screenshot(TestSettings.artifacts().resolve("contract-settings.png"));

        // the other languages: German written beside French, English kept; the head names the languages with no text
        assertTrue(browser.textOf(By.cssSelector(".texts-missing")).contains("Allemand, Espagnol, Catalan, Italien, Néerlandais."),
                browser.textOf(By.cssSelector(".texts-missing")));
        browser.click("contract:textsHead_de");
        browser.waitForAjax();
        browser.type(textArea("SLOGAN", "de"), "Ruhe am Teich");
        assertEquals("de", browser.byId(textArea("SLOGAN", "de")).getAttribute("lang"));
        browser.click("contract:textsHead_es");
        browser.waitForAjax();
        assertTrue(browser.textOf(By.cssSelector(".texts-missing")).contains("Espagnol, Catalan, Italien, Néerlandais."),
                "German typed, not yet saved, counts: " + browser.textOf(By.cssSelector(".texts-missing")));
        assertEquals("", browser.byId(textArea("SLOGAN", "es")).getAttribute("value"));
        browser.click("contract:save");
        browser.waitForAjax();
        assertTrue(browser.bodyText().contains("Vos paramètres de contrat ont été enregistrés."), browser.bodyText());

        browser.open("app/settings/contract.xhtml");
        assertEquals("Peace by the pond", browser.byId(textArea("SLOGAN", "en")).getAttribute("value"));
        browser.click("contract:textsHead_de");
        browser.waitForAjax();
        assertEquals("Ruhe am Teich", browser.byId(textArea("SLOGAN", "de")).getAttribute("value"));
        assertEquals("Le calme au bord de l'étang", browser.byId(textArea("SLOGAN", "fr")).getAttribute("value"));
        assertFalse(browser.textOf(By.cssSelector(".texts-missing")).contains("Allemand"));
        assertEquals("20:30", browser.byId("contract:arrivalUntil_input").getAttribute("value"));
        assertTrue(browser.bodyText().contains("disponible après votre première réservation"), "no dossier, no preview");
        assertEquals(404, browser.httpStatus("app/settings/contract-preview.pdf?lang=fr"));
        assertEquals(404, browser.httpStatus("app/dossiers/1/contract.pdf"), "another owner's dossier 1, or none");

        // the terms of sale are typed on the sales terms page only (guests read that text): shown here, with a link
        assertTrue(browser.driver.findElements(By.cssSelector(".text-TERMS-fr, .text-TERMS-en")).isEmpty(),
                "no second place to type the terms of sale");
        assertTrue(browser.textOf(By.id("salesConditions")).contains("celles de la page Conditions de vente"),
                browser.textOf(By.id("salesConditions")));
        browser.driver.findElement(By.cssSelector("#salesConditions a")).click();
        browser.waitForPath("/app/sales-terms.xhtml");
    }

    @Test
    void theOwnerChoosesTheGuestMailAndACopyAddress() {
        browser.fixtureOwner("mails", "Chalet " + UUID.randomUUID().toString().substring(0, 6));
        browser.click("menu-mails");
        browser.waitForPath("/app/settings/mails.xhtml");
        browser.type("mails:copyTo", "pas une adresse");
        browser.click("mails:save");
        browser.waitForAjax();
        assertTrue(browser.textOf(By.cssSelector(".field .ui-message-error")).contains("Cette adresse e-mail n'est pas valide."),
                browser.bodyText());

        browser.type("mails:copyTo", "copies@example.test");
        browser.driver.findElement(By.cssSelector("label[for='mails:guestMail:1']")).click();
        browser.type(textArea("NOTIFICATION_SUBJECT", "fr"), "Votre séjour au chalet");
        browser.click("mails:save");
        browser.waitForAjax();
        assertTrue(browser.bodyText().contains("Vos paramètres de mails ont été enregistrés."), browser.bodyText());
        browser.js("window.scrollTo(0, 0);");
        browser.screenshot(TestSettings.artifacts().resolve("mail-settings.png"));

        browser.open("app/settings/mails.xhtml");
        assertEquals("copies@example.test", browser.byId("mails:copyTo").getAttribute("value"));
        assertTrue(browser.byId("mails:guestMail:1").isSelected(), "the notification mail is chosen");
        assertEquals("Votre séjour au chalet", browser.byId(textArea("NOTIFICATION_SUBJECT", "fr")).getAttribute("value"));
    }

    @Test
    void theOwnerWritesTheLegalMentionsOfTheirReceiptsAndIsToldWhatIsWrong() {
        browser.fixtureOwner("legal", "Gîte " + UUID.randomUUID().toString().substring(0, 6));
        browser.click("menu-receiptSettings");
        browser.waitForPath("/app/settings/receipts.xhtml");
        assertEquals("Mentions légales des reçus", browser.driver.findElement(By.tagName("h1")).getText().strip());

        browser.type("receiptSettings:legalName", "Camille Rousseau");
        browser.type("receiptSettings:legalForm", "EI");
        browser.type("receiptSettings:siret", "303 265 045 00012");
        browser.driver.findElement(By.cssSelector("label[for='receiptSettings:vatStatus:1']")).click();
        browser.type("receiptSettings:vatNumber", "FR41 303265045");
        browser.type("receiptSettings:numberPrefix", "F 2026");
        browser.click("receiptSettings:save");
        browser.waitForAjax();
        assertTrue(messageNextTo("siret").contains("Ce SIRET n'est pas valide"), browser.bodyText());
        assertTrue(messageNextTo("vatNumber").contains("La clé de ce numéro de TVA ne correspond pas au SIREN"),
                browser.bodyText());
        assertTrue(messageNextTo("vatRate").contains("Indiquez le taux de TVA"), browser.bodyText());
        assertTrue(messageNextTo("numberPrefix").contains("Le préfixe compte 1 à 16 caractères"), browser.bodyText());
        browser.screenshot(TestSettings.artifacts().resolve("receipt-settings-errors.png"));

        browser.type("receiptSettings:siret", "303 265 045 00011");
        browser.type("receiptSettings:vatNumber", "FR40 303265045");
        WebElement rate = browser.byId("receiptSettings:vatRate_input");
        rate.click();
        rate.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "10", Keys.TAB);
        browser.type("receiptSettings:numberPrefix", "F2026-");
        browser.click("receiptSettings:save");
        browser.waitForAjax();
        assertTrue(browser.bodyText().contains("Mentions légales enregistrées"), browser.bodyText());
        browser.js("window.scrollTo(0, 0);");
        browser.screenshot(TestSettings.artifacts().resolve("receipt-settings.png"));

        browser.open("app/settings/receipts.xhtml");
        assertEquals("30326504500011", browser.byId("receiptSettings:siret").getAttribute("value"));
        assertEquals("FR40303265045", browser.byId("receiptSettings:vatNumber").getAttribute("value"));
        assertEquals("F2026-", browser.byId("receiptSettings:numberPrefix").getAttribute("value"));
        assertTrue(browser.byId("receiptSettings:vatStatus:1").isSelected(), "registered for VAT");
    }

    /** The error shown in the field block of input {@code field} of the receipt settings form. */

    @Test
    void theOwnerWritesAScheduledMessageInTwoLanguagesIsToldOfATypoAndSwitchesItOff() {
        browser.fixtureOwner("messages", "Gîte " + UUID.randomUUID().toString().substring(0, 6));
        browser.click("menu-messages");
        browser.waitForPath("/app/settings/messages.xhtml");
        assertEquals("Messages aux voyageurs", browser.driver.findElement(By.tagName("h1")).getText().strip());
        assertTrue(browser.bodyText().contains("Aucun message programmé."), browser.bodyText());

        browser.click("list:add");
        browser.waitForAjax();
        browser.type("editor:name", "Accès au gîte");
        browser.type("editor:subject", "Votre arrivée le {arrival}");
        browser.type("editor:body", "Bonjour {prenom}, la clé est sous le pot.");
        browser.click("editor:save");
        browser.waitForAjax();
        assertTrue(browser.textOf(By.cssSelector("[id='editor:textErrors']")).contains(
                "Français : Un mot entre accolades n’est pas un des mots remplacés à l’envoi."), browser.bodyText());
        assertTrue(browser.bodyText().contains("Aucun message programmé."), "nothing saved: " + browser.bodyText());

        browser.type("editor:body", "Bonjour {firstName}, la clé est sous le pot.");
        browser.click("editor:texts_de");
        browser.waitForAjax();
        browser.type("editor:subject", "Ihre Anreise am {arrival}");
        browser.type("editor:body", "Hallo {firstName}, der Schlüssel liegt unter dem Topf.");
        browser.click("editor:preview");
        browser.waitForAjax();
        assertTrue(browser.bodyText().contains("Pas encore de dossier pour l'aperçu."), browser.bodyText());
        browser.click("editor:save");
        browser.waitForAjax();
        assertTrue(browser.bodyText().contains("Message enregistré."), browser.bodyText());
        assertEquals("7 jours avant l’arrivée, à 10:00", browser.textOf(By.cssSelector("[id='list:rules'] .when")));
        assertEquals("EN ES CA IT NL", browser.textOf(By.cssSelector("[id='list:rules'] .missing")));
        browser.screenshot(TestSettings.artifacts().resolve("message-rules.png"));

        browser.click("list:rules:0:switch");
        browser.waitForAjax();
        assertTrue(browser.bodyText().contains("Message désactivé."), browser.bodyText());
        browser.open("app/settings/messages.xhtml");
        assertEquals("Désactivé", browser.textOf(By.cssSelector("[id='list:rules:0:switch']")));
        browser.click("list:rules:0:edit");
        browser.waitForAjax();
        browser.click("editor:texts_de");
        browser.waitForAjax();
        assertEquals("Hallo {firstName}, der Schlüssel liegt unter dem Topf.",
                browser.byId("editor:body").getAttribute("value"), "the German text kept");

        // the payment reminders: the former fixed days until the owner changes them
        assertEquals("3", browser.byId("reminders:noticeDays_input").getAttribute("value"));
        assertEquals("7", browser.byId("reminders:lateEveryDays_input").getAttribute("value"));
        WebElement every = browser.byId("reminders:lateEveryDays_input");
        every.click();
        every.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "0", Keys.TAB);
        browser.driver.findElement(By.cssSelector("[id='reminders:balanceReminders'] .ui-chkbox-box")).click();
        browser.click("reminders:save");
        browser.waitForAjax();
        assertTrue(browser.textOf(By.cssSelector("[id='reminders'] .field .ui-message-error")).contains("De 1 à 60 jours."),
                browser.bodyText());
        every = browser.byId("reminders:lateEveryDays_input");
        every.click();
        every.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "2", Keys.TAB);
        browser.click("reminders:save");
        browser.waitForAjax();
        assertTrue(browser.bodyText().contains("Relances enregistrées."), browser.bodyText());
        browser.open("app/settings/messages.xhtml");
        assertEquals("2", browser.byId("reminders:lateEveryDays_input").getAttribute("value"));
        assertTrue(browser.byId("reminders:depositReminders_input").isSelected(), "deposit reminders still on");
        assertTrue(!browser.byId("reminders:balanceReminders_input").isSelected(), "balance reminders off");
    }

    private String messageNextTo(String field) {
        return browser.textOf(By.xpath("//*[starts-with(@id, 'receiptSettings:" + field + "')]"
                + "/ancestor::div[contains(concat(' ', @class, ' '), ' field ')][1]"
                + "//*[contains(@class, 'ui-message-error')]"));
    }

    /** The id of a text area in the repeats, found by the style class the page gives it. */
    private String textArea(String field, String language) {
        return browser.driver.findElement(By.cssSelector("textarea.text-" + field + "-" + language)).getAttribute("id");
    }
}
