package org.sejour.it.browser;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.sejour.it.FixtureHttp;
import org.sejour.it.TestSettings;
import org.sejour.it.fixtures.DossierFixtures;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pre-arrival form (issue 18): a Spanish guest fills it at 375 px and the owner sees it on
 * the arrivals list and the dossier and prints the police forms; bad input is refused whole in
 * Spanish; a wrong token shows and changes nothing, another guest's page shows nothing of the
 * first's; after the arrival day it is read-only, a cancelled dossier has none; the same form
 * sent twice at once is one form, and the database refuses what the form would; another owner
 * gets 404 for the police forms.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class PreArrivalIT {

    private static final String SCRIPT_NAME = "<b>Pablo</b><script>window.pwned=1</script>";

    @RegisterExtension
    final Browsers browsers = new Browsers();

    record Fixture(String login, String password, long garcia, String garciaToken, long other, String otherToken) {
    }

    private static Fixture fixture(String prefix, String options) {
        String password = "Pw-" + UUID.randomUUID() + "!";
        Properties p = FixtureHttp.post("sejour-tests/fixtures/pre-arrival", "prefix=" + prefix + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + (options.isEmpty() ? "" : "&" + options));
        return new Fixture(p.getProperty("login"), password, Long.parseLong(p.getProperty("garcia")),
                p.getProperty("garciaToken"), Long.parseLong(p.getProperty("other")), p.getProperty("otherToken"));
    }

    private static String plain(String text) {
        return text.replaceAll("[\\s\\u00a0\\u202f]+", " ").strip();
    }

    private static String text(Browser browser, String id) {
        return plain(browser.textOf(By.id(id)));
    }

    private static String value(Browser browser, String id) {
        return browser.byId(id).getAttribute("value");
    }

    /** Sets an input's value as a guest's browser would (time and date pickers differ between locales). */
    private static void set(Browser browser, String id, String value) {
        browser.js("var e = document.getElementById(arguments[0]); e.removeAttribute('maxlength'); e.value = arguments[1];"
                + "e.dispatchEvent(new Event('change', {bubbles: true}));", id, value);
    }

    private static void nationality(Browser browser, int person, String code) {
        new Select(browser.byId("preArrival:persons:" + person + ":nationality")).selectByValue(code);
    }

    private static String person(int i, String field) {
        return "preArrival:persons:" + i + ":" + field;
    }

    private static void assertFitsThePhone(Browser browser) {
        Object overflow = browser.js("return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(((Number) overflow).intValue() <= 0, "wider than 375 px by " + overflow);
    }

    private static void openAsGuest(Browser browser, String token, String lang) {
        browser.open("booking/" + token + "?lang=" + lang);
        browser.waitForDocument();
    }

    @Test
    void aSpanishGuestFillsTheFormAtPhoneWidthAndTheOwnerSeesItOnTheArrivalsList() throws Exception {
        Fixture f = fixture("pa-es", "");
        Browser guest = browsers.open("guest");
        guest.resize(375, 2200);
        openAsGuest(guest, f.garciaToken(), "es");
        assertEquals("Antes de su llegada", text(guest, "pre-arrival-title"));
        assertTrue(text(guest, "preArrivalIntro").contains("3 persona"), text(guest, "preArrivalIntro"));
        assertEquals("Lucía", value(guest, person(0, "firstName")), "the booking's guest to start with");
        assertEquals("ES", value(guest, person(0, "nationality")));
        assertTrue(text(guest, "pa-arrivalTime-hint").contains("16:00") && text(guest, "pa-arrivalTime-hint")
                .contains("19:00"), "the owner's arrival hours: " + text(guest, "pa-arrivalTime-hint"));

        set(guest, "preArrival:arrivalTime", "17:30");
        guest.type(person(0, "age"), "41");
        set(guest, person(0, "birthDate"), "1985-10-14");
        guest.type(person(0, "birthPlace"), "Sevilla");
        guest.type(person(0, "homeAddress"), "Calle Mayor 5, 41001 Sevilla");
        guest.type(person(1, "firstName"), SCRIPT_NAME);
        guest.type(person(1, "lastName"), "García");
        guest.type(person(1, "age"), "9");
        nationality(guest, 1, "ES");
        guest.type("preArrival:carPlate", "1234 ABC");
        guest.type("preArrival:remarks", "Llegamos con un perro pequeño.");
        assertFitsThePhone(guest);
        guest.keepEvidence("pre-arrival-es-375-filled");
        guest.clickAndWaitForReload("preArrival:send");
        guest.until(d -> d.findElements(By.id("preArrivalSaved")).size() == 1, "the thank-you");
        assertTrue(text(guest, "preArrivalSaved").startsWith("¡Gracias!"), text(guest, "preArrivalSaved"));
        assertTrue(guest.driver.getCurrentUrl().contains("lang=es"), guest.driver.getCurrentUrl());
        assertTrue(text(guest, "preArrivalSent").startsWith("Enviado el"), text(guest, "preArrivalSent"));
        assertEquals("17:30", value(guest, "preArrival:arrivalTime"), "what was sent, to change until arrival");
        assertEquals(SCRIPT_NAME, value(guest, person(1, "firstName")), "a name is kept as typed");
        assertEquals("", value(guest, person(2, "firstName")), "nobody named in the third place");
        assertEquals(null, guest.js("return window.pwned;"), "and never run");
        assertFitsThePhone(guest);
        guest.keepEvidence("pre-arrival-es-375-saved");

        Browser owner = browsers.open("owner");
        owner.submitLogin(f.login(), f.password());
        owner.waitForPath("/app/dashboard.xhtml");
        owner.open("app/arrivals.xhtml");
        owner.waitForDocument();
        new SettingsPages(owner).setDate("movements:from_input", DossierFixtures.MAY_FIRST);
        owner.click("movements:show");
        owner.waitForAjax();
        owner.until(d -> plain(d.findElement(By.id("movements:list")).getText()).contains("GARCÍA"), "García's arrival");
        String row = plain(owner.textOf(By.cssSelector("[id='movements:list_data'] tr")));
        assertTrue(row.contains("17:30"), row);
        assertTrue(row.contains("Reçu"), row);
        assertTrue(row.contains("2 sur 3"), "two of the three persons named: " + row);
        owner.keepEvidence("arrivals-with-pre-arrival-form");

        owner.open("app/dossier.xhtml?id=" + f.garcia());
        owner.waitForDocument();
        assertEquals("17:30", text(owner, "preArrivalTime"));
        String persons = text(owner, "preArrivalPersons");
        assertTrue(persons.contains("García Lucía") && persons.contains("41 ans") && persons.contains("14/10/1985"),
                persons);
        assertTrue(persons.contains(SCRIPT_NAME), "shown as text: " + persons);
        assertEquals(null, owner.js("return window.pwned;"));
        assertEquals("1234 ABC", text(owner, "preArrivalCar"));
        owner.keepEvidence("dossier-pre-arrival");

        String pdf = pdftotext(download(owner, "app/police-forms/" + f.garcia() + ".pdf"), "police-forms-es.pdf");
        assertEquals(1, pdf.split("\f", -1).length - 1, "one page: one foreign guest of 15 or over\n" + pdf);
        assertTrue(pdf.contains("FICHE INDIVIDUELLE DE POLICE"), pdf);
        assertTrue(pdf.contains("García") && pdf.contains("14/10/1985") && pdf.contains("Espagne (ES)"), pdf);
        assertTrue(pdf.contains("01/05/2027") && pdf.contains("08/05/2027"), pdf);
        assertTrue(plain(pdf).contains(SCRIPT_NAME + " García (9 ans"), "the child on her form, as typed: " + pdf);
    }

    @Test
    void badInputIsRefusedWholeInSpanishAndNothingIsWritten() {
        Fixture f = fixture("pa-bad", "");
        Browser guest = browsers.open();
        guest.resize(375, 2200);
        openAsGuest(guest, f.garciaToken(), "es");
        set(guest, "preArrival:arrivalTime", "23:00");
        guest.type(person(0, "age"), "200");
        set(guest, person(0, "lastName"), "x".repeat(101));
        guest.type(person(1, "firstName"), "Pablo");
        guest.type("preArrival:carPlate", "1234 ABC");
        guest.clickAndWaitForReload("preArrival:send");
        guest.until(d -> !d.findElement(By.id("preArrivalMessages")).getText().isBlank(), "the problems");
        assertEquals("El formulario no se ha enviado: corrija los campos señalados.", text(guest, "preArrivalMessages"));
        assertEquals("Elija una hora de llegada entre las 16:00 y las 19:00.", text(guest, "pa-arrivalTime-msg"));
        assertEquals("Indique una edad entre 0 y 120 años.", text(guest, "pa-0-age"));
        assertTrue(text(guest, "pa-0-lastName").contains("100 caracteres"), text(guest, "pa-0-lastName"));
        assertTrue(text(guest, "pa-1-lastName").startsWith("Indique los apellidos"), text(guest, "pa-1-lastName"));
        assertTrue(text(guest, "pa-1-age").startsWith("Indique una edad"), text(guest, "pa-1-age"));
        assertEquals("true", guest.byId(person(0, "age")).getAttribute("aria-invalid"));
        assertEquals("200", value(guest, person(0, "age")), "what was typed is kept to correct");
        assertEquals("1234 ABC", value(guest, "preArrival:carPlate"));
        assertFalse(guest.bodyText().contains("Le formulaire"), "no French on a Spanish page");
        assertFitsThePhone(guest);
        guest.keepEvidence("pre-arrival-es-375-problems");

        openAsGuest(guest, f.garciaToken(), "es");
        assertEquals("", text(guest, "preArrivalSent"), "nothing was sent");
        assertEquals("", value(guest, "preArrival:carPlate"), "nothing half-written");
    }

    @Test
    void aWrongTokenShowsNothingAndAnotherGuestsPageNothingOfTheFirst() {
        Fixture f = fixture("pa-token", "sent=true");
        Browser guest = browsers.open();
        String wrong = "A" + f.garciaToken().substring(1).replace('A', 'B');
        assertEquals(404, guest.httpStatus("booking/" + wrong + "?lang=es"));
        openAsGuest(guest, wrong, "es");
        assertTrue(guest.driver.findElements(By.id("pre-arrival")).isEmpty(), "no form for a wrong token");

        openAsGuest(guest, f.otherToken(), "nl");
        assertEquals("Jan", value(guest, person(0, "firstName")));
        assertFalse(guest.driver.getPageSource().contains("Lucía"), "nothing of the other guest's form");
        assertFalse(guest.driver.getPageSource().contains("1234 ABC"));
        // a postback naming a token of no dossier: 404, and neither form changes
        guest.js("document.querySelector(\"#preArrival input[name='token']\").value = arguments[0];", wrong);
        set(guest, "preArrival:arrivalTime", "17:00");
        guest.type(person(0, "age"), "50");
        nationality(guest, 0, "FR");
        guest.clickAndWaitForReload("preArrival:send");
        assertEquals("Deze pagina bestaat niet of is voor u niet toegankelijk.", text(guest, "error-title"));
        openAsGuest(guest, f.otherToken(), "nl");
        assertEquals("", text(guest, "preArrivalSent"), "Jan's form was not written");
        openAsGuest(guest, f.garciaToken(), "es");
        assertEquals("18:00", value(guest, "preArrival:arrivalTime"), "García's form as she sent it");
        assertEquals("1234 ABC", value(guest, "preArrival:carPlate"));
    }

    @Test
    void afterTheArrivalDayTheFormIsReadOnlyAndACancelledDossierHasNone() {
        Fixture f = fixture("pa-closed", "sent=true");
        Browser guest = browsers.open();
        openAsGuest(guest, f.garciaToken(), "es");
        guest.type("preArrival:carPlate", "9999 ZZZ");
        // the stay begins while the page is open: the send that follows changes nothing
        FixtureHttp.post("sejour-tests/fixtures/pre-arrival", "action=past&dossier=" + f.garcia());
        guest.clickAndWaitForReload("preArrival:send");
        guest.until(d -> !d.findElement(By.id("preArrivalMessages")).getText().isBlank(), "the refusal");
        assertTrue(text(guest, "preArrivalMessages").contains("ya no se puede modificar"),
                text(guest, "preArrivalMessages"));
        openAsGuest(guest, f.garciaToken(), "es");
        assertTrue(guest.driver.findElements(By.id("preArrival")).isEmpty(), "no form to send any more");
        assertTrue(text(guest, "preArrivalIntro").contains("ya no se puede modificar"), text(guest, "preArrivalIntro"));
        assertTrue(text(guest, "preArrivalReadOnly").contains("1234 ABC"), "what was sent: "
                + text(guest, "preArrivalReadOnly"));
        assertTrue(text(guest, "preArrivalReadOnly").contains("Lucía García, 41"), text(guest, "preArrivalReadOnly"));

        Fixture cancelled = fixture("pa-cancelled", "cancelled=true");
        openAsGuest(guest, cancelled.garciaToken(), "es");
        guest.until(d -> d.findElements(By.id("dossierStatus")).size() == 1, "the booking page");
        assertTrue(guest.driver.findElements(By.id("pre-arrival")).isEmpty(), "a cancelled dossier has no form");
    }

    @Test
    void theSameFormSentTwiceAtOnceIsOneFormAndTheDatabaseRefusesWhatTheFormWould() {
        Fixture f = fixture("pa-probe", "");
        Properties p = FixtureHttp.post("sejour-tests/fixtures/pre-arrival", "action=probe&token=" + f.garciaToken()
                + "&dossier=" + f.garcia());
        assertEquals("0", p.getProperty("twiceFailed"), "both sends answered: " + p);
        assertEquals("1", p.getProperty("forms"), "one form per dossier: " + p);
        assertEquals("23514", p.getProperty("tooMany"), "four persons for a party of three: " + p);
        assertEquals("ok", p.getProperty("threeFit"), p.toString());
        assertEquals("23514", p.getProperty("age121"), p.toString());
        assertEquals("23514", p.getProperty("policeFieldsMissing"), "a German adult without the police fields: " + p);
        assertEquals("23505", p.getProperty("secondForm"), p.toString());
        assertEquals("22001", p.getProperty("longPlate"), p.toString());
        assertEquals("2", p.getProperty("persons"), "the form as sent, nothing of the refused rows: " + p);
    }

    @Test
    void anotherOwnerGetsNotFoundForThePoliceForms() {
        Fixture a = fixture("pa-owner-a", "sent=true");
        Fixture b = fixture("pa-owner-b", "sent=true");
        Browser browser = browsers.open();
        browser.submitLogin(b.login(), b.password());
        browser.waitForPath("/app/dashboard.xhtml");
        assertEquals(200, browser.httpStatus("app/police-forms/" + b.garcia() + ".pdf"), "B prints her own");
        assertEquals(404, browser.httpStatus("app/police-forms/" + a.garcia() + ".pdf"), "never A's");
        assertEquals(404, browser.httpStatus("app/police-forms/" + b.other() + ".pdf"), "no form, nothing to print");
        assertEquals(404, browser.httpStatus("app/police-forms/abc.pdf"));
        browser.open("app/dossier.xhtml?id=" + b.other());
        browser.waitForDocument();
        assertTrue(text(browser, "preArrivalNone").startsWith("Le client n'a pas encore envoyé"),
                text(browser, "preArrivalNone"));
    }

    @Test
    void policeFieldsAreErasedSixMonthsAfterTheStayAndNothingElse() {
        Fixture kept = fixture("pa-kept", "sent=true");
        Fixture old = fixture("pa-erased", "sent=true");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        // the last day they are kept: six months after the departure
        Properties k = FixtureHttp.post("sejour-tests/fixtures/pre-arrival", "action=erase&dossier=" + kept.garcia()
                + "&departure=" + today.minusMonths(6));
        assertEquals("5", k.getProperty("luciaFields"), "still kept: " + k);
        assertEquals("0", k.getProperty("luciaErased"), k.toString());
        Properties o = FixtureHttp.post("sejour-tests/fixtures/pre-arrival", "action=erase&dossier=" + old.garcia()
                + "&departure=" + today.minusMonths(6).minusDays(1));
        assertEquals("0", o.getProperty("luciaFields"), "a day more, erased: " + o);
        assertEquals("1", o.getProperty("luciaErased"), o.toString());
        assertEquals("2", o.getProperty("persons"), "the party's names stay with the dossier");
        assertTrue(Integer.parseInt(o.getProperty("erased")) >= 1, o.toString());

        Browser owner = browsers.open();
        owner.submitLogin(old.login(), old.password());
        owner.waitForPath("/app/dashboard.xhtml");
        assertEquals(404, owner.httpStatus("app/police-forms/" + old.garcia() + ".pdf"), "nothing left to print");
        owner.open("app/dossier.xhtml?id=" + old.garcia());
        owner.waitForDocument();
        assertTrue(text(owner, "preArrivalPersons").contains("Pablo"), "the form itself is still on the dossier");
        assertTrue(owner.driver.findElements(By.id("printPoliceForms")).isEmpty(),
                "no police forms to print any more");
        Browser other = browsers.open();
        other.submitLogin(kept.login(), kept.password());
        other.waitForPath("/app/dashboard.xhtml");
        assertEquals(200, other.httpStatus("app/police-forms/" + kept.garcia() + ".pdf"), "still printable");
    }

    /** GETs a path with the browser's session and answers the body, which must be a PDF. */
    private static byte[] download(Browser browser, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + path))
                .header("Cookie", "JSESSIONID=" + browser.sessionCookie().getValue()).GET().build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
        return response.body();
    }

    private static String pdftotext(byte[] pdf, String name) throws IOException, InterruptedException {
        Path file = TestSettings.artifacts().resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, pdf);
        Process p = new ProcessBuilder("pdftotext", file.toString(), "-").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }
}
