package org.sejour.it.browser;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.sejour.it.FixtureHttp;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tourist-tax register page in Chromium: reached from the menu, it lists the paid stay with
 * its exempt persons and amounts, says why a reversed period gives nothing, and downloads the
 * Excel file (read back with POI) and the CSV. The dossier page names the exempt persons too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class TouristTaxPageIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void theOwnerReadsTheRegisterAndDownloadsItForTheCommune() throws Exception {
        String password = "Pw-" + UUID.randomUUID() + "!";
        Properties owner = FixtureHttp.post("sejour-tests/fixtures/tourist-tax", "prefix=register&password=" + password);
        Browser browser = browsers.open();
        browser.submitLogin(owner.getProperty("login"), password);
        browser.waitForPath("/app/dashboard.xhtml");
        browser.clickAndWaitForReload("menu-touristTax");
        browser.waitForPath("/app/tourist-tax.xhtml");
        // last month by default, which has no stay; the May stays are asked for by address
        browser.open("app/tourist-tax.xhtml?from=2027-05-01&to=2027-05-31");
        browser.waitForDocument();
        String stays = plain(browser.textOf(By.id("register:stays")));
        assertTrue(stays.contains(owner.getProperty("number")) && stays.contains("Gîte les Lauriers"), stays);
        assertTrue(stays.contains("1 mineur(s)") && stays.contains("1 saisonnier(s)"), stays);
        assertTrue(stays.contains("0,90 €") && stays.contains("12,60 €") && stays.contains("1,26 €")
                && stays.contains("13,86 €"), stays);
        assertEquals("13,86 €", plain(browser.textOf(By.id("grandTotalAmount"))));
        assertTrue(plain(browser.textOf(By.id("register:months"))).contains("mai 2027"));
        browser.keepEvidence("tourist-tax-register");
        // the dossier page says who was declared exempt
        browser.open("app/dossier.xhtml?id=" + owner.getProperty("id"));
        browser.waitForDocument();
        assertEquals("1 saisonnier(s)", plain(browser.textOf(By.id("taxExemptions"))));
        browser.open("app/tourist-tax.xhtml?from=2027-05-01&to=2027-05-31");
        browser.waitForDocument();

        Path excel = browser.download("register:excel", ".xlsx");
        assertTrue(excel.getFileName().toString().startsWith("taxe-de-sejour-gap-2027-05-01-2027-05-31"), excel.toString());
        try (InputStream in = Files.newInputStream(excel); Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("Taxe de séjour", sheet.getSheetName());
            assertEquals(owner.getProperty("number"), sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals(13.86, sheet.getRow(1).getCell(15).getNumericCellValue(), 0.0001);
            assertEquals("Total de la période", sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue());
        }
        Path csv = browser.download("register:csv", ".csv");
        byte[] bytes = Files.readAllBytes(csv);
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 with its byte order mark");
        String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertTrue(lines[0].startsWith("Dossier;Hébergement;Arrivée;Départ;Nuits"), lines[0]);
        assertTrue(lines[1].endsWith(";0,90;12,60;1,26;13,86"), lines[1]);

        // the end before the start: a message next to the field, no register
        browser.js("document.getElementById('register:from_input').value = '31/05/2027';"
                + "document.getElementById('register:to_input').value = '01/05/2027';");
        browser.click("register:show");
        browser.waitForAjax();
        assertTrue(browser.bodyText().contains("La fin de la période est avant son début."), browser.bodyText());
        assertTrue(browser.driver.findElements(By.id("register:stays")).isEmpty(), "no register shown");
    }

    private static String plain(String text) {
        return text.replaceAll("[\\s\\u00a0\\u202f]+", " ").strip();
    }
}
