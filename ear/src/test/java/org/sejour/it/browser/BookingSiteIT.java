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
import org.openqa.selenium.support.ui.Select;
import org.sejour.it.TestSettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hosted booking site in a real browser: a guest goes from the owner's accommodation list
 * to a paid, confirmed dossier (supplement, promo code with its struck-out price, terms, double
 * submit, offline provider); failed and abandoned payments leave an unpaid option; a repeated
 * return pays once; other owners' ids and test-mode accounts are 404; and an owner in test mode
 * books through the same engine from the back office's booking tests page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class BookingSiteIT {

    private Browser browser;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeEach
    void openBrowser() {
        browser = browsers.open();
    }

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    /** French amounts use (narrow) no-break spaces; compare them as plain spaces. */
    private static String plain(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ').replace('\u2212', '-').strip();
    }

    private String text(String id) {
        return plain(browser.textOf(By.id(id)));
    }

    private void screenshots(String name) {
        browser.resize(1280, 1400);
        browser.screenshot(TestSettings.artifacts().resolve("site-" + name + "-desktop.png"));
        browser.resize(375, 2200);
        browser.screenshot(TestSettings.artifacts().resolve("site-" + name + "-375.png"));
        browser.resize(1280, 900);
    }

    /** An account in production with one bookable gîte: a week at 700.00, a 45.00 cleaning, code NOEL2026 at 25 %. */
    private record Shop(SiteFixture.Account account, long gite) {
    }

    private Shop shop(String name) throws Exception {
        try (SiteFixture site = new SiteFixture(); CatalogFixture catalog = new CatalogFixture()) {
            SiteFixture.Account account = site.account(true, "Rousseau");
            long gite = site.accommodation(account, name, "BOOKABLE");
            catalog.rate(account.id(), gite, 7, TODAY.plusDays(30), TODAY.plusDays(80), "700.00");
            catalog.supplement(account.id(), "Ménage", "45.00", 2);
            catalog.promoCode(account.id(), "NOEL2026", "Promotion Noël", "25");
            site.salesTermsText(account, "Article 1 : l'acompte confirme la réservation.");
            return new Shop(account, gite);
        }
    }

    private void setPersons(int index, int persons) {
        setPersons("book:partyLines:" + index + ":persons", persons);
    }

    private void setPersons(String id, int persons) {
        WebElement input = browser.visible(id);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, Integer.toString(persons), Keys.TAB);
        browser.waitForAjax();
    }

    private void waitForTotal(String expected) {
        browser.waitForAjax();
        browser.until(d -> !d.findElements(By.id("quoteTotal")).isEmpty() && expected.equals(text("quoteTotal")),
                "the quote's total " + expected);
    }

    private void fillGuest() {
        browser.type("book:lastName", "Martin");
        browser.type("book:firstName", "Claude");
        browser.type("book:email", "claude.martin@example.test");
        browser.type("book:phone", "+33 6 00 00 00 00");
        browser.type("book:city", "Lyon");
    }

    /** From the booking page's first step to the payment page, with two adults and nothing else. */
    private String bookPlainStay(Shop shop, LocalDate arrival) {
        browser.open("site/" + shop.account().number() + "/book?accommodation=" + shop.gite() + "&arrival=" + arrival
                + "&nights=7&lang=fr");
        waitForTotal("700,00 €");
        return bookAsQuoted();
    }

    /** From the stay as quoted, through the guest's details and the terms, to the payment page; its token. */
    private String bookAsQuoted() {
        browser.click("book:next");
        browser.waitForAjax();
        fillGuest();
        browser.click("book:terms");
        browser.click("book:confirm");
        browser.waitForPath("/pay/");
        return browser.driver.getCurrentUrl().replaceAll(".*/pay/([A-Za-z0-9_-]+).*", "$1");
    }

    /** The version of the account's terms, as the public API gives it to widgets. */
    private static String publishedTermsVersion(int accountNumber) throws Exception {
        HttpResponse<String> terms = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(TestSettings.baseUrl() + "api/v1/accounts/" + accountNumber + "/terms")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, terms.statusCode(), terms.body());
        Matcher version = Pattern.compile("\"version\"\\s*:\\s*\"([0-9a-f]+)\"").matcher(terms.body());
        assertTrue(version.find(), terms.body());
        return version.group(1);
    }

    private void payWith(String button) {
        browser.clickAndWaitForReload("pay:payNow");
        browser.waitForPath("/offline-pay/");
        browser.clickAndWaitForReload("provider:" + button);
        browser.waitForPath("/booking/");
    }

    @Test
    void guestBooksWithSupplementAndCodeThenPaysTheDepositAndTheDossierIsConfirmed() throws Exception {
        String name = "Gîte du Lac " + UUID.randomUUID().toString().substring(0, 6);
        Shop shop = shop(name);
        LocalDate arrival = TODAY.plusDays(40);

        browser.open("site/" + shop.account().number() + "?lang=fr");
        assertEquals("Nos hébergements", browser.visible("site-title").getText());
        assertTrue(browser.visible("listing-" + shop.gite()).getText().contains(name), browser.bodyText());
        screenshots("home");

        browser.clickAndWaitForReload("listing-link-" + shop.gite());
        assertEquals(name, browser.visible("accommodation-name").getText());
        assertTrue(browser.visible("amenities").getText().contains("Jardin"));
        assertTrue(browser.visible("coordinates").getText().contains("44.559722"));
        // the calendar of the arrival's month, then the arrival day itself
        browser.open("site/" + shop.account().number() + "/accommodation/" + shop.gite() + "?month="
                + arrival.toString().substring(0, 7) + "&lang=fr");
        browser.clickAndWaitForReload("day-" + arrival);
        assertTrue(text("offer-7").startsWith("1 semaine / 700,00 €"), text("offer-7"));
        screenshots("accommodation");

        browser.clickAndWaitForReload("book-7");
        browser.waitForPath("/book");
        waitForTotal("700,00 €");
        setPersons(0, 3);
        waitForTotal("700,00 €");
        new Select(browser.visible("book:supplementLines:0:quantity")).selectByVisibleText("1");
        waitForTotal("745,00 €");
        browser.type("book:promoCode", "noel2026");
        browser.click("book:applyCode");
        waitForTotal("570,00 €");
        assertEquals("-25 % Promotion Noël", text("book:promoBadge"));
        assertEquals("700,00 €", text("struckOutPrice"));
        assertEquals("525,00 €", text("accommodationPrice"));
        assertEquals("157,50 €", text("depositAmount"));
        screenshots("book-stay");

        browser.click("book:next");
        browser.waitForAjax();
        fillGuest();
        assertTrue(browser.visible("termsText").getText().contains("Article 1"));
        browser.click("book:confirm");
        browser.waitForAjax();
        assertFalse(browser.visible("book:termsMessage").getText().isBlank(), "the terms must be accepted first");
        screenshots("book-guest");
        browser.click("book:terms");
        Instant accepting = Instant.now();
        // a double submit: both requests reach the engine with the page's idempotency key
        browser.js("var b = document.getElementById('book:confirm'); b.click(); b.click();");
        browser.waitForPath("/pay/");
        try (SiteFixture site = new SiteFixture()) {
            assertEquals(List.of("OPTION|BOOKING_SITE|570.00|0.00|0"), site.dossiers(shop.account().id()),
                    "one dossier, an option, nothing paid");
            SiteFixture.Acceptance accepted = site.latestAcceptance(shop.account().id());
            assertEquals(publishedTermsVersion(shop.account().number()), accepted.version(),
                    "the dossier keeps the terms version the public API publishes");
            assertFalse(accepted.at().isBefore(accepting.minusSeconds(1)) || accepted.at().isAfter(Instant.now()),
                    () -> "accepted at " + accepted.at() + ", the button was pressed at " + accepting);
        }
        assertEquals("157,50 €", plain(browser.visible("dossierDeposit").getText()));
        screenshots("pay");

        browser.clickAndWaitForReload("pay:payNow");
        browser.waitForPath("/offline-pay/");
        assertEquals("157,50 €", text("providerAmount"));
        String providerPage = browser.driver.getCurrentUrl();
        screenshots("offline-provider");
        browser.clickAndWaitForReload("provider:succeed");
        browser.waitForPath("/booking/");
        assertEquals("Confirmée", browser.visible("dossierStatus").getText());
        assertEquals("157,50 €", text("dossierPaid"));
        assertEquals("412,50 €", text("dossierRemaining"));
        assertEquals("412,50 €", text("dossierBalance"), "the balance: 570.00 − 157.50 of deposit");
        assertTrue(text("paymentOutcome").startsWith("Paiement reçu"));
        screenshots("confirmed");

        // the guest comes back again (reload, back button, the provider's retry): nothing is paid twice
        String attempt;
        try (SiteFixture site = new SiteFixture()) {
            List<String> attempts = site.attempts(shop.account().id());
            assertEquals(1, attempts.size(), attempts.toString());
            assertTrue(attempts.get(0).startsWith("PAID|157.50|"), attempts.toString());
            attempt = attempts.get(0).split("\\|")[2];
        }
        browser.open("payment/return?attempt=" + attempt);
        browser.waitForPath("/booking/");
        browser.open("payment/return?attempt=" + attempt);
        browser.waitForPath("/booking/");
        browser.driver.get(providerPage);
        browser.clickAndWaitForReload("provider:succeed");
        browser.waitForPath("/booking/");
        assertEquals("157,50 €", text("dossierPaid"));
        try (SiteFixture site = new SiteFixture()) {
            assertEquals(List.of("CONFIRMED|BOOKING_SITE|570.00|157.50|1"), site.dossiers(shop.account().id()));
        }
    }

    @Test
    void aGuestBooksTwoAccommodationsInOneDossierWhereTheOwnerOffersIt() throws Exception {
        Shop shop = shop("Gîte du Pré " + UUID.randomUUID().toString().substring(0, 6));
        String barn = "Grange " + UUID.randomUUID().toString().substring(0, 6);
        long grange;
        try (SiteFixture site = new SiteFixture(); CatalogFixture catalog = new CatalogFixture()) {
            grange = site.accommodation(shop.account(), barn, "BOOKABLE");
            catalog.rate(shop.account().id(), grange, 7, TODAY.plusDays(30), TODAY.plusDays(80), "500.00");
        }
        String page = "site/" + shop.account().number() + "/book?accommodation=" + shop.gite() + "&arrival="
                + TODAY.plusDays(50) + "&nights=7&lang=fr";
        browser.open(page);
        waitForTotal("700,00 €");
        assertTrue(browser.driver.findElements(By.id("book:addStay")).isEmpty(),
                "one accommodation per booking unless the owner offers more");

        try (SiteFixture site = new SiteFixture()) {
            site.severalStays(shop.account(), true);
        }
        browser.open(page);
        waitForTotal("700,00 €");
        browser.click("book:addStay");
        browser.waitForAjax();
        new Select(browser.visible("book:others:0:accommodation")).selectByValue(Long.toString(grange));
        browser.waitForAjax();
        setPersons("book:others:0:partyLines:0:persons", 3);
        waitForTotal("1 200,00 €");
        String lines = text("quoteLines");
        assertTrue(lines.contains(barn) && lines.contains("Sous-total"), lines);
        assertEquals("360,00 €", text("depositAmount"), "one deposit: 30 % of both");
        screenshots("book-two");

        bookAsQuoted();
        try (SiteFixture site = new SiteFixture()) {
            assertEquals(List.of("OPTION|BOOKING_SITE|1200.00|0.00|0"), site.dossiers(shop.account().id()));
            assertEquals(List.of(shop.gite(), grange), site.latestStays(shop.account().id()));
        }
    }

    @Test
    void failedAndAbandonedPaymentsLeaveAnUnpaidOptionAndALaterOneConfirms() throws Exception {
        Shop shop = shop("Chalet " + UUID.randomUUID().toString().substring(0, 6));
        bookPlainStay(shop, TODAY.plusDays(45));

        payWith("fail");
        assertTrue(text("paymentOutcome").startsWith("Le paiement a été refusé"), text("paymentOutcome"));
        assertEquals("Option (en attente de l'acompte)", browser.visible("dossierStatus").getText());
        assertEquals("0,00 €", text("dossierPaid"));
        screenshots("payment-failed");

        browser.clickAndWaitForReload("payLink");
        payWith("abandon");
        assertTrue(text("paymentOutcome").startsWith("Paiement abandonné"), text("paymentOutcome"));
        assertEquals("0,00 €", text("dossierPaid"));
        try (SiteFixture site = new SiteFixture()) {
            assertEquals(List.of("OPTION|BOOKING_SITE|700.00|0.00|0"), site.dossiers(shop.account().id()));
            List<String> attempts = site.attempts(shop.account().id());
            assertEquals(2, attempts.size());
            assertTrue(attempts.get(0).startsWith("FAILED|210.00|") && attempts.get(1).startsWith("ABANDONED|210.00|"),
                    attempts.toString());
        }

        browser.clickAndWaitForReload("payLink");
        payWith("succeed");
        assertEquals("Confirmée", browser.visible("dossierStatus").getText());
        try (SiteFixture site = new SiteFixture()) {
            assertEquals(List.of("CONFIRMED|BOOKING_SITE|700.00|210.00|1"), site.dossiers(shop.account().id()));
        }
    }

    @Test
    void onlyProductionAccountsAndBookableAccommodationsAreReachableAndInTheGuestsLanguage() throws Exception {
        Shop shop = shop("Studio " + UUID.randomUUID().toString().substring(0, 6));
        SiteFixture.Account other;
        SiteFixture.Account testMode;
        long hidden;
        long othersGite;
        long testGite;
        try (SiteFixture site = new SiteFixture()) {
            hidden = site.accommodation(shop.account(), "Caché", "HIDDEN");
            other = site.account(true, "Autre");
            othersGite = site.accommodation(other, "Gîte d'un autre", "BOOKABLE");
            testMode = site.account(false, "Essai");
            testGite = site.accommodation(testMode, "Gîte en test", "BOOKABLE");
        }
        int n = shop.account().number();
        assertEquals(200, browser.httpStatus("site/" + n));
        assertEquals(200, browser.httpStatus("site/" + n + "/accommodation/" + shop.gite()));
        assertEquals(200, browser.httpStatus("site/" + n + "/book?accommodation=" + shop.gite()));
        for (String path : List.of(
                "site/" + n + "/accommodation/" + hidden,
                "site/" + n + "/accommodation/" + othersGite,
                "site/" + other.number() + "/accommodation/" + shop.gite(),
                "site/" + n + "/book?accommodation=" + othersGite,
                "site/" + n + "/book?accommodation=" + hidden,
                "site/" + testMode.number(),
                "site/" + testMode.number() + "/accommodation/" + testGite,
                "site/" + testMode.number() + "/book?accommodation=" + testGite,
                "site/999999999",
                "site/" + n + "/nothing",
                "pay/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "booking/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "offline-pay/off_AAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "payment/return?attempt=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")) {
            assertEquals(404, browser.httpStatus(path), path);
        }
        // the hidden accommodation is not listed either
        browser.open("site/" + n + "?lang=de");
        assertEquals("Unsere Unterkünfte", browser.visible("site-title").getText());
        assertTrue(browser.driver.findElements(By.id("listing-" + hidden)).isEmpty(), "a hidden accommodation is not listed");
        browser.click("listing-link-" + shop.gite());
        browser.waitForPath("/accommodation/");
        assertTrue(browser.visible("description").getText().startsWith("Ein ruhiges Ferienhaus"),
                "the German description");
        assertTrue(browser.visible("amenities").getText().contains("Garten"));
        browser.clickAndWaitForReload("lang-nl");
        assertTrue(browser.visible("amenities").getText().contains("Tuin"));
        assertTrue(browser.visible("description").getText().startsWith("Un gîte calme"), "French when not translated");
        browser.open("site/" + n + "/book?accommodation=" + shop.gite() + "&arrival=" + TODAY.plusDays(50)
                + "&nights=7&lang=en");
        waitForTotal("€700.00");
        assertEquals("Your price", browser.visible("book:quote").findElement(By.tagName("h2")).getText());
        assertTrue(browser.textOf(By.cssSelector("label[for='book:partyLines:0:persons']")).startsWith("Adult ("),
                "the age range in the guest's language");
        browser.clickAndWaitForReload("lang-de");
        assertTrue(browser.textOf(By.cssSelector("label[for='book:partyLines:0:persons']")).startsWith("Erwachsener ("));
    }

    /** The 404 page speaks as the booking site would: the lang parameter, then the visit's choice. */
    @Test
    void theErrorPageSpeaksTheGuestsLanguage() {
        browser.open("site/999999999/accommodation/1?arrival=2027-05-01&lang=de");
        assertEquals("Diese Seite existiert nicht oder ist für Sie nicht zugänglich.",
                browser.visible("error-title").getText());
        assertEquals("de", browser.driver.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertEquals("Zur Startseite", browser.visible("error-home").getText());
        screenshots("error-404-de");
        assertEquals(404, browser.httpStatus("site/999999999/accommodation/1?lang=de"));

        // the language switch keeps the address that failed
        browser.clickAndWaitForReload("lang-es");
        assertTrue(browser.driver.getCurrentUrl().endsWith("/site/999999999/accommodation/1?arrival=2027-05-01&lang=es"),
                browser.driver.getCurrentUrl());
        assertEquals("Esta página no existe o no tiene acceso a ella.", browser.visible("error-title").getText());

        // an address no page answers, later in the same visit: still Spanish
        browser.open("nothing/here.xhtml");
        assertEquals("Esta página no existe o no tiene acceso a ella.", browser.visible("error-title").getText());
        assertEquals("es", browser.driver.findElement(By.tagName("html")).getDomAttribute("lang"));
    }

    @Test
    void anOwnerInTestModeBooksThroughTheEngineFromTheBookingTestsPageAndDeletesTheTests() throws Exception {
        String gite = "Gîte test " + UUID.randomUUID().toString().substring(0, 6);
        browser.fixtureOwner("site-test", gite);
        int accountNumber = Integer.parseInt(browser.visible("account-number").getText().strip());
        LocalDate arrival = TODAY.plusDays(35);
        long accountId;
        long accommodationId;
        try (CatalogFixture catalog = new CatalogFixture(); SiteFixture site = new SiteFixture()) {
            accountId = catalog.accountIdOfNumber(accountNumber);
            accommodationId = catalog.accommodationOf(accountId, gite);
            site.visibility(accommodationId, "BOOKABLE");
            catalog.rate(accountId, accommodationId, 7, TODAY.plusDays(30), TODAY.plusDays(60), "490.00");
        }
        assertEquals(404, browser.httpStatus("site/" + accountNumber), "a test-mode account is not online");

        browser.click("menu-bookingTests");
        browser.waitForPath("/app/booking-tests.xhtml");
        browser.js("var i = document.getElementById('search:arrival'); i.value = arguments[0];", arrival.toString());
        browser.click("search:searchButton");
        browser.waitForAjax();
        WebElement hit = browser.visible("hit-" + accommodationId);
        assertTrue(plain(hit.getText()).contains("490,00 €"), hit.getText());
        screenshots("booking-tests");
        hit.findElement(By.linkText("Réserver (test)")).click();
        browser.waitForPath("/app/booking-test.xhtml");
        assertFalse(browser.visible("book:testBanner").getText().isBlank());
        waitForTotal("490,00 €");
        screenshots("booking-test-flow");
        browser.click("book:next");
        browser.waitForAjax();
        fillGuest();
        browser.click("book:terms");
        browser.click("book:confirm");
        browser.waitForPath("/pay/");
        assertFalse(browser.visible("testBanner").getText().isBlank(), "the payment page says it is a test");
        SiteFixture.Acceptance accepted;
        try (SiteFixture site = new SiteFixture()) {
            assertEquals(List.of("OPTION|TEST|490.00|0.00|0"), site.dossiers(accountId));
            assertEquals(7, site.soldNights(accommodationId));
            accepted = site.latestAcceptance(accountId);
        }
        assertTrue(accepted.version() != null && accepted.version().matches("[0-9a-f]{16}"), accepted::toString);
        browser.open("app/dossier.xhtml?id=" + accepted.dossierId());
        assertTrue(text("termsAccepted").matches("Conditions acceptées : version " + accepted.version()
                + " le \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}"), text("termsAccepted"));
        browser.screenshot(TestSettings.artifacts().resolve("dossier-terms-accepted.png"));

        browser.open("app/booking-tests.xhtml");
        assertTrue(browser.visible("tests:testBookings").getText().contains("MARTIN Claude"));
        browser.click("tests:deleteAll");
        browser.until(d -> !d.findElements(By.cssSelector(".ui-confirmdialog-yes")).isEmpty()
                && d.findElement(By.cssSelector(".ui-confirmdialog-yes")).isDisplayed(), "the confirmation");
        browser.driver.findElement(By.cssSelector(".ui-confirmdialog-yes")).click();
        browser.waitForAjax();
        browser.until(d -> browser.textOf(By.id("tests:testBookings")).contains("Aucune réservation de test"),
                "the emptied list");
        try (SiteFixture site = new SiteFixture()) {
            assertEquals(List.of(), site.dossiers(accountId));
            assertEquals(0, site.soldNights(accommodationId), "the nights are back on sale");
        }
    }
}
