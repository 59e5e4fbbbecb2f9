package org.sejour.it.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.sejour.it.TestSettings;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Steps on the settings screens (lists with an editor below) that SettingsIT repeats. */
final class SettingsPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DIGITS = DateTimeFormatter.ofPattern("ddMMyyyy");

    private final Browser browser;

    SettingsPages(Browser browser) {
        this.browser = browser;
    }

    /** Opens a screen from the sidebar, as an owner would. */
    void openFromMenu(String menuId, String path) {
        browser.clickAndWaitForReload(menuId);
        browser.waitForPath(path);
    }

    /** Ticks the radio button (p:selectOneRadio) whose value is {@code value}, through its label. */
    void chooseRadio(String name, String value) {
        browser.until(d -> Boolean.TRUE.equals(browser.js(
                "var i = document.querySelector(\"input[name='\" + arguments[0] + \"'][value='\" + arguments[1] + \"']\");"
                        + "if (!i) return false;"
                        + "var l = document.querySelector(\"label[for='\" + i.id + \"']\");"
                        + "if (!l) return false; l.click(); return true;", name, value)), "the radio " + name + "=" + value);
        browser.waitForAjax();
        browser.until(d -> Boolean.TRUE.equals(browser.js(
                "var i = document.querySelector(\"input[name='\" + arguments[0] + \"'][value='\" + arguments[1] + \"']\");"
                        + "return i !== null && i.checked;", name, value)), name + " set to " + value);
    }

    /** Ticks a check box of a p:selectManyCheckbox through the label that shows {@code label}. */
    void tick(String groupId, String label) {
        WebElement box = browser.until(d -> d.findElements(By.xpath("//*[@id='" + groupId + "']//label[contains(., '"
                + label + "')]")).stream().findFirst().orElse(null), "the check box " + label);
        box.click();
    }

    /** Toggles a p:selectBooleanCheckbox. */
    void toggle(String id) {
        browser.visible(id).findElement(By.cssSelector(".ui-chkbox-box")).click();
    }

    /**
     * Types a date into a p:datePicker as an owner does: a click into the field (the pop-up must
     * stay shut: it opens on its button), then the digits (the mask writes the slashes), then Tab.
     */
    void setDate(String inputId, LocalDate day) {
        WebElement input = browser.visible(inputId);
        input.click();
        String panelId = inputId.replaceAll("_input$", "_panel");
        assertFalse(browser.driver.findElements(By.id(panelId)).stream().anyMatch(WebElement::isDisplayed),
                "the date pop-up of " + inputId + " opened when the field was clicked");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(DIGITS.format(day));
        input.sendKeys(Keys.TAB);
        assertEquals(DAY.format(day), input.getAttribute("value"), "the date typed into " + inputId);
    }

    /** A decimal or integer p:inputNumber: select all, type over, leave the field. */
    void typeAmount(String inputId, String value) {
        WebElement input = browser.visible(inputId);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(value);
        input.sendKeys(Keys.TAB);
    }

    void save() {
        browser.click("editor:save");
        browser.waitForAjax();
    }

    /** The error message shown next to the input {@code inputId} (in its s:field or group). */
    String messageNextTo(String inputId) {
        return browser.until(d -> {
            List<WebElement> messages = d.findElements(By.xpath("//*[@id='" + inputId + "']/ancestor::div[contains(@class,"
                    + " 'field')][1]//*[contains(@class, 'ui-message-error')]"));
            String text = messages.isEmpty() ? "" : messages.get(0).getText().strip();
            return text.isEmpty() ? null : text;
        }, "a message next to " + inputId);
    }

    String value(String inputId) {
        return browser.visible(inputId).getAttribute("value");
    }

    /** The table row that shows {@code text}, or null. */
    WebElement row(String tableId, String text) {
        List<WebElement> rows = browser.driver.findElements(By.xpath("//tbody[@id='" + tableId + "_data']/tr[contains(., '"
                + text + "')]"));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The id of the object a row shows (its title's data-id). */
    long idOfRow(String tableId, String text) {
        WebElement row = browser.until(d -> row(tableId, text), "a row showing " + text + " in " + tableId);
        return Long.parseLong(row.findElement(By.cssSelector("[data-id]")).getAttribute("data-id"));
    }

    String rowText(String tableId, String text) {
        return browser.until(d -> {
            WebElement row = row(tableId, text);
            return row == null ? null : row.getText();
        }, "a row showing " + text + " in " + tableId);
    }

    void clickInRow(String tableId, String text, String buttonSuffix) {
        browser.until(d -> row(tableId, text), "a row showing " + text).findElement(
                By.cssSelector("button[id$=':" + buttonSuffix + "']")).click();
    }

    void editRow(String tableId, String text) {
        clickInRow(tableId, text, "edit");
        browser.waitForAjax();
        browser.until(d -> !d.findElements(By.id("editor:save")).isEmpty(), "the editor of " + text);
    }

    /** Deletes through the confirmation dialog and waits until the row is gone. */
    void deleteRow(String tableId, String text) {
        clickInRow(tableId, text, "delete");
        browser.until(d -> d.findElements(By.cssSelector(".ui-confirmdialog-yes")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null), "the confirmation dialog").click();
        browser.waitForAjax();
        browser.until(d -> row(tableId, text) == null, "the row " + text + " to disappear");
    }

    void screenshot(String name) {
        browser.waitForAjax();
        browser.screenshot(TestSettings.artifacts().resolve(name + ".png"));
    }
}
