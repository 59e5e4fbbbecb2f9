package org.sejour.application.touristtax;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.sejour.domain.model.shared.Money;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TaxRegisterFilesTest {

    private static final TaxRegisterFiles.Labels LABELS = new TaxRegisterFiles.Labels("Taxe de séjour",
            List.of("Dossier", "Hébergement", "Arrivée", "Départ", "Nuits", "Personnes", "Mineurs", "Saisonniers",
                    "Urgence", "Loyer", "Taxées", "Nuitées", "Tarif", "Taxe", "Additionnelle", "Total"),
            "Total {0}", "Total {0}", "Total de la période", Locale.FRENCH);

    /** A gîte whose name holds the separator and a quote: 2 taxed × 7 nights × 1.50 = 21.00 + 2.10. */
    private static TaxRegister register() {
        TaxRegister.Figures figures = new TaxRegister.Figures(1, 7, 3, 1, 0, 0, 0, 2, 14, Money.of("21.00"),
                Money.of("2.10"));
        TaxRegister.Row row = new TaxRegister.Row(5, 17, "Gîte \"Le Nid\"; étage", LocalDate.of(2027, 6, 26),
                LocalDate.of(2027, 7, 3), Money.of("1.50"), figures);
        return new TaxRegister("Gap", LocalDate.of(2027, 7, 1), LocalDate.of(2027, 7, 31), List.of(row),
                Map.of(YearMonth.of(2027, 7), figures), Map.of(row.accommodation(), figures), figures, List.of());
    }

    @Test
    void theCsvIsWhatAFrenchSpreadsheetOpensAsItIs() {
        byte[] csv = TaxRegisterFiles.csv(register(), LABELS);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(csv[0], csv[1], csv[2]));
        String[] lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n", -1);
        assertEquals(6, lines.length, "header, stay, month, accommodation, period, and the last line's end");
        assertEquals("", lines[5]);
        assertEquals("17;\"Gîte \"\"Le Nid\"\"; étage\";26/06/2027;03/07/2027;7;3;1;0;0;0;2;14;1,50;21,00;2,10;23,10",
                lines[1]);
        assertEquals("Total juillet 2027;;;;7;3;1;0;0;0;2;14;;21,00;2,10;23,10", lines[2]);
        assertEquals("Total de la période;;01/07/2027;31/07/2027;7;3;1;0;0;0;2;14;;21,00;2,10;23,10", lines[4]);
    }

    @Test
    void theExcelFileHoldsNumbersAndDates() throws Exception {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(TaxRegisterFiles.excel(register(), LABELS)))) {
            Sheet sheet = workbook.getSheet("Taxe de séjour");
            Row stay = sheet.getRow(1);
            assertEquals("Gîte \"Le Nid\"; étage", stay.getCell(1).getStringCellValue());
            assertEquals(LocalDate.of(2027, 7, 3), stay.getCell(3).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(14, stay.getCell(11).getNumericCellValue());
            assertEquals(23.10, stay.getCell(15).getNumericCellValue(), 1e-9);
            assertEquals("#,##0.00 \"€\"", stay.getCell(15).getCellStyle().getDataFormatString());
            assertEquals("Total Gîte \"Le Nid\"; étage", sheet.getRow(3).getCell(0).getStringCellValue());
            assertEquals(4, sheet.getLastRowNum());
        }
    }

    @Test
    void labelsNeedEveryColumn() {
        assertThrows(IllegalArgumentException.class, () -> new TaxRegisterFiles.Labels("x", List.of("a"), "{0}", "{0}",
                "t", Locale.FRENCH));
    }
}
