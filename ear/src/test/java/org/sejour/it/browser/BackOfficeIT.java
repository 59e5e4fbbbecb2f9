package org.sejour.it.browser;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sejour.it.TestSettings;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The back office in a real browser (headless Chromium, French), against the EAR deployed on
 * Payara: onboarding, accommodations and photos, tenancy, login throttling, the phone layout.
 * Every test opens its own owner accounts through the operator's screen.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class BackOfficeIT {

    private static final Pattern ACCOMMODATION_ID = Pattern.compile("accommodation\\.xhtml\\?id=(\\d+)");
    private static final Pattern PHOTO_ID = Pattern.compile("/app/photos/(\\d+)/thumb");

    private Browser browser;
    private Browser secondBrowser;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeEach
    void openBrowser() {
        browser = browsers.open();
    }

    @Test
    void newOwnerCompletesWizardAndAddsAccommodationWithTwoPhotos() throws IOException {
        String first = "Gîte des Alpages " + unique();
        browser.onboardedOwner("owner", first);
        assertTrue(browser.driver.getCurrentUrl().contains("welcome=true"), browser.driver.getCurrentUrl());
        assertTrue(browser.bodyText().contains("Bienvenue ! Votre compte est prêt."), browser.bodyText());

        browser.open("app/accommodations.xhtml");
        browser.clickAndWaitForReload("list:add");
        browser.waitForPath("/app/accommodation.xhtml");
        assertEquals("Nouvel hébergement", browser.driver.findElement(By.tagName("h1")).getText().strip());
        String second = "Chalet du Lac " + unique();
        browser.fillAccommodation("editor", second, 4, 8);
        browser.click("editor:save");
        browser.until(d -> ACCOMMODATION_ID.matcher(d.getCurrentUrl()).find()
                && d.getCurrentUrl().contains("created=true"), "the redirect to the created accommodation");
        browser.waitForDocument();
        String reference = browser.visible("reference").getText().strip();
        assertTrue(reference.matches("OSMB-\\d{6}-2"), "reference of the second accommodation: " + reference);
        assertTrue(browser.bodyText().contains("L'hébergement a été créé."), browser.bodyText());
        assertEquals(List.of(), browser.photoWidths());

        Path images = Files.createTempDirectory("sejour-photos-");
        Path png = image(images.resolve("terrasse.png"), 2000, 1200, new Color(0x1e6fb8), new Color(0xf5c04a), "png");
        Path jpeg = image(images.resolve("salon.jpg"), 800, 600, new Color(0xb42318), new Color(0x0b7a4b), "jpg");

        browser.upload(png, jpeg);
        List<Long> widths = browser.until(d -> {
            List<Long> w = browser.photoWidths();
            return w.size() == 2 && w.stream().allMatch(x -> x > 0) ? w : null;
        }, "two loaded thumbnails in #photoList");
        assertEquals(2, widths.size());
        assertTrue(browser.bodyText().contains("Photos (2 / 20)"), browser.bodyText());
        @SuppressWarnings("unchecked")
        List<String> alts = (List<String>) browser.js(
                "return Array.from(document.querySelectorAll('ol#photoList img')).map(i => i.alt);");
        assertEquals(List.of("terrasse.png", "salon.jpg"), alts, "photos in upload order");

        // over 10 MB: refused in the page before it is sent, and by the server when the page's check is bypassed
        Path huge = images.resolve("panorama.jpg");
        Files.write(huge, new byte[11 * 1024 * 1024]);
        browser.chooseFiles("editor:photos", huge);
        assertEquals("Le fichier dépasse 10 Mo.",
                browser.until(d -> browser.textOf(By.cssSelector("#editor .upload-refused")), "the page's refusal"));
        browser.js("document.getElementById('editor:photos').removeAttribute('data-max-bytes');");
        browser.upload(huge);
        String refused = browser.textOf(By.id("editor"));
        assertTrue(refused.contains("Le fichier dépasse 10 Mo."), refused);
        assertTrue(refused.contains("Photos (2 / 20)"), refused);
        assertEquals(2, browser.photoWidths().size(), "nothing added");

        // how guests get in: private instructions per language, saved on their own
        browser.type("editor:accessText", "Boîte à clés près du portail, code 4711.");
        browser.click("editor:access_de");
        browser.waitForAjax();
        browser.type("editor:accessText", "Schlüsselbox am Tor, Code 4711.");
        browser.click("editor:saveAccess");
        browser.waitForAjax();
        assertTrue(browser.bodyText().contains("Instructions d’accès enregistrées."), browser.bodyText());
        browser.driver.navigate().refresh();
        browser.waitForDocument();
        assertEquals("Boîte à clés près du portail, code 4711.", browser.byId("editor:accessText").getAttribute("value"));
        assertTrue(browser.byId("editor:access_de").getAttribute("class").contains("filled"), "German is written");

        browser.open("app/accommodations.xhtml");
        browser.waitForDocument();
        WebElement item = accommodationItem(second);
        WebElement thumb = item.findElement(By.cssSelector("img.thumb"));
        Number thumbWidth = browser.until(d -> {
            Object w = browser.js("return arguments[0].complete ? arguments[0].naturalWidth : 0;", thumb);
            return ((Number) w).longValue() > 0 ? (Number) w : null;
        }, "the cover thumbnail of " + second);
        assertTrue(thumbWidth.longValue() > 0);
        assertTrue(item.getText().contains(reference), item.getText());

        WebElement wizardItem = accommodationItem(first);
        String wizardRef = wizardItem.findElement(By.cssSelector(".ref")).getText();
        assertTrue(wizardRef.matches("Réf : OSMB-\\d{6}-1"), wizardRef);
        assertEquals(reference.substring(0, reference.length() - 2),
                wizardRef.substring("Réf : ".length(), wizardRef.length() - 2), "both in the same account");
        assertTrue(wizardItem.findElements(By.cssSelector("img.thumb")).isEmpty(), "the first one has no photo");
        assertEquals(2, browser.driver.findElements(By.cssSelector("#accommodations li.accommodation-item")).size());
        browser.screenshot(TestSettings.artifacts().resolve("accommodations.png"));
    }

    @Test
    void anotherOwnerGetsNotFoundForForeignAccommodation() throws IOException {
        String nameOfA = "Villa Secrète " + unique();
        browser.fixtureOwner("owner-a", nameOfA);

        browser.open("app/accommodations.xhtml");
        WebElement edit = accommodationItem(nameOfA).findElement(By.linkText("Modifier"));
        Matcher m = ACCOMMODATION_ID.matcher(edit.getAttribute("href"));
        assertTrue(m.find(), edit.getAttribute("href"));
        String accommodationId = m.group(1);
        browser.open("app/accommodation.xhtml?id=" + accommodationId);
        browser.waitForDocument();
        Path photo = image(Files.createTempDirectory("sejour-photos-").resolve("piscine.png"), 640, 480,
                Color.CYAN, Color.MAGENTA, "png");
        browser.upload(photo);
        String src = browser.until(d -> {
            List<WebElement> imgs = d.findElements(By.cssSelector("ol#photoList img"));
            return imgs.isEmpty() ? null : imgs.get(0).getAttribute("src");
        }, "the photo of A");
        Matcher p = PHOTO_ID.matcher(src);
        assertTrue(p.find(), src);
        String photoPath = "app/photos/" + p.group(1) + "/thumb";
        assertEquals(200, browser.httpStatus(photoPath), "A sees her own photo");

        secondBrowser = browsers.open("second");
        secondBrowser.fixtureOwner("owner-b", "Studio Voisin " + unique());
        secondBrowser.open("app/accommodation.xhtml?id=" + accommodationId);
        secondBrowser.waitForDocument();
        String title = secondBrowser.visible("error-title").getText().strip();
        assertEquals("Cette page n'existe pas ou ne vous est pas accessible.", title);
        assertFalse(secondBrowser.driver.getPageSource().contains(nameOfA), "B must not see A's accommodation");
        assertTrue(secondBrowser.driver.findElements(By.id("editor:name")).isEmpty(), "no editor for B");
        assertEquals(404, secondBrowser.httpStatus("app/accommodation.xhtml?id=" + accommodationId));
        assertEquals(404, secondBrowser.httpStatus(photoPath), "B must not get A's photo");
        assertEquals(404, secondBrowser.httpStatus("app/photos/" + p.group(1) + "/large"));

        // and A still does: the 404 was about B, not about the accommodation
        browser.open("app/accommodation.xhtml?id=" + accommodationId);
        assertEquals(nameOfA, browser.visible("editor:name").getAttribute("value"));
    }

    @Test
    void wrongPasswordShowsErrorThenThrottles() {
        Browser.Owner owner = browser.ownersCreatedByOperator("throttled").get(0);
        for (int attempt = 1; attempt <= 5; attempt++) {
            browser.submitLogin(owner.login(), "wrong-password-" + attempt);
            assertTrue(browser.driver.getCurrentUrl().contains("login.xhtml"), browser.driver.getCurrentUrl());
            assertEquals("Identifiant ou mot de passe incorrect.", browser.loginMessage(), "attempt " + attempt);
        }
        browser.submitLogin(owner.login(), owner.password());
        assertTrue(browser.driver.getCurrentUrl().contains("login.xhtml"),
                "a throttled login must not get in: " + browser.driver.getCurrentUrl());
        String message = browser.loginMessage();
        assertTrue(message.startsWith("Trop de tentatives"), message);
        assertTrue(message.matches("Trop de tentatives\\. Réessayez dans \\d+ secondes\\."), message);
        // the same login in other letter case is the same login for the throttle
        browser.submitLogin(owner.login().toUpperCase(), owner.password());
        assertTrue(browser.loginMessage().startsWith("Trop de tentatives"));
    }

    @Test
    void invalidAccommodationInputKeepsTypedValuesAndSavesNothing() throws IOException {
        String existing = "Maison du Moulin " + unique();
        browser.fixtureOwner("invalid", existing);

        browser.open("app/accommodation.xhtml");
        browser.waitForDocument();
        String typedName = "Appartement impossible " + unique();
        browser.fillAccommodation("editor", typedName, 6, 2);
        browser.click("editor:save");
        String expected = "La capacité maximale doit être supérieure ou égale à la capacité minimale.";
        By capacityMaxField = By.xpath("//*[@id='editor:capacityMax']"
                + "/ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' field ')][1]");
        browser.until(d -> browser.textOf(capacityMaxField).contains(expected) ? true : null,
                "the capacity message next to the maximum capacity");
        assertTrue(browser.driver.getCurrentUrl().endsWith("/app/accommodation.xhtml"), browser.driver.getCurrentUrl());
        assertEquals(typedName, browser.visible("editor:name").getAttribute("value"));
        assertEquals("6", browser.byId("editor:capacityMin_hinput").getAttribute("value"));
        By capacityMinField = By.xpath("//*[@id='editor:capacityMin']"
                + "/ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' field ')][1]");
        assertFalse(browser.textOf(capacityMinField).contains(expected), "the message belongs to the maximum");

        browser.open("app/accommodations.xhtml");
        List<WebElement> items = browser.driver.findElements(By.cssSelector("#accommodations li.accommodation-item"));
        assertEquals(1, items.size(), "nothing saved");
        assertTrue(items.get(0).getText().contains(existing), items.get(0).getText());
        assertFalse(browser.driver.getPageSource().contains(typedName));

        // a text file dressed up as a PNG
        String href = items.get(0).findElement(By.linkText("Modifier")).getAttribute("href");
        browser.driver.get(href);
        browser.waitForDocument();
        Path fake = Files.createTempDirectory("sejour-fake-").resolve("vacances.png");
        Files.writeString(fake, "not an image, just some text pretending to be one\n".repeat(20), StandardCharsets.UTF_8);
        browser.upload(fake);
        String form = browser.until(d -> {
            String text = browser.textOf(By.id("editor"));
            return text.contains("Seules les images JPEG, PNG et WebP sont acceptées.")
                    || text.contains("Ce fichier n'est pas une image lisible.") ? text : null;
        }, "the refused upload's message");
        assertFalse(form.contains("Photo ajoutée"), form);
        assertTrue(form.contains("Photos (0 / 20)"), form);
        assertEquals(List.of(), browser.photoWidths());
        browser.driver.navigate().refresh();
        browser.waitForDocument();
        assertEquals(List.of(), browser.photoWidths(), "still no photo after reloading");
    }

    @Test
    void dashboardAt375pxWidth() {
        String name = "Studio Plage " + unique();
        browser.fixtureOwner("mobile", name);
        browser.resize(375, 812);
        browser.open("app/dashboard.xhtml");
        browser.waitForDocument();
        Number innerWidth = (Number) browser.js("return window.innerWidth;");
        assertEquals(375, innerWidth.intValue(), "the viewport the test asked for");
        assertTrue(browser.bodyText().contains(name), browser.bodyText());
        browser.screenshot(TestSettings.artifacts().resolve("dashboard-375.png"));
        Number scrollWidth = (Number) browser.js("return document.documentElement.scrollWidth;");
        assertTrue(scrollWidth.intValue() <= 375 + 1, "horizontal scroll: scrollWidth = " + scrollWidth);
        // no card's title or column header runs past its card or hides in a scroller: the revenue
        // column's header ("Chiffre d'affaires") did, kept on one line by the amounts' nowrap
        assertEquals("Chiffre d'affaires", browser.textOf(By.cssSelector("#activity thead th:nth-child(3)")).strip()
                .replaceAll("\\s+", " "));
        browser.js("document.getElementById('activity').scrollIntoView({block: 'center'});");
        browser.screenshot(TestSettings.artifacts().resolve("dashboard-375-activity.png"));
        Object cut = browser.js("var cut = [];"
                + "document.querySelectorAll('.card').forEach(function (card) {"
                + "  var box = card.getBoundingClientRect();"
                + "  card.querySelectorAll('h2, th').forEach(function (e) {"
                + "    var r = e.getBoundingClientRect();"
                + "    if (r.width === 0 && r.height === 0) return;" // folded away (the chart's table in <details>)
                + "    if (r.left < box.left - 0.5 || r.right > box.right + 0.5) cut.push(e.textContent.trim() + ' ' + r.right + ' > ' + box.right);"
                + "  });"
                + "  card.querySelectorAll('.table-scroll').forEach(function (s) {"
                + "    if (s.scrollWidth > s.clientWidth + 1) cut.push('scroller of ' + s.textContent.trim().substring(0, 40) + ' ' + s.scrollWidth + ' > ' + s.clientWidth);"
                + "  });"
                + "});"
                + "return cut.join('; ');");
        assertEquals("", cut, "headers cut off inside their cards at 375 px");
        browser.js("window.scrollTo(0, 0);");
        WebElement menuButton = browser.driver.findElement(By.cssSelector("label.menu-button"));
        assertTrue(menuButton.isDisplayed(), "the menu button on a phone");
        WebElement sidebar = browser.driver.findElement(By.cssSelector("nav.sidebar"));
        assertFalse(sidebar.isDisplayed(), "the menu is folded on a phone");
        menuButton.click();
        browser.until(d -> sidebar.isDisplayed() ? true : null, "the menu unfolded by the menu button");
    }

    // ---------------------------------------------------------------- helpers

    private WebElement accommodationItem(String name) {
        return browser.until(d -> d.findElements(By.cssSelector("#accommodations li.accommodation-item")).stream()
                .filter(li -> li.findElements(By.linkText(name)).size() == 1)
                .findFirst().orElse(null), "the accommodation " + name + " in the list");
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static Path image(Path file, int width, int height, Color from, Color to, String format)
            throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setPaint(new GradientPaint(0, 0, from, width, height, to));
            g.fillRect(0, 0, width, height);
            g.setColor(Color.WHITE);
            g.fillOval(width / 4, height / 4, width / 2, height / 2);
        } finally {
            g.dispose();
        }
        assertTrue(ImageIO.write(image, format, file.toFile()), "no ImageIO writer for " + format);
        assertNotEquals(0, Files.size(file));
        return file;
    }
}
