package org.sejour.it.browser;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.sejour.it.FixtureHttp;
import org.sejour.it.TestSettings;
import org.sejour.it.TestSmtp;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dossiers in the browser: search, the dossier page (a payment lowers the balance, cancelling
 * with a reason), the Excel export (a job the page follows, then a download) read back with
 * POI's own reader and exceljs, arrivals and departures and their exports (the same job), and
 * another owner's dossier or export answering 404.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class DossiersIT {

    private Browser browser;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeEach
    void openBrowser() {
        browser = browsers.open();
    }

    record Owner(String login, String password, long martin, long durand) {
    }

    /** An owner with two dossiers (Martin 1 May, Durand 8 May 2027; 800.00 € each), through the fixture. */
    private static Owner ownerWithDossiers(String prefix) {
        return ownerWithDossiers(prefix, "");
    }

    /** {@link #ownerWithDossiers(String)}, with {@code guestEmails} ("martinEmail=…&durandEmail=…") added to the form. */
    private static Owner ownerWithDossiers(String prefix, String guestEmails) {
        String password = "Pw-" + UUID.randomUUID() + "!";
        String form = "prefix=" + prefix + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + (guestEmails.isEmpty() ? "" : "&" + guestEmails);
        Properties p = FixtureHttp.post("sejour-tests/fixtures/dossiers", form);
        return new Owner(p.getProperty("login"), password, Long.parseLong(p.getProperty("martin")),
                Long.parseLong(p.getProperty("durand")));
    }

    private static void signIn(Browser b, Owner owner) {
        b.submitLogin(owner.login(), owner.password());
        b.waitForPath("/app/dashboard.xhtml");
    }

    /** Text with any kind of space made a plain one: French formats use no-break spaces. */
    private static String plain(String text) {
        return text.replaceAll("[\\s\\u00a0\\u202f]+", " ").strip();
    }

    private String text(String id) {
        return plain(browser.textOf(By.id(id)));
    }

    private List<WebElement> tableRows(String tableId) {
        return browser.driver.findElements(By.cssSelector("[id='" + tableId + "_data'] > tr:not(.ui-datatable-empty-message)"));
    }

    @Test
    void searchOpenPayCancelAndExport() throws Exception {
        Owner owner = ownerWithDossiers("dossiers");
        signIn(browser, owner);

        browser.click("menu-dossiers");
        browser.waitForPath("/app/dossiers.xhtml");
        browser.until(d -> tableRows("search:dossiers").size() == 2, "both dossiers listed");
        browser.type("search:guest", "martin");
        browser.click("search:run");
        browser.waitForAjax();
        browser.until(d -> tableRows("search:dossiers").size() == 1, "only Martin's dossier");
        assertTrue(plain(tableRows("search:dossiers").get(0).getText()).contains("MARTIN Claude"));
        browser.keepEvidence("dossiers-search");

        browser.clickAndWaitForReload("search:dossiers:0:open");
        browser.waitForPath("/app/dossier.xhtml");
        assertEquals("MARTIN Claude", text("guestName"));
        assertEquals("800,00 €", text("total"));
        assertEquals("800,00 €", text("remaining"), "nothing paid yet: all of it left to pay");
        // the deposit and the balance each with its own amount and due date (issue 16: not 800.00 as "solde")
        assertEquals("240,00 €", text("deposit"));
        assertEquals("560,00 €", text("balance"), "the balance is total − deposit");
        browser.keepEvidence("dossier-page");

        // the tutorial: 800.00 € with a 200.00 € deposit paid leaves 600.00 €
        WebElement amount = browser.visible("payment:amount_input");
        amount.click();
        amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "200", Keys.TAB);
        browser.choose("payment:method", "Chèque");
        browser.type("payment:reference", "CHQ 1234");
        browser.click("payment:recordPayment");
        browser.waitForAjax();
        browser.until(d -> "600,00 €".equals(text("remaining")), "what is left to pay after the deposit");
        assertEquals("560,00 €", text("balance"), "the balance itself does not move with payments");
        assertEquals("200,00 €", text("paid"));
        String payments = plain(browser.textOf(By.id("payments")));
        assertTrue(payments.contains("Chèque") && payments.contains("CHQ 1234") && payments.contains("200,00 €"),
                payments);
        assertTrue(plain(browser.textOf(By.id("history"))).contains("Acompte enregistré"));
        browser.keepEvidence("dossier-paid");

        browser.click("actions:toggleContract");
        browser.waitForAjax();
        browser.until(d -> text("contractState").contains("a été reçu"), "the contract marked received");

        browser.click("actions:openCancel");
        browser.type("cancel:reason", "Le client a changé ses plans");
        browser.keepEvidence("dossier-cancel-dialog");
        browser.click("cancel:doCancel");
        browser.waitForAjax();
        browser.until(d -> "Le client a changé ses plans".equals(text("cancelReason")), "the cancelled dossier");
        assertEquals("Annulé", text("status"));
        String history = plain(browser.textOf(By.id("history")));
        assertTrue(history.contains("Dossier annulé – Le client a changé ses plans")
                && history.contains("Contrat signé reçu") && history.contains(owner.login()), history);
        browser.keepEvidence("dossier-cancelled");

        browser.click("menu-dossiers");
        browser.waitForPath("/app/dossiers.xhtml");
        Path xlsx = exportSearch();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals(2, sheet.getLastRowNum(), "a header and two dossiers");
            Map<String, Integer> column = new HashMap<>();
            sheet.getRow(0).forEach(cell -> column.put(cell.getStringCellValue(), cell.getColumnIndex()));
            Row martin = sheet.getRow(2); // newest first: Durand is n° 2, Martin n° 1
            assertEquals(1.0, martin.getCell(column.get("N°")).getNumericCellValue());
            assertEquals("MARTIN Claude", martin.getCell(column.get("Client")).getStringCellValue());
            assertEquals("Annulé", martin.getCell(column.get("État")).getStringCellValue());
            Cell arrival = martin.getCell(column.get("Arrivée"));
            assertTrue(DateUtil.isCellDateFormatted(arrival));
            assertEquals(LocalDate.of(2027, 5, 1), arrival.getLocalDateTimeCellValue().toLocalDate());
            // cancelled with no fee (the owner has no cancellation policy): its lines add up to 0,
            // and the 200.00 paid is owed back (issue 16)
            assertEquals(0.0, martin.getCell(column.get("Total")).getNumericCellValue());
            assertEquals(200.0, martin.getCell(column.get("Déjà réglé")).getNumericCellValue());
            assertEquals(0.0, martin.getCell(column.get("Reste à payer")).getNumericCellValue());
            Cell toRefund = martin.getCell(column.get("À rembourser"));
            assertEquals(200.0, toRefund.getNumericCellValue());
            assertTrue(toRefund.getCellStyle().getDataFormatString().contains("€"));
            assertEquals("DURAND Anne", sheet.getRow(1).getCell(column.get("Client")).getStringCellValue());
        }
        // the same file through exceljs, a reader that owes nothing to POI
        ExcelJsSheet read = ExcelJsSheet.read(xlsx);
        assertEquals(List.of("N°", "Créé le", "État", "Client", "E-mail", "Téléphone", "Hébergement", "Arrivée",
                "Départ", "Nuits", "Personnes", "Provenance", "Code promo", "Total", "Arrhes", "Solde", "Déjà réglé",
                "Remboursé", "Reste à payer", "À rembourser"), read.headers());
        assertEquals(3, read.rowCount(), "a header and two dossiers");
        assertEquals(2L, read.value(1, "N°"));
        assertEquals("DURAND Anne", read.value(1, "Client"));
        assertEquals(1L, read.value(2, "N°"));
        assertEquals("MARTIN Claude", read.value(2, "Client"));
        assertEquals("Annulé", read.value(2, "État"));
        assertEquals("2027-05-01", read.date(2, "Arrivée"));
        assertEquals(0L, read.value(2, "Total"));
        assertEquals(200L, read.value(2, "Déjà réglé"));
        assertEquals(0L, read.value(2, "Reste à payer"));
        assertEquals(200L, read.value(2, "À rembourser"));
        assertTrue(read.format(2, "À rembourser").contains("€"), read.format(2, "À rembourser"));
    }

    @Test
    void arrivalsOfADayAndTheirExport() throws Exception {
        Owner owner = ownerWithDossiers("arrivals");
        signIn(browser, owner);
        browser.click("menu-arrivals");
        browser.waitForPath("/app/arrivals.xhtml");
        browser.js("document.getElementById('movements:from_input').value = '01/05/2027';"
                + "document.getElementById('movements:to_input').value = '08/05/2027';");
        browser.click("movements:show");
        browser.waitForAjax();
        browser.until(d -> tableRows("movements:list").size() == 2, "the two arrivals of the week");
        String list = plain(browser.textOf(By.id("movements:list")));
        assertTrue(list.contains("MARTIN Claude") && list.contains("DURAND Anne") && list.contains("800,00 €")
                && list.contains("+33 6 12 34 56 78"), list);
        browser.keepEvidence("arrivals");

        // the export is a job the page follows, then a link; the file holds what the list shows
        Path xlsx = exportMovements("arrivals-export-ready");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("Arrivées", sheet.getSheetName());
            assertEquals(2, sheet.getLastRowNum());
            assertEquals(LocalDate.of(2027, 5, 1), sheet.getRow(1).getCell(0).getLocalDateTimeCellValue().toLocalDate());
            assertEquals("MARTIN Claude", sheet.getRow(1).getCell(2).getStringCellValue());
            assertEquals(7.0, sheet.getRow(1).getCell(4).getNumericCellValue(), "nights");
            assertEquals(800.0, sheet.getRow(1).getCell(6).getNumericCellValue(), "balance due");
        }
        ExcelJsSheet read = ExcelJsSheet.read(xlsx);
        assertEquals(List.of("Arrivée", "N°", "Client", "Hébergement", "Nuits", "Personnes", "Reste à payer", "Téléphone"),
                read.headers());
        assertEquals(3, read.rowCount());
        assertEquals("2027-05-01", read.date(1, "Arrivée"));
        assertEquals(1L, read.value(1, "N°"));
        assertEquals("MARTIN Claude", read.value(1, "Client"));
        assertEquals(800L, read.value(1, "Reste à payer"));
        assertTrue(read.format(1, "Reste à payer").contains("€"), read.format(1, "Reste à payer"));
        assertEquals("2027-05-08", read.date(2, "Arrivée"));
        assertEquals("DURAND Anne", read.value(2, "Client"));
        assertEquals(listedMovements(), movementsIn(read, "Arrivée"), "the file's rows are the list's");
        String link = browser.byId("movements:exportDownload").getAttribute("href");
        String exportPath = link.substring(link.indexOf("app/exports/"));

        browser.click("menu-departures");
        browser.waitForPath("/app/departures.xhtml");
        browser.js("document.getElementById('movements:from_input').value = '08/05/2027';");
        browser.click("movements:show");
        browser.waitForAjax();
        browser.until(d -> tableRows("movements:list").size() == 1, "Martin leaves on 8 May");
        assertTrue(plain(browser.textOf(By.id("movements:list"))).contains("MARTIN Claude"));
        browser.keepEvidence("departures");
        ExcelJsSheet departures = ExcelJsSheet.read(exportMovements("departures-export-ready"));
        assertEquals("Départ", departures.headers().get(0));
        assertEquals(listedMovements(), movementsIn(departures, "Départ"), "the file's rows are the list's");
        assertEquals(2, departures.rowCount(), "a header and Martin");

        Owner other = ownerWithDossiers("arrivals-other");
        browser.logout();
        signIn(browser, other);
        assertEquals(404, browser.httpStatus(exportPath), "another owner must not download the arrivals");
    }

    /**
     * Starts the export of the arrivals or departures shown, watches its progress until the job
     * made the file, keeps a screenshot of the page then, and downloads the file through the link.
     */
    private Path exportMovements(String evidence) throws IOException {
        browser.click("movements:export");
        browser.waitForAjax();
        browser.until(d -> !d.findElements(By.id("movements:exportDownload")).isEmpty(), "the export's download link");
        assertEquals("100%", plain(browser.textOf(By.id("movements:exportProgress"))).replace(" ", ""));
        assertTrue(text("movements:exportState").contains("conservé jusqu'au"), text("movements:exportState"));
        browser.keepEvidence(evidence);
        return browser.downloadXlsx("movements:exportDownload");
    }

    /** The arrivals or departures list's rows as the page shows them, cell by cell. */
    /** The rows listed, but the pre-arrival form's column: a state the page follows, not part of the file. */
    private List<List<String>> listedMovements() {
        return tableRows("movements:list").stream()
                .map(row -> row.findElements(By.cssSelector("td:not(.arrival-form)")).stream()
                        .map(td -> plain(td.getText())).toList())
                .toList();
    }

    /** The file's rows as the list would show them: dates and money written the French way. */
    private static List<List<String>> movementsIn(ExcelJsSheet sheet, String dayHeader) {
        List<List<String>> rows = new ArrayList<>();
        NumberFormat euros = NumberFormat.getCurrencyInstance(Locale.FRANCE);
        for (int r = 1; r < sheet.rowCount(); r++) {
            Object phone = sheet.value(r, "Téléphone");
            rows.add(List.of(LocalDate.parse(sheet.date(r, dayHeader)).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                    sheet.value(r, "N°").toString(), (String) sheet.value(r, "Client"),
                    (String) sheet.value(r, "Hébergement"), sheet.value(r, "Nuits").toString(),
                    sheet.value(r, "Personnes").toString(),
                    plain(euros.format(new BigDecimal(sheet.value(r, "Reste à payer").toString()))),
                    phone == null ? "" : (String) phone));
        }
        return rows;
    }

    @Test
    void anotherOwnersDossierIsNotFound() {
        Owner a = ownerWithDossiers("owner-a");
        Owner b = ownerWithDossiers("owner-b");
        signIn(browser, b);
        assertEquals(404, browser.httpStatus("app/dossier.xhtml?id=" + a.martin()), "B must not see A's dossier");
        assertEquals(200, browser.httpStatus("app/dossier.xhtml?id=" + b.martin()), "B sees her own");
        assertEquals(404, browser.httpStatus("app/dossier.xhtml?id=abc"));
        browser.open("app/dossier.xhtml?id=" + a.martin());
        browser.waitForDocument();
        assertTrue(!browser.bodyText().contains("MARTIN Claude"), "nothing of A's dossier is shown");
        browser.keepEvidence("dossier-not-found");

        browser.open("app/dossiers.xhtml");
        browser.waitForDocument();
        browser.until(d -> tableRows("search:dossiers").size() == 2, "B's two dossiers");
        String ids = String.join(",", browser.driver.findElements(By.cssSelector(".dossier-link")).stream()
                .map(link -> link.getAttribute("href")).toList());
        assertTrue(ids.contains("id=" + b.martin()) && !ids.contains("id=" + a.martin() + "&")
                && !ids.endsWith("id=" + a.martin()), ids);
    }

    /**
     * The owner sends the guest's booking mail again from the dossier page: asked for through a
     * confirmation, queued in the outbox, and one more mail reaches the guest (GreenMail, in this
     * JVM, on the port the test domain sends to) each time. A guest without an address cannot
     * be mailed, and the page says why.
     */
    @Test
    void theGuestsMailIsSentAgainOnRequest() throws Exception {
        String guestEmail = "martin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        GreenMail smtp = TestSmtp.start(TestSettings.smtpPort());
        try {
            Owner owner = ownerWithDossiers("resend", "martinEmail=" + URLEncoder.encode(guestEmail,
                    StandardCharsets.UTF_8) + "&durandEmail=");
            signIn(browser, owner);
            browser.open("app/dossier.xhtml?id=" + owner.martin());
            browser.waitForDocument();
            assertTrue(tableRows("mails").isEmpty(), "a phone booking mails nobody unless asked");

            resendGuestMail();
            browser.until(d -> plain(browser.bodyText()).contains("Le mail de réservation part vers " + guestEmail),
                    "the message naming the address");
            assertTrue(plain(browser.textOf(By.id("history"))).contains("Mail de réservation renvoyé au client – "
                    + guestEmail), browser.textOf(By.id("history")));
            List<MimeMessage> mails = Inbox.mailsTo(smtp, guestEmail, 1);
            assertEquals(1, mails.size(), "one mail to the guest");
            assertEquals("Votre contrat de location — Gîte les Lauriers, dossier n° 1", mails.get(0).getSubject());
            browser.open("app/dossier.xhtml?id=" + owner.martin());
            browser.until(d -> plain(browser.textOf(By.id("mails"))).contains("Envoyé"), "the mail log's sent mail");
            browser.keepEvidence("dossier-guest-mail-resent");

            resendGuestMail();
            assertEquals(2, Inbox.mailsTo(smtp, guestEmail, 2).size(), "one more mail for the second request");

            // Durand gave no address: the button is off and the page says why
            browser.open("app/dossier.xhtml?id=" + owner.durand());
            browser.waitForDocument();
            assertFalse(browser.visible("actions:resendGuestMail").isEnabled());
            assertEquals("Le client n'a pas donné d'adresse e-mail : aucun mail ne peut lui être envoyé.",
                    text("guestMailUnavailable"));
            browser.keepEvidence("dossier-guest-mail-unavailable");
        } finally {
            smtp.stop();
        }
    }

    /**
     * A guest's request in two clicks (docs/privacy.md): "Exporter les données du client" downloads
     * the JSON and the PDF of that guest only; "Effacer le client", once confirmed, anonymises them.
     * Another owner's dossier gives 404 for the download too.
     */
    @Test
    void theGuestsDataAreExportedThenErasedFromTheDossierPage() throws Exception {
        Owner owner = ownerWithDossiers("privacy");
        Owner other = ownerWithDossiers("privacy-other");
        signIn(browser, owner);
        browser.open("app/dossier.xhtml?id=" + owner.martin());
        browser.waitForDocument();

        Path zip = browser.download("exportGuest", ".zip");
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName().replaceAll(".*\\.", ""), in.readAllBytes());
            }
        }
        assertEquals(Set.of("json", "pdf"), files.keySet());
        String json = new String(files.get("json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"guest_last_name\": \"Martin\""), json);
        assertFalse(json.contains("Durand"), "the owner's other guest is not in it");
        assertTrue(files.get("pdf").length > 1000 && new String(files.get("pdf"), 0, 5, StandardCharsets.US_ASCII)
                .equals("%PDF-"));

        browser.click("actions:eraseGuest");
        WebElement yes = browser.until(d -> d.findElements(By.cssSelector(".ui-confirmdialog-yes")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null), "the confirmation dialog");
        String question = plain(browser.driver.findElements(By.cssSelector(".ui-confirm-dialog-message")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElseThrow().getText());
        assertTrue(question.startsWith("Effacer MARTIN Claude de vos dossiers n° ") && question.endsWith("irréversible."),
                question);
        browser.keepEvidence("dossier-erase-guest-question");
        yes.click();
        browser.waitForAjax();
        browser.until(d -> !d.findElements(By.id("guestErased")).isEmpty(), "the erased notice");
        assertTrue(text("guestName").startsWith("EFFACÉ N° "), text("guestName"));
        assertTrue(text("guestErased").startsWith("Données du client effacées le "), text("guestErased"));
        assertTrue(browser.driver.findElements(By.id("actions:eraseGuest")).isEmpty(), "nothing left to erase");
        browser.keepEvidence("dossier-guest-erased");

        assertEquals(200, browser.httpStatus("app/guest-data/" + owner.durand() + ".json"));
        browser.logout();
        signIn(browser, other);
        assertEquals(404, browser.httpStatus("app/guest-data/" + owner.durand() + ".zip"),
                "another owner's dossier is not found");
        assertEquals(404, browser.httpStatus("app/guest-data/abc.zip"));
    }

    /** Clicks "Renvoyer le mail au client", says yes to the confirmation and waits for the answer. */
    private void resendGuestMail() {
        browser.click("actions:resendGuestMail");
        browser.until(d -> d.findElements(By.cssSelector(".ui-confirmdialog-yes")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null), "the confirmation dialog").click();
        browser.waitForAjax();
    }

    @Test
    void anotherOwnersExportIsNotFound() throws Exception {
        Owner a = ownerWithDossiers("export-a");
        Owner b = ownerWithDossiers("export-b");
        signIn(browser, a);
        browser.click("menu-dossiers");
        browser.waitForPath("/app/dossiers.xhtml");
        Path xlsx = exportSearch();
        assertEquals(3, ExcelJsSheet.read(xlsx).rowCount(), "a header and A's two dossiers");
        String link = browser.byId("search:exportDownload").getAttribute("href");
        String path = link.substring(link.indexOf("app/exports/"));
        assertEquals(200, browser.httpStatus(path), "A downloads her export");
        long exportId = Long.parseLong(path.replaceAll("\\D", ""));

        browser.logout();
        signIn(browser, b);
        assertEquals(404, browser.httpStatus(path), "B must not download A's export");
        assertEquals(404, browser.httpStatus("app/exports/" + (exportId + 100_000) + ".xlsx"));
        assertEquals(404, browser.httpStatus("app/exports/abc.xlsx"));
    }

    /**
     * Starts the export of the current search, watches its progress until the job made the
     * file, then downloads it through the page's link.
     */
    private Path exportSearch() throws IOException {
        browser.click("search:export");
        browser.waitForAjax();
        browser.until(d -> !d.findElements(By.id("search:exportDownload")).isEmpty(), "the export's download link");
        assertEquals("100%", plain(browser.textOf(By.id("search:exportProgress"))).replace(" ", ""));
        assertTrue(text("search:exportState").contains("dossier(s)"), text("search:exportState"));
        browser.keepEvidence("dossiers-export-ready");
        return browser.downloadXlsx("search:exportDownload");
    }
}
