package org.sejour.application.report;

import org.sejour.application.report.ReportFigures.Figures;
import org.sejour.application.report.ReportFigures.OriginLine;
import org.sejour.domain.model.shared.Money;
import org.sejour.infrastructure.export.Spreadsheet;
import org.sejour.infrastructure.export.Spreadsheet.Column;
import org.sejour.infrastructure.export.Spreadsheet.Type;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The reports as the owner downloads them, one .xlsx each (the exports' {@link Spreadsheet}:
 * nights as whole numbers, money in euros, rates as percentages, values and never formulas), the
 * same rows as the page's tables, then the period's total.
 */
public final class ReportFiles {

    /** The figure columns of the accommodation and month reports, after the first. */
    static final List<Type> FIGURE_TYPES = List.of(Type.INTEGER, Type.INTEGER, Type.INTEGER, Type.PERCENT, Type.MONEY,
            Type.MONEY, Type.MONEY, Type.MONEY);
    static final List<Type> ORIGIN_TYPES = List.of(Type.TEXT, Type.INTEGER, Type.INTEGER, Type.PERCENT);

    /**
     * The words of the files in the owner's language: the sheets' names, the headers (first
     * column, then lettable nights, booked nights of dossiers, of channels, occupancy, average
     * nightly price, accommodation revenue, extras, revenue; for origins: origin, bookings,
     * cancelled, cancellation rate), the total row's name, an origin's or a channel's name, and
     * the locale months are written in.
     */
    public record Labels(String sheetName, List<String> headers, List<String> originHeaders, String total,
                         Function<OriginLine, String> originName, Locale locale) {
        public Labels {
            Objects.requireNonNull(sheetName, "sheet name is required");
            headers = List.copyOf(headers);
            originHeaders = List.copyOf(originHeaders);
            if (headers.size() != FIGURE_TYPES.size() + 1) {
                throw new IllegalArgumentException("expected " + (FIGURE_TYPES.size() + 1) + " headers");
            }
            if (originHeaders.size() != ORIGIN_TYPES.size()) {
                throw new IllegalArgumentException("expected " + ORIGIN_TYPES.size() + " origin headers");
            }
            Objects.requireNonNull(total, "total is required");
            Objects.requireNonNull(originName, "origin name is required");
            Objects.requireNonNull(locale, "locale is required");
        }
    }

    private ReportFiles() {
    }

    /** Occupancy, average nightly price and revenue per accommodation. */
    public static byte[] accommodations(ReportFigures report, Labels labels) {
        List<Object[]> rows = new ArrayList<>();
        report.byAccommodation().forEach(a -> rows.add(figureRow(a.name(), a.figures())));
        rows.add(figureRow(labels.total(), report.total()));
        return write(labels.sheetName(), figureColumns(labels), rows);
    }

    /** The same per calendar month. */
    public static byte[] months(ReportFigures report, Labels labels) {
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM yyyy", labels.locale());
        List<Object[]> rows = new ArrayList<>();
        report.byMonth().forEach(m -> rows.add(figureRow(month.format(m.month()), m.figures())));
        rows.add(figureRow(labels.total(), report.total()));
        return write(labels.sheetName(), figureColumns(labels), rows);
    }

    /** Bookings and cancellations per origin and channel, with the period's cancellation rate. */
    public static byte[] origins(ReportFigures report, Labels labels) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < ORIGIN_TYPES.size(); i++) {
            columns.add(new Column(labels.originHeaders().get(i), ORIGIN_TYPES.get(i), i == 0 ? 30 : 14));
        }
        List<Object[]> rows = new ArrayList<>();
        for (OriginLine o : report.origins()) {
            rows.add(new Object[]{labels.originName().apply(o), o.bookings(), o.cancelled(),
                    o.origin() == null ? null : rate(o.cancelled(), o.bookings() + o.cancelled())});
        }
        rows.add(new Object[]{labels.total(), report.origins().stream().mapToLong(OriginLine::bookings).sum(),
                report.cancelled(), report.cancellationRate()});
        return write(labels.sheetName(), columns, rows);
    }

    /** A rate as the files and the page show it, 0.0000 to 1.0000; null for none of none. */
    public static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static List<Column> figureColumns(Labels labels) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(labels.headers().get(0), Type.TEXT, 30));
        for (int i = 0; i < FIGURE_TYPES.size(); i++) {
            columns.add(new Column(labels.headers().get(i + 1), FIGURE_TYPES.get(i), 14));
        }
        return columns;
    }

    private static Object[] figureRow(String name, Figures f) {
        Money average = f.averageNightlyPrice();
        return new Object[]{name, f.lettableNights(), f.dossierNights(), f.channelNights(), f.occupancy(),
                average == null ? null : average.amount(), f.lodging().amount(), f.extras().amount(),
                f.revenue().amount()};
    }

    private static byte[] write(String sheetName, List<Column> columns, List<Object[]> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Spreadsheet sheet = new Spreadsheet(sheetName, columns)) {
            rows.forEach(sheet::row);
            sheet.writeTo(out);
        }
        return out.toByteArray();
    }

    /** "report-accommodations-2027-01-01-2027-12-31.xlsx": ASCII only, for every browser and mail client. */
    public static String fileName(String report, ReportFigures figures) {
        return "report-" + report + "-" + figures.from() + "-" + figures.to() + ".xlsx";
    }
}
