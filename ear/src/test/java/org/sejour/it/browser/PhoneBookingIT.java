package org.sejour.it.browser;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.sejour.it.TestSettings;
import org.sejour.it.TestSmtp;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A booking taken on the phone, in a real browser: the live quote follows every change with the
 * engine's exact figures, a missing name is refused next to its field without losing the input,
 * the dossier is created, its guest gets the booking mail the owner asked for (GreenMail, in this
 * JVM, listens on the port the test domain's mail session sends to), and the dashboard and the
 * header badge count it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class PhoneBookingIT {

    private static final Pattern DOSSIER_ID = Pattern.compile("dossier\\.xhtml\\?id=(\\d+)");
    private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Browser browser;
    private Browser secondBrowser;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    private GreenMail smtp;

    @BeforeEach
    void openBrowser() {
        browser = browsers.open();
        smtp = TestSmtp.start(TestSettings.smtpPort());
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    /** French amounts use (narrow) no-break spaces; compare them as plain spaces. */
    private static String plain(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ').replace('\u2212', '-').strip();
    }

    private String quoteText(String id) {
        return plain(browser.textOf(By.id(id)));
    }

    private void waitForTotal(String expected) {
        browser.waitForAjax();
        browser.until(d -> {
            List<?> totals = d.findElements(By.id("quoteTotal"));
            return !totals.isEmpty() && expected.equals(quoteText("quoteTotal"));
        }, "the quote's total " + expected);
    }

    /** The page at desktop width and at a phone's 375 px, tall enough to hold it whole. */
    private void screenshots(String name, int desktopHeight, int phoneHeight) {
        browser.resize(1280, desktopHeight);
        browser.screenshot(TestSettings.artifacts().resolve(name + "-desktop.png"));
        browser.resize(375, phoneHeight);
        browser.screenshot(TestSettings.artifacts().resolve(name + "-375.png"));
        browser.resize(1280, 900);
    }

    @Test
    void ownerBooksByPhoneWithLiveQuoteAndTheDashboardCountsIt() throws Exception {
        String gite = "Gîte du Lac " + UUID.randomUUID().toString().substring(0, 6);
        browser.fixtureOwner("phone", gite);
        int accountNumber = Integer.parseInt(browser.visible("account-number").getText().strip());
        assertEquals("0", browser.visible("newBookingsCount").getText().strip(), "no booking yet");

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        LocalDate arrival = today.plusDays(40);
        long accommodationId;
        try (CatalogFixture catalog = new CatalogFixture()) {
            long accountId = catalog.accountIdOfNumber(accountNumber);
            accommodationId = catalog.accommodationOf(accountId, gite);
            catalog.rate(accountId, accommodationId, 7, today.plusDays(30), today.plusDays(60), "700.00");
            catalog.supplement(accountId, "Ménage", "45.00", 2);
            catalog.promoCode(accountId, "ETE10", "Été -10 %", "10");
        }

        // as the planning links here: the stay chosen, two adults counted by default
        browser.open("app/phone-booking.xhtml?accommodation=" + accommodationId + "&arrival=" + arrival + "&nights=7");
        waitForTotal("700,00 €");
        assertEquals("Prix du séjour 700,00 €", plain(browser.textOf(By.cssSelector("tr.line-ACCOMMODATION"))));

        browser.typeNumber("booking:supplementLines:0:quantity_input", 1);
        waitForTotal("745,00 €");
        assertEquals("Supplément : Ménage 45,00 €", plain(browser.textOf(By.cssSelector("tr.line-SUPPLEMENT"))));

        browser.type("booking:promoCode", "ete10");
        browser.visible("booking:promoCode").sendKeys(Keys.TAB);
        // 10 % of 700.00 off; the 30 % deposit is taken on the accommodation only (the cleaning is outside it)
        waitForTotal("675,00 €");
        assertEquals("Code promo : Été -10 % -70,00 €", plain(browser.textOf(By.cssSelector("tr.line-PROMO_CODE"))));
        assertEquals("189,00 €", quoteText("depositAmount"));
        assertEquals("486,00 €", quoteText("balanceAmount"));
        assertEquals(today.plusDays(7).format(FRENCH_DAY), quoteText("depositDue"), "7 days after booking");
        assertEquals(arrival.minusDays(30).format(FRENCH_DAY), quoteText("balanceDue"), "30 days before arrival");

        // five nights have no rate: the precise reason, then back to the week
        browser.typeNumber("booking:nights_input", 5);
        browser.waitForAjax();
        browser.until(d -> plain(browser.textOf(By.id("booking:quote")))
                .contains("Aucun tarif pour cette date d'arrivée et cette durée"), "the refusal of 5 nights");
        browser.typeNumber("booking:nights_input", 7);
        waitForTotal("675,00 €");
        screenshots("phone-booking", 1400, 2400);

        // no name: refused next to the field, the rest kept
        browser.click("booking:create");
        browser.waitForAjax();
        browser.until(d -> plain(browser.bodyText()).contains("Le nom du client est obligatoire."), "the name's message");
        assertEquals("ETE10".toLowerCase(), browser.visible("booking:promoCode").getAttribute("value"));
        assertEquals("675,00 €", quoteText("quoteTotal"));

        browser.type("booking:lastName", "Martin");
        browser.type("booking:firstName", "Claude");
        // the booking mail asked for without an address: refused next to the e-mail field
        browser.visible("booking:mailGuest").findElement(By.cssSelector(".ui-chkbox-box")).click();
        browser.click("booking:create");
        browser.waitForAjax();
        browser.until(d -> plain(browser.textOf(By.xpath("//input[@id='booking:email']/ancestor::div[contains(@class,'field')][1]")))
                        .contains("Pour envoyer le mail au client, saisissez son adresse e-mail."),
                "the message next to the e-mail field");
        assertTrue(browser.driver.getCurrentUrl().contains("phone-booking.xhtml"), "no dossier without the address");
        screenshots("phone-booking-mail-refused", 1400, 2400);
        String guestEmail = "claude.martin-" + UUID.randomUUID().toString().substring(0, 6) + "@example.test";
        browser.type("booking:email", guestEmail);
        browser.type("booking:phone", "+33 6 12 34 56 78");
        browser.click("booking:create");
        browser.until(d -> DOSSIER_ID.matcher(d.getCurrentUrl()).find(), "the redirect to the new dossier");
        Matcher m = DOSSIER_ID.matcher(browser.driver.getCurrentUrl());
        assertTrue(m.find());
        long dossierId = Long.parseLong(m.group(1));
        try (CatalogFixture catalog = new CatalogFixture()) {
            String row = catalog.dossier(dossierId);
            assertTrue(row.startsWith("OPTION|PHONE|675.00|Martin|1|"), row);
        }
        // queued with the dossier, sent by the outbox timer: the guest gets the contract mail, once
        List<MimeMessage> toGuest = Inbox.mailsTo(smtp, guestEmail, 1);
        assertEquals(1, toGuest.size(), "one mail to the guest");
        assertEquals("Votre contrat de location — " + gite + ", dossier n° 1", toGuest.get(0).getSubject());

        browser.open("app/dashboard.xhtml");
        browser.waitForDocument();
        assertEquals("Aujourd'hui, 1 réservation a été réalisée.", plain(browser.visible("bookingsToday").getText()));
        assertEquals("1", browser.visible("newBookingsCount").getText().strip(), "the badge counts the new dossier");
        String activity = plain(browser.visible("activity").getText());
        assertTrue(activity.contains("7 jours 1 675,00 €") && activity.contains("30 jours 1 675,00 €")
                && activity.contains("12 mois 1 675,00 €"), activity);
        assertEquals("1", browser.visible("awaitingDepositCount").getText().strip());
        assertTrue(plain(browser.visible("awaitingDeposit").getText()).contains("MARTIN Claude – 189,00 €"),
                browser.visible("awaitingDeposit").getText());
        assertTrue(plain(browser.visible("originList").getText()).contains("Téléphone : 1"));
        assertTrue((Boolean) browser.js("return document.querySelector('#dashboard\\\\:revenueChart canvas') !== null;"),
                "the revenue chart is drawn");
        screenshots("dashboard", 1600, 3200);

        browser.clickAndWaitForReload("newBookings");
        browser.waitForPath("/app/new-bookings.xhtml");
        assertTrue(plain(browser.visible("newBookingList").getText()).contains("MARTIN Claude"));
        assertEquals("0", browser.visible("newBookingsCount").getText().strip(), "seen: the badge restarts");
        browser.open("app/dashboard.xhtml");
        assertEquals("0", browser.visible("newBookingsCount").getText().strip());

        // another owner: A's accommodation does not exist for B, and A's booking is not on B's dashboard
        secondBrowser = browsers.open("second");
        secondBrowser.fixtureOwner("phone-other", "Studio Voisin");
        assertEquals(404, secondBrowser.httpStatus("app/phone-booking.xhtml?accommodation=" + accommodationId));
        secondBrowser.open("app/dashboard.xhtml");
        assertEquals("Aujourd'hui, aucune réservation n'a été réalisée.",
                plain(secondBrowser.visible("bookingsToday").getText()));
        assertEquals("0", secondBrowser.visible("newBookingsCount").getText().strip());
        assertFalse(secondBrowser.driver.getPageSource().contains("MARTIN"));
        assertEquals(1, Inbox.received(smtp, guestEmail).size(),
                "still one mail to the guest, many outbox ticks later");
    }
}
