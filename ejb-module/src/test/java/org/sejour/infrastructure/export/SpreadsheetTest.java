package org.sejour.infrastructure.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.sejour.infrastructure.export.Spreadsheet.Column;
import org.sejour.infrastructure.export.Spreadsheet.Type;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the streamed workbook holds, read back with POI's own non-streaming reader. */
class SpreadsheetTest {

    private static byte[] write(int rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Spreadsheet sheet = new Spreadsheet("Dossiers", List.of(new Column("N°", Type.INTEGER, 8),
                new Column("Client", Type.TEXT, 20), new Column("Arrivée", Type.DATE, 12),
                new Column("Solde", Type.MONEY, 12)))) {
            for (int i = 1; i <= rows; i++) {
                sheet.row(i, i == 1 ? "MARTIN Claude" : null, LocalDate.of(2027, 5, 1), new BigDecimal("600.00"));
            }
            assertEquals(rows, sheet.rowsWritten());
            sheet.writeTo(out);
        }
        return out.toByteArray();
    }

    @Test
    void valuesAreTypedCellsWithFormatsNotFormulas() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(write(1)))) {
            Sheet sheet = workbook.getSheet("Dossiers");
            assertEquals("Solde", sheet.getRow(0).getCell(3).getStringCellValue());
            Row row = sheet.getRow(1);
            assertEquals(1.0, row.getCell(0).getNumericCellValue());
            assertEquals("MARTIN Claude", row.getCell(1).getStringCellValue());
            Cell arrival = row.getCell(2);
            assertEquals(CellType.NUMERIC, arrival.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(arrival));
            assertEquals(LocalDate.of(2027, 5, 1), arrival.getLocalDateTimeCellValue().toLocalDate());
            Cell balance = row.getCell(3);
            assertEquals(CellType.NUMERIC, balance.getCellType(), "money is a number, not text or a formula");
            assertEquals(600.00, balance.getNumericCellValue());
            assertTrue(balance.getCellStyle().getDataFormatString().contains("€"));
        }
    }

    @Test
    void manyRowsStreamThroughAndEmptyValuesLeaveNoCell() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(write(1500)))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals(1500, sheet.getLastRowNum());
            assertEquals(1500.0, sheet.getRow(1500).getCell(0).getNumericCellValue());
            assertEquals(null, sheet.getRow(2).getCell(1));
        }
    }

    @Test
    void aRowMustMatchTheColumns() {
        try (Spreadsheet sheet = new Spreadsheet("S", List.of(new Column("A", Type.TEXT, 5)))) {
            assertThrows(IllegalArgumentException.class, () -> sheet.row("a", "b"));
        }
    }
}
