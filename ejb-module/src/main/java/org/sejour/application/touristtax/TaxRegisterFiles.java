package org.sejour.application.touristtax;

import org.sejour.domain.model.shared.Money;
import org.sejour.infrastructure.export.Spreadsheet;
import org.sejour.infrastructure.export.Spreadsheet.Column;
import org.sejour.infrastructure.export.Spreadsheet.Type;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The register as the owner downloads it: an .xlsx (the dossier exports' {@link Spreadsheet}:
 * money as numbers in euros, dates as dates) and a CSV for French spreadsheets: UTF-8 with a byte
 * order mark (so that Excel reads the accents), {@code ;} between fields, a decimal comma, dates
 * as dd/mm/yyyy, CRLF line ends. Both hold the same rows: the stays, then the totals per month,
 * per accommodation and for the period, each total's name in the first column.
 */
public final class TaxRegisterFiles {

    /** Sixteen columns, in the order of {@link Labels#headers()}. */
    static final List<Type> TYPES = List.of(Type.TEXT, Type.TEXT, Type.DATE, Type.DATE, Type.INTEGER, Type.INTEGER,
            Type.INTEGER, Type.INTEGER, Type.INTEGER, Type.INTEGER, Type.INTEGER, Type.INTEGER, Type.MONEY, Type.MONEY,
            Type.MONEY, Type.MONEY);
    private static final int[] WIDTHS = {22, 28, 12, 12, 8, 9, 9, 11, 11, 11, 10, 10, 10, 12, 12, 12};
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /**
     * The words of the files, in the owner's language: the sheet's name, the sixteen column
     * headers (dossier, accommodation, arrival, departure, nights, persons, minors, seasonal
     * workers, emergency housing, low rent, taxable persons, taxed person-nights, rate, tax,
     * surcharge, total), how a month's, an accommodation's and the period's totals are named
     * ({@code {0}}, replaced as it is, is the month or the accommodation) and the locale months
     * are written in.
     */
    public record Labels(String sheetName, List<String> headers, String monthTotal, String accommodationTotal,
                         String grandTotal, Locale locale) {
        public Labels {
            Objects.requireNonNull(sheetName, "sheet name is required");
            headers = List.copyOf(headers);
            if (headers.size() != TYPES.size()) {
                throw new IllegalArgumentException("expected " + TYPES.size() + " headers, got " + headers.size());
            }
            Objects.requireNonNull(monthTotal, "month total is required");
            Objects.requireNonNull(accommodationTotal, "accommodation total is required");
            Objects.requireNonNull(grandTotal, "grand total is required");
            Objects.requireNonNull(locale, "locale is required");
        }
    }

    private TaxRegisterFiles() {
    }

    public static byte[] excel(TaxRegister register, Labels labels) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < TYPES.size(); i++) {
            columns.add(new Column(labels.headers().get(i), TYPES.get(i), WIDTHS[i]));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Spreadsheet sheet = new Spreadsheet(labels.sheetName(), columns)) {
            for (Object[] row : rows(register, labels)) {
                sheet.row(row);
            }
            sheet.writeTo(out);
        }
        return out.toByteArray();
    }

    public static byte[] csv(TaxRegister register, Labels labels) {
        DecimalFormat money = new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.FRANCE));
        money.setGroupingUsed(false);
        StringBuilder text = new StringBuilder();
        line(text, new ArrayList<>(labels.headers()));
        for (Object[] row : rows(register, labels)) {
            List<String> cells = new ArrayList<>(row.length);
            for (Object value : row) {
                cells.add(value == null ? ""
                        : value instanceof BigDecimal amount ? money.format(amount)
                        : value instanceof LocalDate date ? DATE.format(date)
                        : value.toString());
            }
            line(text, cells);
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, file, 0, BOM.length);
        System.arraycopy(body, 0, file, BOM.length, body.length);
        return file;
    }

    private static void line(StringBuilder text, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(';');
            }
            String cell = cells.get(i);
            boolean quoted = cell.indexOf(';') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0;
            text.append(quoted ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        text.append("\r\n");
    }

    /** The values of every row, stays then totals, in the columns' order. */
    static List<Object[]> rows(TaxRegister register, Labels labels) {
        List<Object[]> rows = new ArrayList<>();
        for (TaxRegister.Row row : register.rows()) {
            rows.add(values(String.valueOf(row.dossierNumber()), row.accommodation(), row.arrival(), row.departure(),
                    row.rate(), row.figures()));
        }
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM yyyy", labels.locale());
        for (Map.Entry<YearMonth, TaxRegister.Figures> m : register.byMonth().entrySet()) {
            rows.add(values(labels.monthTotal().replace("{0}", month.format(m.getKey())), null,
                    null, null, null, m.getValue()));
        }
        for (Map.Entry<String, TaxRegister.Figures> a : register.byAccommodation().entrySet()) {
            rows.add(values(labels.accommodationTotal().replace("{0}", a.getKey()), a.getKey(),
                    null, null, null, a.getValue()));
        }
        rows.add(values(labels.grandTotal(), null, register.from(), register.to(), null, register.total()));
        return rows;
    }

    private static Object[] values(String first, String accommodation, LocalDate arrival, LocalDate departure,
                                   Money rate, TaxRegister.Figures f) {
        return new Object[]{first, accommodation, arrival, departure, f.nights(), f.persons(), f.minors(),
                f.seasonalWorkers(), f.emergencyHousing(), f.lowRent(), f.taxablePersons(), f.taxableNights(),
                rate == null ? null : rate.amount(), f.tax().amount(), f.surcharge().amount(), f.total().amount()};
    }
}
