package org.sejour.infrastructure.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A one-sheet .xlsx written row by row with POI's streaming SXSSF: only a window of rows stays in
 * memory, so an export of 100,000 dossiers costs little heap. Cells hold values, never formulas
 * (SXSSF would cache 0 for a formula); money is a number formatted in euros, dates are dates.
 */
public final class Spreadsheet implements AutoCloseable {

    /** rows kept in memory before SXSSF flushes them to its temporary file */
    private static final int WINDOW = 200;

    /** PERCENT: a ratio (0.25 shows as 25.0 %). */
    public enum Type { TEXT, INTEGER, MONEY, DATE, DATE_TIME, PERCENT }

    /** A column: its header, the type of its cells, its width in characters. */
    public record Column(String header, Type type, int width) {
        public Column {
            Objects.requireNonNull(header, "header is required");
            Objects.requireNonNull(type, "type is required");
        }
    }

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final SXSSFSheet sheet;
    private final List<Column> columns;
    private final CellStyle money;
    private final CellStyle date;
    private final CellStyle dateTime;
    private final CellStyle percent;
    private int nextRow;

    public Spreadsheet(String sheetName, List<Column> columns) {
        this.columns = List.copyOf(columns);
        sheet = workbook.createSheet(sheetName);
        money = style("#,##0.00 \"€\"");
        date = style("dd/mm/yyyy");
        dateTime = style("dd/mm/yyyy hh:mm");
        percent = style("0.0%");
        CellStyle header = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < this.columns.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(this.columns.get(i).header());
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, Math.min(255, this.columns.get(i).width()) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    private CellStyle style(String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    /** Appends a row; values follow the columns, a null leaves the cell empty. */
    public void row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
        }
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                write(row.createCell(i), columns.get(i).type(), values[i]);
            }
        }
    }

    private void write(Cell cell, Type type, Object value) {
        switch (type) {
            case TEXT -> cell.setCellValue(value.toString());
            case INTEGER -> cell.setCellValue(((Number) value).longValue());
            case MONEY -> {
                cell.setCellValue(((BigDecimal) value).doubleValue());
                cell.setCellStyle(money);
            }
            case DATE -> {
                cell.setCellValue((LocalDate) value);
                cell.setCellStyle(date);
            }
            case DATE_TIME -> {
                cell.setCellValue((LocalDateTime) value);
                cell.setCellStyle(dateTime);
            }
            case PERCENT -> {
                cell.setCellValue(((BigDecimal) value).doubleValue());
                cell.setCellStyle(percent);
            }
        }
    }

    public int rowsWritten() {
        return nextRow - 1;
    }

    public void writeTo(OutputStream out) {
        try {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes SXSSF's temporary file. */
    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }
}
