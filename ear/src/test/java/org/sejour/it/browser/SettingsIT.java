package org.sejour.it.browser;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog settings screens in a real browser (French): supplements, promo codes, age ranges
 * and terms of sale. Each test onboards its own owner; the tenancy test a second one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class SettingsIT {

    private Browser browser;
    private Browser secondBrowser;
    private SettingsPages pages;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeEach
    void openBrowser() {
        browser = browsers.open();
        pages = new SettingsPages(browser);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void supplementWithTranslationsAndPeriodPricesIsCreatedEditedAndDeleted() {
        String gite = "Gîte des Prés " + unique();
        browser.fixtureOwner("supplements", gite);
        pages.openFromMenu("menu-supplements", "/app/supplements.xhtml");
        assertTrue(browser.bodyText().contains("Aucun supplément pour l'instant."), browser.bodyText());

        browser.click("list:add");
        browser.visible("editor:labels");
        // no French label yet: refused next to the label, and what was typed stays
        browser.type("editor:descriptions", "Draps et serviettes fournis");
        pages.typeAmount("editor:amount_input", "25");
        pages.save();
        assertEquals("Indiquez un libellé (une description ne peut pas rester sans libellé).",
                pages.messageNextTo("editor:labels"));
        assertEquals("Draps et serviettes fournis", pages.value("editor:descriptions"));
        assertTrue(pages.value("editor:amount_input").startsWith("25"), pages.value("editor:amount_input"));

        browser.type("editor:labels", "Ménage");
        browser.click("editor:texts_en");
        browser.waitForAjax();
        browser.until(d -> d.findElement(By.id("editor:texts_fr")).getAttribute("class").contains("filled"),
                "French marked as filled in");
        assertTrue(browser.byId("editor:texts_de").getAttribute("class").contains("empty"));
        assertEquals("", pages.value("editor:labels"), "English starts empty");
        browser.type("editor:labels", "Cleaning");
        browser.click("editor:texts_fr");
        browser.waitForAjax();
        browser.until(d -> "Ménage".equals(d.findElement(By.id("editor:labels")).getAttribute("value")),
                "the French label kept after switching languages");
        assertTrue(browser.byId("editor:texts_en").getAttribute("class").contains("filled"));

        browser.type("editor:labels", "Ménage");
        pages.chooseRadio("editor:mandatory", "false");
        pages.chooseRadio("editor:pricing", "PER_DAY");
        pages.chooseRadio("editor:availability", "ONLY_IN_PERIODS");
        browser.click("editor:addPeriod");
        browser.waitForAjax();
        LocalDate july = LocalDate.of(LocalDate.now().getYear() + 1, 7, 1);
        pages.setDate("editor:periodRows:0:firstDay_input", july);
        pages.setDate("editor:periodRows:0:lastDay_input", july.withDayOfMonth(31));
        pages.typeAmount("editor:periodRows:0:periodAmount_input", "12");
        browser.click("editor:addPeriod");
        browser.waitForAjax();
        pages.setDate("editor:periodRows:1:firstDay_input", july.withMonth(8));
        pages.setDate("editor:periodRows:1:lastDay_input", july.withMonth(8).withDayOfMonth(31));
        pages.typeAmount("editor:periodRows:1:periodAmount_input", "15");
        // a period row that ends before it starts is refused next to the rows, which stay as typed
        pages.setDate("editor:periodRows:1:lastDay_input", july.withMonth(7).withDayOfMonth(15));
        pages.typeAmount("editor:maxQuantity_input", "2");
        pages.toggle("editor:depositApplies");
        pages.chooseRadio("editor:allAccommodations", "false");
        pages.tick("editor:accommodations", gite);
        pages.screenshot("settings-supplement-editor");
        pages.save();
        assertEquals("Le dernier jour d'une période ne peut pas précéder le premier.",
                pages.messageNextTo("editor:addPeriod"));
        assertEquals("Ménage", pages.value("editor:labels"));
        pages.setDate("editor:periodRows:1:lastDay_input", july.withMonth(8).withDayOfMonth(31));
        pages.save();

        browser.until(d -> d.findElements(By.id("editor:save")).isEmpty(), "the editor to close after saving");
        String row = pages.rowText("list:supplements", "Ménage");
        assertTrue(row.contains("Optionnel"), row);
        assertTrue(row.contains("€ / jour"), row);
        assertTrue(row.contains("certaines périodes seulement"), row);
        assertTrue(row.contains(gite), row);
        assertTrue(browser.bodyText().contains("Le supplément est créé."), browser.bodyText());
        long id = pages.idOfRow("list:supplements", "Ménage");

        // the form opened by its address shows what was stored
        browser.open("app/supplements.xhtml?id=" + id);
        browser.waitForDocument();
        assertEquals("Ménage", pages.value("editor:labels"));
        assertEquals(2, browser.driver.findElements(By.cssSelector("[id^='editor:periodRows:'][id$=':firstDay_input']")).size());
        assertEquals("01/08/" + july.getYear(), pages.value("editor:periodRows:1:firstDay_input"));
        browser.click("editor:texts_en");
        browser.waitForAjax();
        browser.until(d -> "Cleaning".equals(d.findElement(By.id("editor:labels")).getAttribute("value")),
                "the English label stored");

        browser.click("editor:texts_fr");
        browser.waitForAjax();
        browser.type("editor:labels", "Ménage de fin de séjour");
        pages.chooseRadio("editor:mandatory", "true");
        pages.save();
        browser.until(d -> d.findElements(By.id("editor:save")).isEmpty(), "the editor to close after saving");
        String edited = pages.rowText("list:supplements", "Ménage de fin de séjour");
        assertTrue(edited.contains("Obligatoire"), edited);

        browser.resize(375, 800);
        pages.screenshot("settings-supplements-375");
        browser.resize(1280, 900);
        pages.deleteRow("list:supplements", "Ménage de fin de séjour");
        assertTrue(browser.bodyText().contains("Le supplément est supprimé."), browser.bodyText());
        browser.open("app/supplements.xhtml");
        browser.waitForDocument();
        assertNull(pages.row("list:supplements", "Ménage"));
    }

    @Test
    void promoCodeIsSearchedCreatedEditedAndDeleted() {
        String gite = "Chalet du Lac " + unique();
        Browser.Owner owner = browser.fixtureOwner("promo", gite);
        pages.openFromMenu("menu-promoCodes", "/app/promo-codes.xhtml");

        browser.click("list:add");
        browser.visible("editor:code");
        browser.type("editor:code", "noël 2019!");
        browser.type("editor:internalLabel", "Fidélité Noël");
        browser.type("editor:publicLabel", "Promotion Noël");
        pages.typeAmount("editor:percent_input", "10");
        LocalDate from = LocalDate.now().plusDays(1);
        pages.setDate("editor:validFrom_input", from);
        pages.setDate("editor:validTo_input", from.plusMonths(2));
        pages.save();
        assertEquals("Le code comporte de 2 à 20 lettres (sans accent) ou chiffres.", pages.messageNextTo("editor:code"));
        assertEquals("Fidélité Noël", pages.value("editor:internalLabel"), "input kept on error");
        assertEquals("noël 2019!", pages.value("editor:code"));

        browser.type("editor:code", "noel2019");
        browser.click("editor:labels_en");
        browser.waitForAjax();
        browser.until(d -> d.findElement(By.id("editor:labels_fr")).getAttribute("class").contains("filled"),
                "French marked as filled in");
        browser.type("editor:publicLabel", "Christmas offer");
        pages.chooseRadio("editor:usage", "SINGLE");
        pages.chooseRadio("editor:allStays", "false");
        browser.click("editor:addPeriod");
        browser.waitForAjax();
        pages.setDate("editor:periodRows:0:firstDay_input", from.plusDays(10));
        pages.setDate("editor:periodRows:0:lastDay_input", from.plusDays(40));
        pages.screenshot("settings-promo-code-editor");
        pages.save();
        browser.until(d -> d.findElements(By.id("editor:save")).isEmpty(), "the editor to close after saving");
        String row = pages.rowText("list:codes", "NOEL2019");
        assertTrue(row.contains("Fidélité Noël"), row);
        assertTrue(row.contains("Unique"), row);
        assertTrue(row.contains("10"), row);
        long id = pages.idOfRow("list:codes", "NOEL2019");

        // search: by part of the code, by label, by consumption (never used)
        browser.type("list:searchCode", "el20");
        browser.click("list:search");
        browser.waitForAjax();
        assertTrue(pages.rowText("list:codes", "NOEL2019").contains("0"));
        browser.choose("list:searchConsumed", "Déjà utilisé");
        browser.click("list:search");
        browser.waitForAjax();
        browser.until(d -> pages.row("list:codes", "NOEL2019") == null, "no consumed code");
        assertTrue(browser.bodyText().contains("Aucun code promo ne correspond."), browser.bodyText());
        browser.choose("list:searchConsumed", "Jamais utilisé");
        browser.type("list:searchCode", "");
        browser.type("list:searchLabel", "fidélité");
        browser.click("list:search");
        browser.waitForAjax();
        pages.rowText("list:codes", "NOEL2019");
        pages.screenshot("settings-promo-codes");

        browser.open("app/promo-codes.xhtml?id=" + id);
        browser.waitForDocument();
        assertEquals("NOEL2019", pages.value("editor:code"));
        assertTrue(browser.bodyText().contains("Utilisé 0 fois."), browser.bodyText());
        browser.click("editor:labels_en");
        browser.waitForAjax();
        browser.until(d -> "Christmas offer".equals(d.findElement(By.id("editor:publicLabel")).getAttribute("value")),
                "the English public label stored");
        pages.typeAmount("editor:percent_input", "15");
        pages.save();
        browser.until(d -> d.findElements(By.id("editor:save")).isEmpty(), "the editor to close after saving");
        assertTrue(pages.rowText("list:codes", "NOEL2019").contains("15"));

        browser.resize(375, 800);
        pages.screenshot("settings-promo-codes-375");
        browser.resize(1280, 900);
        pages.deleteRow("list:codes", "NOEL2019");
        assertTrue(browser.bodyText().contains("Le code promo est supprimé."), browser.bodyText());

        // the change log names the owner, their address and each step of the code's life
        pages.openFromMenu("menu-audit", "/app/audit.xhtml");
        browser.choose("trail:subject", "Codes promo");
        browser.click("trail:apply");
        browser.waitForAjax();
        String log = browser.bodyText();
        assertTrue(log.contains(owner.login()), log);
        assertTrue(log.contains("127.0.0.1") || log.contains("0:0:0:0:0:0:0:1"), "the browser's address: " + log);
        assertTrue(log.contains("Création") && log.contains("Suppression"), log);
        assertTrue(log.contains("Code: NOEL2019"), log);
        assertTrue(log.matches("(?s).*Pourcentage: 10(\\.00)? → 15(\\.00)?.*"), log);
        // the fixture's accommodation is in the account's log, not among the codes
        String table = browser.driver.findElement(By.id("trail:entries")).getText();
        assertFalse(table.contains("Hébergements ·"), "codes only: " + table);
        pages.screenshot("audit-trail-codes");
    }

    @Test
    void ageRangesAndSalesTermsAreEdited() {
        String mas = "Mas des Oliviers " + unique();
        browser.fixtureOwner("terms", mas);
        pages.openFromMenu("menu-ageRanges", "/app/age-ranges.xhtml");
        // a new account has the defaults
        assertTrue(pages.rowText("list:ranges", "Adulte").contains("de 18 à 120 ans"));
        pages.rowText("list:ranges", "Bébé");

        browser.click("list:add");
        browser.type("editor:label", "Adolescent");
        pages.typeAmount("editor:minAge_input", "17");
        pages.typeAmount("editor:maxAge_input", "13");
        pages.save();
        assertEquals("L'âge maximum ne peut pas être inférieur à l'âge minimum.", pages.messageNextTo("editor:maxAge_input"));
        assertEquals("Adolescent", pages.value("editor:label"));
        pages.typeAmount("editor:minAge_input", "13");
        pages.typeAmount("editor:maxAge_input", "17");
        pages.save();
        browser.until(d -> d.findElements(By.id("editor:save")).isEmpty(), "the editor to close after saving");
        assertTrue(pages.rowText("list:ranges", "Adolescent").contains("de 13 à 17 ans"));
        pages.editRow("list:ranges", "Adolescent");
        pages.toggle("editor:taxable");
        browser.click("editor:labels_de");
        browser.waitForAjax();
        browser.type("editor:label", "Jugendlicher");
        pages.save();
        browser.until(d -> d.findElements(By.id("editor:save")).isEmpty(), "the editor to close after saving");
        assertTrue(pages.rowText("list:ranges", "Adolescent").contains("Oui"));
        pages.screenshot("settings-age-ranges");
        pages.deleteRow("list:ranges", "Adolescent");
        pages.rowText("list:ranges", "Enfant");

        pages.openFromMenu("menu-salesTerms", "/app/sales-terms.xhtml");
        pages.chooseRadio("terms:depositType", "ACOMPTE");
        pages.typeAmount("terms:depositPercent_input", "25");
        browser.click("terms:addRule");
        browser.waitForAjax();
        pages.typeAmount("terms:ruleRows:0:ruleDays_input", "7");
        pages.typeAmount("terms:ruleRows:0:rulePercent_input", "100");
        pages.typeAmount("terms:minStayNights_input", "2");
        pages.typeAmount("terms:leadTimeDays_input", "1");
        pages.typeAmount("terms:optionDays_input", "0");
        browser.type("terms:conditions", "Le séjour commence à 16 h.");
        browser.click("terms:conditionTexts_en");
        browser.waitForAjax();
        browser.type("terms:conditions", "The stay starts at 4 pm.");
        pages.screenshot("settings-sales-terms");
        browser.click("terms:save");
        browser.waitForAjax();
        assertEquals("Une option dure de 1 à 60 jours.", pages.messageNextTo("terms:optionDays_input"));
        assertTrue(pages.value("terms:depositPercent_input").startsWith("25"), "input kept on error");
        pages.typeAmount("terms:optionDays_input", "5");
        browser.click("terms:save");
        browser.waitForAjax();
        browser.until(d -> d.findElement(By.tagName("body")).getText().contains("Les modalités de vente sont enregistrées."),
                "the saved message");

        browser.open("app/sales-terms.xhtml");
        browser.waitForDocument();
        assertTrue(browser.byId("terms:depositType").findElement(By.cssSelector("input[value='ACOMPTE']")).isSelected());
        assertTrue(pages.value("terms:depositPercent_input").startsWith("25"), pages.value("terms:depositPercent_input"));
        assertTrue(pages.value("terms:ruleRows:0:rulePercent_input").startsWith("100"));
        assertEquals("2", pages.value("terms:minStayNights_input"));
        assertEquals("5", pages.value("terms:optionDays_input"));
        assertEquals("Le séjour commence à 16 h.", pages.value("terms:conditions"));
        assertTrue(browser.byId("terms:conditionTexts_en").getAttribute("class").contains("filled"));
        assertTrue(browser.byId("terms:conditionTexts_nl").getAttribute("class").contains("empty"));

        // the tourist tax of the accommodation, on the same screen
        assertTrue(pages.rowText("tax:taxes", mas).contains("Non collectée"));
        pages.clickInRow("tax:taxes", mas, "editTax");
        browser.waitForAjax();
        pages.chooseRadio("tax:mode", "FIXED_PER_ADULT_NIGHT");
        pages.typeAmount("tax:amount_input", "2");
        pages.typeAmount("tax:surchargePercent_input", "10");
        browser.click("tax:saveTax");
        browser.waitForAjax();
        browser.until(d -> pages.rowText("tax:taxes", mas).contains("2,00 € par adulte et par nuit"),
                "the tax shown in the table");
        browser.resize(375, 800);
        pages.screenshot("settings-sales-terms-375");
    }

    @Test
    void anotherOwnerCannotOpenTheFirstOwnersSettings() {
        browser.fixtureOwner("tenant-a", "Gîte A " + unique());
        browser.open("app/age-ranges.xhtml");
        browser.waitForDocument();
        long adult = pages.idOfRow("list:ranges", "Adulte");
        browser.open("app/promo-codes.xhtml");
        browser.click("list:add");
        browser.type("editor:code", "AONLY");
        browser.type("editor:internalLabel", "A seulement");
        browser.type("editor:publicLabel", "A seulement");
        pages.typeAmount("editor:percent_input", "5");
        pages.setDate("editor:validFrom_input", LocalDate.now());
        pages.setDate("editor:validTo_input", LocalDate.now().plusDays(30));
        pages.save();
        long code = pages.idOfRow("list:codes", "AONLY");
        browser.open("app/supplements.xhtml");
        browser.click("list:add");
        browser.type("editor:labels", "Frais de dossier");
        pages.typeAmount("editor:amount_input", "20");
        pages.save();
        long supplement = pages.idOfRow("list:supplements", "Frais de dossier");
        assertEquals(200, browser.httpStatus("app/supplements.xhtml?id=" + supplement));

        secondBrowser = browsers.open("second");
        secondBrowser.fixtureOwner("tenant-b", "Gîte B " + unique());
        assertEquals(404, secondBrowser.httpStatus("app/supplements.xhtml?id=" + supplement));
        assertEquals(404, secondBrowser.httpStatus("app/promo-codes.xhtml?id=" + code));
        assertEquals(404, secondBrowser.httpStatus("app/age-ranges.xhtml?id=" + adult));
        secondBrowser.open("app/promo-codes.xhtml");
        secondBrowser.waitForDocument();
        assertFalse(secondBrowser.bodyText().contains("AONLY"), "B must not see A's codes");
        secondBrowser.open("app/supplements.xhtml");
        secondBrowser.waitForDocument();
        assertFalse(secondBrowser.bodyText().contains("Frais de dossier"), "B must not see A's supplements");

        // and A still can: the 404 was about B
        assertEquals(200, browser.httpStatus("app/promo-codes.xhtml?id=" + code));
        assertEquals(200, browser.httpStatus("app/age-ranges.xhtml?id=" + adult));
    }
}
