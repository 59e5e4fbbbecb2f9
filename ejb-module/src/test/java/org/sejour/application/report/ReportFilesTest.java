package org.sejour.application.report;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.sejour.application.report.ReportFigures.AccommodationLine;
import org.sejour.application.report.ReportFigures.Figures;
import org.sejour.application.report.ReportFigures.MonthLine;
import org.sejour.application.report.ReportFigures.OriginLine;
import org.sejour.domain.model.dossier.Origin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The figures' rules on worked examples, and the report files read back with POI. */
class ReportFilesTest {

    private static final BigDecimal THREE_SEVENTHS_OF_500 = new BigDecimal(1500).divide(new BigDecimal(7), 20,
            RoundingMode.HALF_UP);
    private static final BigDecimal FOUR_SEVENTHS_OF_500 = new BigDecimal(2000).divide(new BigDecimal(7), 20,
            RoundingMode.HALF_UP);

    /** A 500 € week across the end of May: 3 nights in May, 4 in June; 31 + 30 lettable nights. */
    private static ReportFigures weekAcrossMonths() {
        Figures may = new Figures(31, 3, 0, THREE_SEVENTHS_OF_500, BigDecimal.ZERO);
        Figures june = new Figures(30, 4, 2, FOUR_SEVENTHS_OF_500, new BigDecimal("20"));
        Figures total = may.plus(june);
        return new ReportFigures(LocalDate.of(2027, 5, 1), LocalDate.of(2027, 6, 30), null,
                List.of(new AccommodationLine(1, "Gîte les Lauriers", total)),
                List.of(new MonthLine(YearMonth.of(2027, 5), may), new MonthLine(YearMonth.of(2027, 6), june)), total,
                List.of(new OriginLine(Origin.PHONE, null, 4, 1), new OriginLine(null, "Airbnb", 2, 0)));
    }

    @Test
    void amountsKeepTheirDecimalsUntilShownSoThatMonthsAddUpToTheTotal() {
        ReportFigures report = weekAcrossMonths();
        assertEquals(new BigDecimal("214.29"), report.byMonth().get(0).figures().lodging().amount());
        assertEquals(new BigDecimal("285.71"), report.byMonth().get(1).figures().lodging().amount());
        assertEquals(new BigDecimal("500.00"), report.total().lodging().amount());
        assertEquals(new BigDecimal("520.00"), report.total().revenue().amount());
        // 9 booked nights (7 + 2 of a channel) of 61; the price per night counts only the 7 priced ones
        assertEquals(new BigDecimal("0.1475"), report.total().occupancy());
        assertEquals(new BigDecimal("71.43"), report.total().averageNightlyPrice().amount());
        assertEquals(new BigDecimal("0.2000"), report.cancellationRate(), "1 of 5 dossiers; channel blocks are not dossiers");
    }

    @Test
    void nothingLettableOrNothingBookedGivesNoRateRatherThanZero() {
        assertNull(Figures.NONE.occupancy());
        assertNull(Figures.NONE.averageNightlyPrice());
        assertNull(new ReportFigures(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31), null, List.of(), List.of(),
                Figures.NONE, List.of()).cancellationRate());
    }

    @Test
    void theMonthFileHoldsTheTablesValuesWithPercentagesAndEuros() throws IOException {
        ReportFiles.Labels labels = new ReportFiles.Labels("Par mois", List.of("Mois", "Nuits ouvertes",
                "Nuits réservées", "Nuits channels", "Taux d'occupation", "Prix moyen", "CA hébergement", "Extras",
                "Chiffre d'affaires"), List.of("Origine", "Réservations", "Annulées", "Taux d'annulation"), "Total",
                o -> o.origin() == null ? "Channel " + o.channel() : o.origin().name(), Locale.FRENCH);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ReportFiles.months(weekAcrossMonths(), labels)))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("Par mois", sheet.getSheetName());
            assertEquals(3, sheet.getLastRowNum(), "header, two months, total");
            Row may = sheet.getRow(1);
            assertEquals("mai 2027", may.getCell(0).getStringCellValue());
            assertEquals(31, may.getCell(1).getNumericCellValue());
            assertEquals(0.0968, may.getCell(4).getNumericCellValue(), 1e-9);
            assertEquals("0.0%", may.getCell(4).getCellStyle().getDataFormatString());
            assertEquals(214.29, may.getCell(6).getNumericCellValue(), 1e-9);
            Row total = sheet.getRow(3);
            assertEquals("Total", total.getCell(0).getStringCellValue());
            assertEquals(520.0, total.getCell(8).getNumericCellValue(), 1e-9);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ReportFiles.origins(weekAcrossMonths(), labels)))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("PHONE", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals(0.2, sheet.getRow(1).getCell(3).getNumericCellValue(), 1e-9);
            assertEquals("Channel Airbnb", sheet.getRow(2).getCell(0).getStringCellValue());
            assertNull(sheet.getRow(2).getCell(3), "no cancellation rate for a calendar");
            assertEquals(6, sheet.getRow(3).getCell(1).getNumericCellValue(), "4 by phone and 2 blocks");
            assertEquals(1, sheet.getRow(3).getCell(2).getNumericCellValue());
            assertEquals(0.2, sheet.getRow(3).getCell(3).getNumericCellValue(), 1e-9);
        }
    }
}
