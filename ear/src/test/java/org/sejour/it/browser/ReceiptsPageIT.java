package org.sejour.it.browser;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.sejour.it.TestSettings;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dossier page's receipts: a payment recorded in the form appears with receipt n° 1 and a
 * link to its PDF (read back with pdftotext); another owner's receipt answers 404.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ReceiptsPageIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    record Owner(String login, String password, long martin) {
    }

    @Test
    void aRecordedPaymentListsItsReceiptWhosePdfOnlyItsOwnerGets() throws Exception {
        Owner owner = ownerWithDossiers("receipts-a");
        Owner other = ownerWithDossiers("receipts-b");
        Browser browser = browsers.open();
        browser.submitLogin(owner.login(), owner.password());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open("app/dossier.xhtml?id=" + owner.martin());
        browser.waitForDocument();
        assertTrue(plain(browser.textOf(By.id("receipts"))).contains("Aucun reçu"));

        WebElement amount = browser.visible("payment:amount_input");
        amount.click();
        amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "200", Keys.TAB);
        browser.choose("payment:method", "Chèque");
        browser.type("payment:reference", "CHQ 1234");
        browser.click("payment:recordPayment");
        browser.waitForAjax();
        browser.until(d -> !links(browser).isEmpty(), "the receipt of the payment listed");
        String receipts = plain(browser.textOf(By.id("receipts")));
        assertTrue(receipts.contains("200,00 €") && receipts.contains("Reçu (PDF)"), receipts);
        assertEquals("1", browser.driver.findElement(By.cssSelector(".receipt-number")).getText().strip());
        browser.keepEvidence("dossier-receipts");

        String href = links(browser).get(0).getAttribute("href");
        String path = URI.create(href).getPath().substring(1);
        assertTrue(path.matches("app/invoices/\\d+\\.pdf"), path);
        String text = pdftotext(download(browser, path));
        assertTrue(text.contains("Reçu n° 1"), text);
        assertTrue(text.contains("MARTIN Claude"), text);
        assertTrue(text.contains("Règlement reçu 200,00 €"), text);
        assertTrue(text.contains("Reste à payer 600,00 €"), text);

        browser.logout();
        browser.submitLogin(other.login(), other.password());
        browser.waitForPath("/app/dashboard.xhtml");
        assertEquals(404, browser.httpStatus(path), "another owner's receipt");
        assertEquals(404, browser.httpStatus("app/invoices/abc.pdf"));
    }

    private static List<WebElement> links(Browser browser) {
        return browser.driver.findElements(By.cssSelector("a.receipt-link"));
    }

    /** An owner with two dossiers (Martin 1 May, 800.00 €), through the fixture DossiersIT uses. */
    private static Owner ownerWithDossiers(String prefix) throws IOException, InterruptedException {
        String password = "Pw-" + UUID.randomUUID() + "!";
        String form = "prefix=" + prefix + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + "sejour-tests/fixtures/dossiers"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        Properties p = new Properties();
        p.load(new StringReader(response.body()));
        return new Owner(p.getProperty("login"), password, Long.parseLong(p.getProperty("martin")));
    }

    /** GETs a path with the browser's session and answers the body, which must be a PDF. */
    private static byte[] download(Browser browser, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + path))
                .header("Cookie", "JSESSIONID=" + browser.sessionCookie().getValue()).GET().build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/pdf"), type);
        return response.body();
    }

    private static String pdftotext(byte[] pdf) throws IOException, InterruptedException {
        Path file = TestSettings.artifacts().resolve("dossier-receipt.pdf");
        Files.write(file, pdf);
        Process p = new ProcessBuilder("pdftotext", "-layout", file.toString(), "-").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return plain(out);
    }

    /** Text with any kind of space made a plain one: French formats use no-break spaces. */
    private static String plain(String text) {
        return text.replaceAll("[\\s\\u00a0\\u202f]+", " ").strip();
    }
}
