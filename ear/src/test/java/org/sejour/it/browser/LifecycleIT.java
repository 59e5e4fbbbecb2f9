package org.sejour.it.browser;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.sejour.it.FixtureHttp;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole life of a booking in the browser: the owner changes the dates of a booking with a
 * payment on it and sees the new balance, books two gîtes in one dossier from the planning,
 * cancels under the policy of the sales terms page and sees the fee and what to refund, edits a
 * rate and a promotion, lifts a sales ban, finds a dossier from the header; a guest cancels from
 * their booking page when the owner allows it, and is offered nothing when not. Another owner
 * gets 404 for the change page, the rate page and a kept contract version.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class LifecycleIT {

    private Browser browser;
    private SettingsPages pages;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeEach
    void openBrowser() {
        browser = browsers.open();
        pages = new SettingsPages(browser);
    }

    record Owner(String login, String password, long lauriers, long cimes, long martin, int number, String token,
                 long rate) {
    }

    /** The fixture's owner; {@code options}: "paid=200", "policy=1&guestMayCancel=true"… */
    private Owner owner(String prefix, String options) {
        String password = "Pw-" + UUID.randomUUID() + "!";
        Properties p = FixtureHttp.post("sejour-tests/fixtures/lifecycle", "prefix=" + prefix + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + (options.isEmpty() ? "" : "&" + options));
        return new Owner(p.getProperty("login"), password, Long.parseLong(p.getProperty("lauriers")),
                Long.parseLong(p.getProperty("cimes")), Long.parseLong(p.getProperty("martin")),
                Integer.parseInt(p.getProperty("number")), p.getProperty("token"), Long.parseLong(p.getProperty("rate")));
    }

    private void signIn(Owner owner) {
        browser.submitLogin(owner.login(), owner.password());
        browser.waitForPath("/app/dashboard.xhtml");
    }

    private static String plain(String text) {
        return text.replaceAll("[\\s\\u00a0\\u202f]+", " ").strip();
    }

    private String text(String id) {
        return plain(browser.textOf(By.id(id)));
    }

    private void openDossier(Owner owner) {
        browser.open("app/dossier.xhtml?id=" + owner.martin());
        browser.waitForDocument();
        browser.until(d -> d.findElements(By.id("total")).size() == 1, "the dossier page");
    }

    private By cell(long accommodationId, String line, String day) {
        return By.cssSelector("tr." + line + " td[data-acc='" + accommodationId + "'][data-day='" + day + "']");
    }

    private WebElement scrolledTo(By locator) {
        WebElement element = browser.until(d -> d.findElements(locator).stream().findFirst().orElse(null),
                "the cell " + locator);
        browser.js("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", element);
        return element;
    }

    private void waitForDialog() {
        browser.waitForAjax();
        browser.until(d -> d.findElement(By.id("actions")).isDisplayed()
                && d.findElements(By.id("selectionLabel")).size() == 1, "the actions dialog");
    }

    private void openTab(String title) {
        browser.until(d -> d.findElement(By.xpath("//div[@id='actionTabs']//a[contains(., \"" + title + "\")]")),
                "the tab " + title).click();
    }

    @Test
    void anOwnerChangesTheDatesOfAPaidBookingAndSeesTheNewBalance() {
        Owner owner = owner("change", "paid=200");
        signIn(owner);
        openDossier(owner);
        assertEquals("800,00 €", text("total"));
        assertEquals("600,00 €", text("remaining"), "800.00 − the 200.00 paid");
        assertEquals("560,00 €", text("balance"), "the balance is total − deposit (240.00)");

        browser.clickAndWaitForReload("actions:change");
        browser.waitForPath("/app/dossier-change.xhtml");
        assertTrue(text("bookedLines").contains("800,00 €"), text("bookedLines"));
        // into June, where the week costs 1,000.00 €
        pages.setDate("change:arrival_input", LocalDate.of(2027, 6, 5));
        browser.waitForAjax();
        browser.until(d -> plain(d.findElement(By.id("newTotal")).getText()).equals("1 000,00 €"),
                "the new stay at today's rate");
        assertEquals("800,00 €", text("bookedTotal"), "side by side with the price booked");
        assertEquals("800,00 €", text("changedRemaining"), "1,000.00 − the 200.00 paid");
        browser.keepEvidence("change-side-by-side");

        // keeping the agreed price is one choice: a line makes up the difference
        pages.chooseRadio("change:choice", "KEEP_AGREED");
        browser.until(d -> plain(d.findElement(By.id("changedTotal")).getText()).equals("800,00 €"), "the price kept");
        assertTrue(text("newLines").contains("Prix convenu maintenu"), text("newLines"));
        pages.chooseRadio("change:choice", "NEW_PRICE");
        browser.until(d -> plain(d.findElement(By.id("changedTotal")).getText()).equals("1 000,00 €"), "the new price");

        browser.click("change:apply");
        confirm();
        browser.waitForPath("/app/dossier.xhtml");
        browser.until(d -> d.findElements(By.id("arrival")).size() == 1
                && plain(d.findElement(By.id("arrival")).getText()).equals("05/06/2027"), "the new arrival");
        assertEquals("1 000,00 €", text("total"));
        assertEquals("200,00 €", text("paid"));
        assertEquals("800,00 €", text("remaining"), "the new balance left to pay");
        assertTrue(browser.bodyText().contains("Réservation modifiée"), "the change is said, and in the history");
        assertTrue(text("contractLink").endsWith("2"), text("contractLink"));
        assertEquals(1, browser.driver.findElements(By.cssSelector("a.contract-version")).size(), "version 1 kept");
        assertEquals(200, browser.httpStatus("app/dossiers/" + owner.martin() + "/contract-v1.pdf"));
        browser.keepEvidence("change-done");
    }

    /**
     * Signed in as another owner, the first owner's change page, rate page and kept contract version
     * answer 404 (the same pages of their own answer 200: the addresses are right), show no editor,
     * and leave the first owner's dossier, contract versions and rate as they were.
     */
    @Test
    void anotherOwnerGetsNotFoundForTheChangeTheRateAndAKeptContract() {
        Owner a = owner("tenant-a", "changed=true");
        Owner b = owner("tenant-b", "changed=true");
        String change = "app/dossier-change.xhtml?id=" + a.martin();
        String rate = "app/rate.xhtml?id=" + a.rate();
        String kept = "app/dossiers/" + a.martin() + "/contract-v1.pdf";

        signIn(a);
        assertEquals(200, browser.httpStatus(change));
        assertEquals(200, browser.httpStatus(rate));
        assertEquals(200, browser.httpStatus(kept));
        openDossier(a);
        String arrival = text("arrival");
        String total = text("total");
        assertEquals("900,00 €", total, "moved to the Cimes by the fixture");
        browser.logout();

        signIn(b);
        assertEquals(404, browser.httpStatus(change), "B must not change A's booking");
        assertEquals(404, browser.httpStatus(rate), "B must not edit A's rate");
        assertEquals(404, browser.httpStatus(kept), "B must not read A's contract as it was");
        assertEquals(404, browser.httpStatus("app/dossiers/" + a.martin() + "/contract-v2.pdf"),
                "nor a version that was never kept");
        assertEquals(200, browser.httpStatus("app/dossiers/" + b.martin() + "/contract-v1.pdf"), "B reads her own");
        browser.open(change);
        browser.waitForDocument();
        assertEquals("Cette page n'existe pas ou ne vous est pas accessible.", browser.visible("error-title").getText()
                .strip());
        assertTrue(browser.driver.findElements(By.id("change:apply")).isEmpty(), "no change form for B");
        browser.open(rate);
        browser.waitForDocument();
        assertEquals("Cette page n'existe pas ou ne vous est pas accessible.", browser.visible("error-title").getText()
                .strip());
        assertTrue(browser.driver.findElements(By.id("rate:save")).isEmpty(), "no rate form for B");
        browser.open("app/dashboard.xhtml");
        browser.waitForDocument();
        browser.logout();

        // nothing of A's moved
        signIn(a);
        openDossier(a);
        assertEquals(arrival, text("arrival"));
        assertEquals(total, text("total"));
        assertTrue(text("contractLink").endsWith("2"), text("contractLink"));
        assertEquals(1, browser.driver.findElements(By.cssSelector("a.contract-version")).size(), "version 1 kept");
        assertEquals(200, browser.httpStatus(kept));
        browser.open(rate);
        browser.waitForDocument();
        String price = browser.driver.findElement(By.id("rate:price_hinput")).getAttribute("value");
        assertEquals(0, new BigDecimal("1000").compareTo(new BigDecimal(price)), "A's June rate as it was: " + price);
    }

    /** Answers yes in the confirmation dialog that opened. */
    private void confirm() {
        WebElement yes = browser.until(d -> d.findElements(By.cssSelector(".ui-confirmdialog-yes")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null), "the confirmation");
        yes.click();
    }

    @Test
    void twoGitesInOneDossierFromThePlanning() {
        Owner owner = owner("two-gites", "");
        signIn(owner);
        browser.open("app/planning.xhtml?start=2027-05-15");
        browser.waitForDocument();
        // press on the Lauriers' first night, let go on the Cimes' last: both rows, the same nights
        WebElement from = scrolledTo(cell(owner.lauriers(), "rates", "2027-05-15"));
        WebElement to = browser.driver.findElement(cell(owner.cimes(), "rates", "2027-05-21"));
        new Actions(browser.driver).clickAndHold(from).moveToElement(to).release(to).perform();
        waitForDialog();
        assertTrue(text("selectionLabel").contains("Gîte les Lauriers, Gîte les Cimes"), text("selectionLabel"));
        assertTrue(browser.driver.findElement(By.id("multiRowHint")).isDisplayed());
        browser.keepEvidence("planning-two-rows");
        browser.clickAndWaitForReload("createDossier");
        browser.waitForPath("/app/phone-booking.xhtml");

        // nobody in the second gîte yet: the owner counts its guests
        browser.typeNumber("booking:others:0:partyLines:0:persons_input", 3);
        browser.waitForAjax();
        browser.until(d -> plain(d.findElement(By.id("quoteTotal")).getText()).equals("1 700,00 €"),
                "800.00 + 900.00, one quote");
        browser.type("booking:lastName", "Famille");
        browser.type("booking:firstName", "Dupont");
        browser.clickAndWaitForReload("booking:create");
        browser.waitForPath("/app/dossier.xhtml");
        String accommodations = text("accommodations");
        assertTrue(accommodations.contains("Gîte les Lauriers") && accommodations.contains("Gîte les Cimes"),
                accommodations);
        assertEquals("1 700,00 €", text("total"));
        assertEquals("510,00 €", text("deposit"), "one deposit: 30 % of both");
        browser.keepEvidence("dossier-two-gites");

        browser.open("app/planning.xhtml?start=2027-05-15");
        browser.waitForDocument();
        List<String> rows = browser.driver.findElements(By.cssSelector("td.booking a.guest")).stream()
                .map(e -> e.getText().strip()).toList();
        assertEquals(List.of("FAMILLE Dupont", "FAMILLE Dupont"), rows, "the dossier on both rows");

        // the same on the owner's booking site, once the advanced settings offer it (the booking tests' flow)
        browser.open("app/booking-test.xhtml?accommodation=" + owner.lauriers());
        browser.waitForDocument();
        assertTrue(browser.driver.findElements(By.id("book:addStay")).isEmpty(), "not offered by default");
        browser.open("app/account/advanced.xhtml");
        browser.visible("advanced:siteSeveralStays").findElement(By.cssSelector(".ui-toggleswitch-slider")).click();
        browser.click("advanced:save");
        browser.waitForAjax();
        browser.open("app/booking-test.xhtml?accommodation=" + owner.lauriers());
        browser.visible("book:addStay");
    }

    @Test
    void cancellingUnderThePolicyShowsTheFeeAndTheAmountToRefund() {
        Owner owner = owner("cancel", "paid=300");
        signIn(owner);
        pages.openFromMenu("menu-salesTerms", "/app/sales-terms.xhtml");
        browser.click("terms:exampleCancellationPolicy");
        browser.waitForAjax();
        browser.until(d -> d.findElements(By.cssSelector("[id$='cancelDays_input']")).size() == 3, "three rules");
        browser.click("terms:save");
        browser.waitForAjax();
        browser.until(d -> d.findElement(By.id("terms:messages")).getText().length() > 0, "saved");

        openDossier(owner);
        browser.click("actions:openCancel");
        browser.waitForAjax();
        browser.until(d -> d.findElement(By.id("cancelDialog")).isDisplayed(), "the cancel dialog");
        // 1 May 2027 is more than 30 days away: the deposit agreed (240.00) is kept, 60.00 of the 300.00 paid goes back
        assertTrue(text("cancellationRule").contains("arrhes"), text("cancellationRule"));
        assertEquals("300,00 €", text("cancelPaid"));
        assertEquals("60,00 €", text("cancelRefund"));
        browser.keepEvidence("cancel-dialog");
        browser.type("cancel:reason", "Le client ne peut plus venir");
        browser.click("cancel:doCancel");
        browser.waitForAjax();
        browser.until(d -> d.findElements(By.id("toRefund")).size() == 1, "what is left to refund");
        assertEquals("60,00 €", text("toRefund"));
        assertEquals("240,00 €", text("total"), "the fee is what the dossier now costs");
        assertTrue(text("lines").contains("Frais d'annulation"), text("lines"));
        assertTrue(text("history").contains("À rembourser"), text("history"));
        browser.keepEvidence("cancelled-with-fee");
    }

    @Test
    void editARateWithTwoPeriodsAndAPromotionThenLiftABan() {
        Owner owner = owner("catalog", "");
        signIn(owner);
        browser.open("app/planning.xhtml?start=2027-05-01");
        browser.waitForDocument();
        scrolledTo(cell(owner.cimes(), "rates", "2027-05-08")).click();
        scrolledTo(cell(owner.cimes(), "rates", "2027-05-08")).click();
        waitForDialog();
        openTab("Voir les tarifs");
        browser.until(d -> d.findElements(By.cssSelector("a.rate-edit")).size() == 1, "the Cimes' rate");
        browser.driver.findElement(By.cssSelector("a.rate-edit")).click();
        browser.waitForPath("/app/rate.xhtml");
        assertTrue(text("repricingRule").contains("gardent le prix convenu"), text("repricingRule"));
        pages.typeAmount("rate:price_input", "850");
        browser.click("rate:addPeriod");
        browser.waitForAjax();
        pages.setDate("rate:periodRows:1:firstDay_input", LocalDate.of(2027, 9, 1));
        pages.setDate("rate:periodRows:1:lastDay_input", LocalDate.of(2027, 9, 30));
        browser.click("rate:save");
        browser.waitForAjax();
        browser.until(d -> d.findElement(By.id("rate:messages")).getText().contains("Tarif enregistré"), "saved");
        browser.open("app/planning.xhtml?start=2027-09-01");
        browser.waitForDocument();
        browser.until(d -> d.findElement(cell(owner.cimes(), "rates", "2027-09-04")).getAttribute("title")
                .contains("850,00"), "the rate's second period at its new price");

        pages.openFromMenu("menu-promotions", "/app/promotions.xhtml");
        browser.click("list:add");
        browser.waitForAjax();
        pages.typeAmount("editor:days_input", "7");
        pages.typeAmount("editor:percent_input", "10");
        browser.type("editor:label", "Flash");
        pages.save();
        browser.until(d -> text("list:promotions").contains("Flash"), "the new promotion listed");
        browser.click("list:promotions:0:edit");
        browser.waitForAjax();
        pages.typeAmount("editor:percent_input", "15");
        browser.click("editor:labels_de");
        browser.waitForAjax();
        browser.type("editor:label", "Blitzangebot");
        pages.save();
        browser.until(d -> text("list:promotions").contains("15 %"), "the promotion edited");
        browser.click("list:promotions:0:edit");
        browser.waitForAjax();
        assertEquals("Flash", browser.byId("editor:label").getAttribute("value"), "French first");
        browser.click("editor:labels_de");
        browser.waitForAjax();
        assertEquals("Blitzangebot", browser.byId("editor:label").getAttribute("value"), "the German label kept");
        browser.click("editor:cancel");
        browser.waitForAjax();
        browser.open("app/planning.xhtml?start=2027-05-01");
        browser.waitForDocument();
        browser.until(d -> d.findElements(By.cssSelector("tr.promotions td.promoted")).size() > 0,
                "the promotion drawn on the planning");
        assertTrue(browser.driver.findElement(By.cssSelector("tr.promotions td.promoted")).getText().contains("15"));

        // the ban of 10 to 12 May on the Lauriers: the 11th is opened again, the 10th and 12th stay closed
        assertTrue(browser.driver.findElement(cell(owner.lauriers(), "rates", "2027-05-11")).getAttribute("class")
                .contains("closed"));
        scrolledTo(cell(owner.lauriers(), "rates", "2027-05-11")).click();
        scrolledTo(cell(owner.lauriers(), "rates", "2027-05-11")).click();
        waitForDialog();
        openTab("Lever l'interdiction");
        browser.click("actionTabs:liftForm:lift");
        browser.waitForAjax();
        browser.until(d -> !d.findElement(cell(owner.lauriers(), "rates", "2027-05-11")).getAttribute("class")
                .contains("closed"), "the night open again");
        assertTrue(browser.driver.findElement(cell(owner.lauriers(), "rates", "2027-05-10")).getAttribute("class")
                .contains("closed"));
        assertTrue(browser.driver.findElement(cell(owner.lauriers(), "rates", "2027-05-12")).getAttribute("class")
                .contains("closed"));

        pages.openFromMenu("menu-promotions", "/app/promotions.xhtml");
        browser.click("list:promotions:0:delete");
        confirm();
        browser.waitForAjax();
        browser.until(d -> text("list:promotions").contains("Aucune promotion"), "the promotion deleted");
    }

    @Test
    void theHeaderSearchOpensTheDossierOrTheFilteredList() {
        Owner owner = owner("header", "");
        signIn(owner);
        browser.type("headerSearch:q", Integer.toString(owner.number()));
        browser.clickAndWaitForReload("headerSearch:go");
        browser.waitForPath("/app/dossier.xhtml");
        assertEquals("MARTIN Claude", text("guestName"));

        browser.type("headerSearch:q", "mart");
        browser.clickAndWaitForReload("headerSearch:go");
        browser.waitForPath("/app/dossiers.xhtml");
        assertEquals("mart", browser.visible("search:guest").getAttribute("value"));
        browser.until(d -> d.findElements(By.cssSelector("[id='search:dossiers_data'] > tr:not(.ui-datatable-empty-message)"))
                .size() == 1, "the filtered list");
        assertTrue(text("search:dossiers").contains("MARTIN Claude"));
    }

    @Test
    void aGuestCancelsFromTheirPageOnlyWhenTheOwnerAllowsIt() {
        Owner refused = owner("guest-no", "paid=100");
        browser.open("booking/" + refused.token() + "?lang=fr");
        browser.waitForDocument();
        assertEquals(0, browser.driver.findElements(By.id("cancel")).size(), "no way to cancel offered");

        Owner allowed = owner("guest-yes", "paid=300&policy=1&guestMayCancel=true");
        browser.open("booking/" + allowed.token() + "?lang=fr");
        browser.waitForDocument();
        assertEquals("240,00 €", text("cancelFee"), "more than 30 days before: the deposit agreed");
        assertEquals("60,00 €", text("cancelRefund"));
        browser.clickAndWaitForReload("cancel:doCancel");
        browser.until(d -> d.findElements(By.id("cancel:cancelProblem")).size() == 1, "the box must be ticked first");
        assertFalse(browser.driver.findElements(By.id("cancel:confirmed")).isEmpty(), "the cancellation still offered");
        assertFalse(text("dossierStatus").contains("Annulée"), "and nothing cancelled: " + text("dossierStatus"));
        browser.driver.findElement(By.id("cancel:confirmed")).click();
        browser.clickAndWaitForReload("cancel:doCancel");
        browser.until(d -> d.findElements(By.id("cancelledNotice")).size() == 1, "the cancellation confirmed");
        assertTrue(text("dossierStatus").contains("Annulée"), text("dossierStatus"));
        assertEquals(0, browser.driver.findElements(By.id("cancel")).size(), "nothing more to cancel");
        browser.keepEvidence("guest-cancelled");
    }
}
