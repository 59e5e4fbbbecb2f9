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
import org.openqa.selenium.interactions.Actions;
import org.sejour.it.TestSettings;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planning in headless Chromium: an owner selects days and creates a rate, a sales ban and
 * a stock value through the dialog and sees them on the grid; a dossier shows with its guest;
 * the month navigation moves the grid; normal, compact and phone-width screenshots are kept.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class PlanningIT {

    private Browser browser;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeEach
    void openBrowser() {
        browser = browsers.open();
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(TestSettings.dbUrl(), "sejour", TestSettings.credential("db.password"));
    }

    private static void update(String sql, Object... args) throws SQLException {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    /** A dossier row as the booking engine stores it; the engine itself is tested in BookingIT and PlanningQueriesIT. */
    private static void dossier(long accommodationId, int number, String status, String lastName, LocalDate arrival,
                                LocalDate departure) throws SQLException {
        update("insert into dossier (account_id, number, status, accommodation_id, arrival, departure, "
                + "guest_first_name, guest_last_name, origin, total, deposit_amount, created_by) "
                + "select account_id, ?, ?, id, ?, ?, 'Claude', ?, 'PHONE', 500, 150, 'planning-it' "
                + "from accommodation where id = ?", number, status, arrival, departure, lastName, accommodationId);
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

    /** Click the first day, then the last: the actions dialog opens on that selection. */
    private void selectDays(long accommodationId, String line, String first, String last) {
        scrolledTo(cell(accommodationId, line, first)).click();
        scrolledTo(cell(accommodationId, line, last)).click();
        waitForDialog();
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

    private void submitAndWaitForDialogToClose(String buttonId) {
        // the dialog grows with its messages (price, arrival days): its button may sit at its bottom edge
        browser.js("document.getElementById(arguments[0]).scrollIntoView({block: 'center'});", buttonId);
        browser.click(buttonId);
        browser.waitForAjax();
        browser.until(d -> !d.findElement(By.id("actions")).isDisplayed(), "the dialog to close after " + buttonId);
    }

    /** A p:inputNumber: type over what is there, then check its hidden value took the number. */
    private void typeAmount(String id, int value) {
        WebElement input = browser.visible(id + "_input");
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(Integer.toString(value));
        input.sendKeys(Keys.TAB);
        browser.until(d -> {
            String hidden = String.valueOf(browser.js("return document.getElementById(arguments[0]).value;",
                    id + "_hinput"));
            return !hidden.isBlank() && new BigDecimal(hidden).compareTo(BigDecimal.valueOf(value)) == 0;
        }, value + " in " + id);
    }

    private String attribute(By locator, String name) {
        return browser.until(d -> d.findElement(locator).getAttribute(name), name + " of " + locator);
    }

    @Test
    void ownerPlansRatesBansAndStockAndSeesTheBookings() throws SQLException {
        browser.fixtureOwner("planning", "Gîte du Planning " + UUID.randomUUID().toString().substring(0, 6));
        browser.clickAndWaitForReload("menu-planning");
        browser.waitForPath("/app/planning.xhtml");
        long accommodationId = Long.parseLong(browser.byId("grid")
                .findElement(By.cssSelector("section.planning-block")).getAttribute("data-accommodation"));
        update("update accommodation set stock_managed = true where id = ?", accommodationId);
        dossier(accommodationId, 1, "CONFIRMED", "Martin", LocalDate.of(2027, 5, 8), LocalDate.of(2027, 5, 15));
        dossier(accommodationId, 2, "OPTION", "Durand", LocalDate.of(2027, 5, 12), LocalDate.of(2027, 5, 19));
        dossier(accommodationId, 3, "CANCELLED", "Annule", LocalDate.of(2027, 5, 22), LocalDate.of(2027, 5, 24));

        browser.open("app/planning.xhtml?start=2027-05-03");
        browser.waitForDocument();
        assertTrue(browser.textOf(By.id("range")).contains("3 mai 2027"), browser.textOf(By.id("range")));
        List<String> guests = browser.driver.findElements(By.cssSelector("td.booking")).stream()
                .map(e -> e.getText().strip() + "/" + e.getAttribute("class").replaceAll(".*status-(\\w+).*", "$1")
                        + "/" + e.getAttribute("colspan")).toList();
        assertEquals(List.of("MARTIN Claude/CONFIRMED/7", "DURAND Claude/OPTION/7"), guests,
                "two overlapping stays on two lanes, the cancelled one hidden");

        // a rate: Saturdays from 8 to 29 May, a week at 500 €; first a missing price is refused in place
        selectDays(accommodationId, "rates", "2027-05-08", "2027-05-29");
        assertTrue(browser.textOf(By.id("selectionLabel")).contains("samedi 08/05/2027"), browser.textOf(By.id("selectionLabel")));
        browser.click("actionTabs:rateForm:create");
        browser.waitForAjax();
        browser.until(d -> d.findElement(By.id("actions")).getText().contains("Ce champ est obligatoire."),
                "the message next to the price");
        assertTrue(browser.driver.findElement(By.id("actions")).isDisplayed(), "the dialog stays open");
        // no weekday is chosen for the owner: the first selected day's used to be ticked silently
        assertTrue(browser.driver.findElement(By.id("actions")).getText().contains("Choisissez au moins un jour d'arrivée."),
                browser.driver.findElement(By.id("actions")).getText());
        assertEquals(0L, browser.js("return document.querySelectorAll("
                + "\"[id^='actionTabs:rateForm:arrivalDays:']:checked\").length;"), "no arrival day ticked");
        browser.driver.findElement(By.cssSelector("label[for='actionTabs:rateForm:arrivalDays:5']")).click();
        typeAmount("actionTabs:rateForm:price", 500);
        submitAndWaitForDialogToClose("actionTabs:rateForm:create");
        browser.until(d -> d.findElement(cell(accommodationId, "rates", "2027-05-08")).getAttribute("class")
                .contains("rate"), "the rate line");
        String title = attribute(cell(accommodationId, "rates", "2027-05-15"), "title");
        assertTrue(title.contains("7 nuits") && title.contains("500,00"), title);
        assertTrue(attribute(cell(accommodationId, "rates", "2027-05-15"), "class").contains("arrival"));
        assertFalse(attribute(cell(accommodationId, "rates", "2027-05-07"), "class").contains("rate "),
                "no rate before the period");
        assertTrue(browser.textOf(By.id("planning:messages")).contains("Tarif créé."));
        // one message per action: the dialog's form kept a copy of it too
        assertEquals(1, browser.driver.getPageSource().split("Tarif créé\\.", -1).length - 1,
                "\"Tarif créé.\" on the page once");

        // a sales ban, selected by dragging over 20 … 22 May
        WebElement from = scrolledTo(cell(accommodationId, "rates", "2027-05-20"));
        WebElement to = browser.driver.findElement(cell(accommodationId, "rates", "2027-05-22"));
        new Actions(browser.driver).clickAndHold(from).moveToElement(to).release(to).perform();
        waitForDialog();
        openTab("Interdire la vente");
        submitAndWaitForDialogToClose("actionTabs:salesBanForm:create");
        browser.until(d -> d.findElement(cell(accommodationId, "rates", "2027-05-21")).getAttribute("class")
                .contains("closed"), "the closed nights");
        assertTrue(attribute(cell(accommodationId, "rates", "2027-05-22"), "class").contains("closed"));
        assertFalse(attribute(cell(accommodationId, "rates", "2027-05-23"), "class").contains("closed"));

        // stock: 4 units on 3 … 16 May
        selectDays(accommodationId, "stock", "2027-05-03", "2027-05-16");
        openTab("Saisir un stock");
        typeAmount("actionTabs:stockForm:units", 4);
        submitAndWaitForDialogToClose("actionTabs:stockForm:save");
        browser.until(d -> "4".equals(d.findElement(cell(accommodationId, "stock", "2027-05-03")).getText().strip()),
                "the remaining stock");
        assertEquals("4", browser.textOf(cell(accommodationId, "stock", "2027-05-16")).strip());
        assertEquals("", browser.textOf(cell(accommodationId, "stock", "2027-05-17")).strip());

        // "voir les tarifs" lists the rate; the dossier tab links to the phone booking
        selectDays(accommodationId, "rates", "2027-05-15", "2027-05-16");
        openTab("Voir les tarifs");
        browser.until(d -> d.findElement(By.id("actionTabs:ratesForm:rates")).getText().contains("500,00"),
                "the rate in the list");
        openTab("Créer un dossier");
        String link = attribute(By.id("createDossier"), "href");
        assertTrue(link.endsWith("/app/phone-booking.xhtml?accommodation=" + accommodationId
                + "&arrival=2027-05-15&nights=2"), link);
        browser.js("PF('actions').hide();");

        browser.screenshot(TestSettings.artifacts().resolve("planning-normal.png"));
        browser.click("planning:viewCompact");
        browser.waitForAjax();
        browser.until(d -> d.findElements(By.cssSelector("#grid.compact th.day")).size() == 63, "nine weeks");
        browser.screenshot(TestSettings.artifacts().resolve("planning-compact.png"));
        browser.click("planning:viewNormal");
        browser.waitForAjax();
        browser.until(d -> d.findElements(By.cssSelector("#grid.normal th.day")).size() == 28, "four weeks");
        browser.resize(375, 812);
        browser.screenshot(TestSettings.artifacts().resolve("planning-375.png"));
        Number bodyWidth = (Number) browser.js("return document.body.scrollWidth;");
        assertTrue(bodyWidth.intValue() <= 376, "only the grid scrolls sideways, not the page: " + bodyWidth);
        browser.resize(1280, 900);
    }

    /**
     * The keyboard alone: Tab reaches the accommodation's rates line, the arrows walk its days,
     * Shift + arrows selects, Enter opens the same dialog as the mouse, and a rate is created
     * from it; then Space marks a first day and Enter the last, Escape closes, and the focus
     * comes back to the day each time.
     */
    @Test
    void aKeyboardUserSelectsDaysAndCreatesARate() {
        String gite = "Gîte au Clavier " + UUID.randomUUID().toString().substring(0, 6);
        browser.fixtureOwner("planning-keys", gite);
        browser.open("app/planning.xhtml?start=2027-05-03");
        browser.waitForDocument();
        long accommodationId = Long.parseLong(browser.byId("grid")
                .findElement(By.cssSelector("section.planning-block")).getAttribute("data-accommodation"));

        tabUntil("the first day of the rates line", () -> "2027-05-03".equals(focusedDay()));
        String label = (String) browser.js("return document.activeElement.getAttribute('aria-label');");
        assertEquals(gite + ", lundi 3 mai 2027, aucun tarif", label);
        press(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertEquals("2027-05-08", focusedDay());
        press(Keys.END);
        assertEquals("2027-05-30", focusedDay(), "the last day shown");
        press(Keys.HOME, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        for (int i = 0; i < 6; i++) {
            pressWith(Keys.SHIFT, Keys.ARROW_RIGHT);
        }
        assertEquals("2027-05-14", focusedDay());
        assertEquals(7L, browser.js("return document.querySelectorAll('tr.rates td.selected[aria-selected=true]').length;"),
                "8 to 14 May selected");
        browser.keepEvidence("planning-keyboard-selection");
        press(Keys.ENTER);
        waitForDialog();
        String selection = browser.textOf(By.id("selectionLabel"));
        assertTrue(selection.contains("samedi 08/05/2027") && selection.contains("vendredi 14/05/2027"), selection);

        tabUntil("Saturday among the arrival days", () -> "actionTabs:rateForm:arrivalDays:5".equals(focusedId()));
        press(Keys.SPACE);
        tabUntil("the price", () -> "actionTabs:rateForm:price_input".equals(focusedId()));
        pressWith(Keys.CONTROL, "a");
        press(Keys.BACK_SPACE, "450");
        tabUntil("the create button", () -> "actionTabs:rateForm:create".equals(focusedId()));
        press(Keys.ENTER);
        browser.waitForAjax();
        browser.until(d -> !d.findElement(By.id("actions")).isDisplayed(), "the dialog to close");
        browser.until(d -> d.findElement(cell(accommodationId, "rates", "2027-05-08")).getAttribute("class")
                .contains("rate"), "the rate line");
        String title = attribute(cell(accommodationId, "rates", "2027-05-08"), "title");
        assertTrue(title.contains("7 nuits") && title.contains("450,00"), title);
        assertTrue(browser.textOf(By.id("planning:messages")).contains("Tarif créé."));
        browser.until(d -> "2027-05-14".equals(focusedDay()), "the focus back on the day the dialog came from");
        browser.keepEvidence("planning-keyboard-rate");

        // Space marks the first day, Enter the last; Escape closes the dialog and drops the selection
        press(Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.SPACE, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertEquals(4L, browser.js("return document.querySelectorAll('tr.rates td.selected').length;"));
        press(Keys.ENTER);
        waitForDialog();
        selection = browser.textOf(By.id("selectionLabel"));
        assertTrue(selection.contains("mercredi 12/05/2027") && selection.contains("samedi 15/05/2027"), selection);
        // out of the first field first: a number field takes Escape to undo its typing
        press(Keys.TAB, Keys.ESCAPE);
        browser.until(d -> !d.findElement(By.id("actions")).isDisplayed(), "the dialog closed by Escape");
        browser.until(d -> "2027-05-15".equals(focusedDay()), "the focus back on 15 May");
        assertEquals(0L, browser.js("return document.querySelectorAll('td.selected').length;"));
    }

    private void press(CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform();
    }

    private void pressWith(Keys modifier, CharSequence key) {
        new Actions(browser.driver).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
    }

    /** Presses Tab until {@code reached} holds, as a keyboard user would, at most 200 times. */
    private void tabUntil(String what, java.util.function.BooleanSupplier reached) {
        for (int i = 0; i < 200 && !reached.getAsBoolean(); i++) {
            press(Keys.TAB);
        }
        assertTrue(reached.getAsBoolean(), "Tab never reached " + what);
    }

    private String focusedDay() {
        return (String) browser.js("return document.activeElement.getAttribute('data-day');");
    }

    private String focusedId() {
        return (String) browser.js("return document.activeElement.id;");
    }

    @Test
    void navigationMovesByWeekAndMonthAndPicksAMonth() {
        browser.fixtureOwner("planning-nav", "Chalet " + UUID.randomUUID().toString().substring(0, 6));
        browser.open("app/planning.xhtml?start=2027-05-03");
        browser.waitForDocument();
        assertEquals("2027-05-03", firstDay());

        browser.click("planning:nextMonth");
        browser.until(d -> "2027-06-03".equals(firstDay()), "a month later");
        assertTrue(browser.textOf(By.id("range")).contains("3 juin 2027"), browser.textOf(By.id("range")));
        browser.click("planning:previousWeek");
        browser.until(d -> "2027-05-27".equals(firstDay()), "a week earlier");
        browser.click("planning:nextWeek");
        browser.until(d -> "2027-06-03".equals(firstDay()), "a week later");
        browser.click("planning:previousMonth");
        browser.until(d -> "2027-05-03".equals(firstDay()), "a month earlier");

        browser.js("var m = document.getElementById('planning:month'); m.value = '2027-09';"
                + "m.dispatchEvent(new Event('change', {bubbles: true}));");
        browser.until(d -> "2027-09-01".equals(firstDay()), "the first of the month picked");
        assertEquals("2027-09-28", lastDay());

        browser.click("planning:today");
        String today = LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString();
        browser.until(d -> today.equals(firstDay()), "today");
        assertTrue(attribute(By.cssSelector("th.day[data-day='" + today + "']"), "class").contains("today"));
    }

    /** Read in one script: the grid may be replaced by an ajax update between two WebDriver calls. */
    private String firstDay() {
        browser.waitForAjax();
        return (String) browser.js("var d = document.querySelectorAll('th.day');"
                + "return d.length ? d[0].getAttribute('data-day') : null;");
    }

    private String lastDay() {
        return (String) browser.js("var d = document.querySelectorAll('th.day');"
                + "return d.length ? d[d.length - 1].getAttribute('data-day') : null;");
    }
}
