package org.sejour.it.browser;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sejour.it.FixtureHttp;
import org.sejour.it.fixtures.ReportFixtureServlet;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The owner's reports against figures worked out by hand (docs/reports.md), for 1 May – 30 June
 * 2027 on the fixture of {@link ReportFixtureServlet}:
 *
 * <pre>
 * Lauriers (500 €/week): Martin, phone, 1–8 May (7 nights); Bernard, phone, 8–15 May, cancelled;
 *   Petit, widget option, 15–22 May (7); Durand, booking site, 29 May–5 June (3 in May, 4 in June).
 *   Lettable 61 nights; booked 21; 21/61 = 34.4 %; accommodation price 3 × 500 = 1,500.00 €; 71.43 €/night.
 * Tilleuls (700 €/week): a booking test 1–8 May (not counted); Robert, phone, 26 June–3 July (5 of
 *   its 7 nights in the period: 700 × 5/7 = 500.00 €); closed 22–28 May (7 nights not lettable);
 *   an Airbnb calendar holding 15–18 May (3 nights, no price).
 *   Lettable 61 − 7 = 54; booked 5 + 3 = 8; 8/54 = 14.8 %; 500.00 €; 500 / 5 = 100.00 €/night.
 * May:  lettable 31 + 24 = 55; dossier nights 7 + 7 + 3 = 17, channel 3; 20/55 = 36.4 %;
 *       500 + 500 + 500 × 3/7 = 1,214.29 €; 1,214.2857 / 17 = 71.43 €/night.
 * June: lettable 60; dossier nights 4 + 5 = 9; 9/60 = 15.0 %; 500 × 4/7 + 500 = 785.71 €; 87.30 €/night.
 * Total: lettable 115; 26 dossier nights + 3 channel; 29/115 = 25.2 %; 2,000.00 €; 2000 / 26 = 76.92 €/night.
 * Origins: phone 2 (+ 1 cancelled), widget 1, booking site 1, channel Airbnb 1; 1 cancelled of 5
 *   dossiers = 20.0 %. Another owner's booking on the same nights counts nowhere.
 * </pre>
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ReportsIT {

    private static final String PERIOD = "from=2027-05-01&to=2027-06-30";

    @RegisterExtension
    final Browsers browsers = new Browsers();

    private String password;
    private Properties owner;

    @BeforeEach
    void fixture() {
        password = "Pw-" + UUID.randomUUID() + "!";
        owner = FixtureHttp.post("sejour-tests/fixtures/reports", "prefix=reports&password=" + password);
    }

    private Properties service(String query) {
        return FixtureHttp.get("sejour-tests/fixtures/reports?account=" + owner.getProperty("account") + "&" + query);
    }

    @Test
    void theServiceCountsWhatTheDocumentSays() {
        Properties r = service(PERIOD);
        String lauriers = "accommodation." + owner.getProperty("lauriers");
        String tilleuls = "accommodation." + owner.getProperty("tilleuls");
        assertFigures(r, lauriers, 61, 21, 0, "0.3443", "1500.00", "71.43");
        assertFigures(r, tilleuls, 54, 5, 3, "0.1481", "500.00", "100.00");
        assertFigures(r, "month.2027-05", 55, 17, 3, "0.3636", "1214.29", "71.43");
        assertFigures(r, "month.2027-06", 60, 9, 0, "0.1500", "785.71", "87.30");
        assertFigures(r, "total", 115, 26, 3, "0.2522", "2000.00", "76.92");
        assertEquals("0.00", r.getProperty("total.extras"));
        assertEquals("2000.00", r.getProperty("total.revenue"));
        assertEquals("2", r.getProperty("origin.PHONE.bookings"));
        assertEquals("1", r.getProperty("origin.PHONE.cancelled"));
        assertEquals("1", r.getProperty("origin.WIDGET.bookings"));
        assertEquals("1", r.getProperty("origin.BOOKING_SITE.bookings"));
        assertEquals("1", r.getProperty("origin.channel.Airbnb.bookings"));
        assertEquals("4", r.getProperty("origins"), "no booking test, no other owner's origin: " + r);
        assertEquals("0.2000", r.getProperty("cancellationRate"));

        // one accommodation: its own figures, origins and cancellations only
        Properties one = service(PERIOD + "&accommodation=" + owner.getProperty("tilleuls"));
        assertFigures(one, tilleuls, 54, 5, 3, "0.1481", "500.00", "100.00");
        assertFigures(one, "total", 54, 5, 3, "0.1481", "500.00", "100.00");
        assertEquals(null, one.getProperty(lauriers + ".lettable"));
        assertEquals("1", one.getProperty("origin.PHONE.bookings"));
        assertEquals("0", one.getProperty("origin.PHONE.cancelled"));
        assertEquals("2", one.getProperty("origins"), one.toString());
        assertEquals("0.0000", one.getProperty("cancellationRate"));

        // another owner's accommodation is not found; a reversed period is refused
        assertEquals("NotFoundException error.notFound",
                service(PERIOD + "&accommodation=" + owner.getProperty("otherAccommodation")).getProperty("refused"));
        assertEquals("InvalidInputException reports.period.reversed",
                service("from=2027-06-30&to=2027-05-01").getProperty("refused"));
    }

    private static void assertFigures(Properties r, String key, long lettable, long dossierNights, long channelNights,
                                      String occupancy, String lodging, String average) {
        assertEquals(String.valueOf(lettable), r.getProperty(key + ".lettable"), key + " lettable: " + r);
        assertEquals(String.valueOf(dossierNights), r.getProperty(key + ".dossierNights"), key + " dossier nights");
        assertEquals(String.valueOf(channelNights), r.getProperty(key + ".channelNights"), key + " channel nights");
        assertEquals(occupancy, r.getProperty(key + ".occupancy"), key + " occupancy");
        assertEquals(lodging, r.getProperty(key + ".lodging"), key + " lodging");
        assertEquals(average, r.getProperty(key + ".average"), key + " average nightly price");
    }

    @Test
    void thePageDrawsTheChartsListsTheSameFiguresAndDownloadsThem() throws Exception {
        Browser browser = browsers.open();
        browser.submitLogin(owner.getProperty("login"), password);
        browser.waitForPath("/app/dashboard.xhtml");
        browser.clickAndWaitForReload("menu-reports");
        browser.waitForPath("/app/reports.xhtml");
        browser.open("app/reports.xhtml?" + PERIOD);
        browser.waitForDocument();

        assertEquals("25,2 %", plain(browser.textOf(By.id("summaryOccupancy"))));
        assertEquals("76,92 €", plain(browser.textOf(By.id("summaryAverage"))));
        assertEquals("2 000,00 €", plain(browser.textOf(By.id("summaryRevenue"))));
        assertEquals("20,0 %", plain(browser.textOf(By.id("summaryCancellation"))));
        String accommodations = plain(browser.textOf(By.id("reports:accommodations")));
        assertTrue(accommodations.contains("Gîte les Lauriers") && accommodations.contains("34,4 %")
                && accommodations.contains("1 500,00 €") && accommodations.contains("71,43 €"), accommodations);
        assertTrue(accommodations.contains("14,8 %") && accommodations.contains("100,00 €"), accommodations);
        String months = plain(browser.textOf(By.id("reports:months")));
        assertTrue(months.contains("1 214,29 €") && months.contains("785,71 €") && months.contains("36,4 %"), months);
        String origins = plain(browser.textOf(By.id("reports:origins")));
        assertTrue(origins.contains("Téléphone") && origins.contains("Channel Airbnb") && origins.contains("33,3 %"),
                origins);
        // each chart drawn by Chart.js on its canvas, nothing blocked by the Content-Security-Policy
        for (String chart : List.of("accommodationChart", "monthChart", "originChart")) {
            WebElement canvas = browser.driver.findElement(By.cssSelector("[id='reports:" + chart + "'] canvas"));
            assertTrue(canvas.getSize().getWidth() > 100 && canvas.getSize().getHeight() > 50, chart + " drawn");
            assertEquals(Boolean.TRUE, browser.js("return Chart.getChart(arguments[0]) != null;", canvas),
                    chart + " is a Chart.js chart");
        }
        assertEquals(List.of(), browser.policyViolations());
        browser.keepEvidence("reports");

        // the files hold the page's figures, as a reader we did not write (exceljs) sees them
        Path byAccommodation = browser.download("reports:accommodationsExcel", ".xlsx");
        assertTrue(byAccommodation.getFileName().toString()
                .startsWith("report-accommodations-2027-05-01-2027-06-30"), byAccommodation.toString());
        ExcelJsSheet sheet = ExcelJsSheet.read(byAccommodation);
        assertEquals(4, sheet.rowCount(), "header, two gîtes, total");
        assertEquals("Gîte les Lauriers", sheet.value(1, "Hébergement"));
        assertEquals(61, ((Number) sheet.value(1, "Nuits ouvertes")).intValue());
        assertEquals(21, ((Number) sheet.value(1, "Nuits réservées (dossiers)")).intValue());
        assertEquals(0.3443, ((Number) sheet.value(1, "Taux d'occupation")).doubleValue(), 1e-9);
        assertEquals("0.0%", sheet.format(1, "Taux d'occupation"));
        assertEquals(71.43, ((Number) sheet.value(1, "Prix moyen par nuit")).doubleValue(), 1e-9);
        assertEquals(1500.0, ((Number) sheet.value(1, "Chiffre d'affaires")).doubleValue(), 1e-9);
        assertEquals(3, ((Number) sheet.value(2, "Nuits channels")).intValue());
        assertEquals(54, ((Number) sheet.value(2, "Nuits ouvertes")).intValue());
        assertEquals("Total", sheet.value(3, "Hébergement"));
        assertEquals(0.2522, ((Number) sheet.value(3, "Taux d'occupation")).doubleValue(), 1e-9);
        assertEquals(2000.0, ((Number) sheet.value(3, "CA hébergement")).doubleValue(), 1e-9);

        ExcelJsSheet byMonth = ExcelJsSheet.read(browser.download("reports:monthsExcel", ".xlsx"));
        assertEquals("mai 2027", byMonth.value(1, "Mois"));
        assertEquals(1214.29, ((Number) byMonth.value(1, "CA hébergement")).doubleValue(), 1e-9);
        assertEquals(785.71, ((Number) byMonth.value(2, "CA hébergement")).doubleValue(), 1e-9);
        assertEquals(87.30, ((Number) byMonth.value(2, "Prix moyen par nuit")).doubleValue(), 1e-9);

        ExcelJsSheet byOrigin = ExcelJsSheet.read(browser.download("reports:originsExcel", ".xlsx"));
        Map<Object, Object> bookings = new HashMap<>();
        for (int row = 1; row < byOrigin.rowCount(); row++) {
            bookings.put(byOrigin.value(row, "Origine"), ((Number) byOrigin.value(row, "Réservations")).intValue());
        }
        assertEquals(Map.of("Téléphone", 2, "Widget", 1, "Site de réservation", 1, "Channel Airbnb", 1, "Total", 5),
                bookings);
        assertEquals(0.2, ((Number) byOrigin.value(byOrigin.rowCount() - 1, "Taux d'annulation")).doubleValue(), 1e-9);

        // one gîte chosen in the form: its figures only, the other's row gone
        browser.choose("reports:accommodation", "Gîte les Tilleuls");
        browser.click("reports:show");
        browser.waitForAjax();
        browser.until(d -> plain(browser.textOf(By.id("summaryOccupancy"))).equals("14,8 %"), "Tilleuls' occupancy");
        assertEquals("100,00 €", plain(browser.textOf(By.id("summaryAverage"))));
        assertEquals("0,0 %", plain(browser.textOf(By.id("summaryCancellation"))));
        assertTrue(!plain(browser.textOf(By.id("reports:accommodations"))).contains("Lauriers"));

        // a reversed period: a message next to the field, no figures
        browser.js("document.getElementById('reports:from_input').value = '30/06/2027';"
                + "document.getElementById('reports:to_input').value = '01/05/2027';");
        browser.click("reports:show");
        browser.waitForAjax();
        assertTrue(browser.bodyText().contains("La fin de la période est avant son début."), browser.bodyText());
        assertTrue(browser.driver.findElements(By.id("reports:accommodations")).isEmpty(), "no figures shown");

        // another owner's accommodation does not exist for this owner; their own does
        assertEquals(404, browser.httpStatus("app/reports.xhtml?" + PERIOD + "&accommodation="
                + owner.getProperty("otherAccommodation")));
        assertEquals(200, browser.httpStatus("app/reports.xhtml?" + PERIOD + "&accommodation="
                + owner.getProperty("tilleuls")));
    }

    private static String plain(String text) {
        return text.replaceAll("[\\s\\u00a0\\u202f]+", " ").strip();
    }
}
