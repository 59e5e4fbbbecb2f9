package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.sejour.application.AccommodationService;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.report.ReportFigures;
import org.sejour.application.report.ReportFigures.Figures;
import org.sejour.application.report.ReportFigures.OriginLine;
import org.sejour.application.report.ReportFiles;
import org.sejour.application.report.ReportService;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * "Rapports": the owner picks a period (this year by default) and, if they like, one
 * accommodation, and reads occupancy, average nightly price and revenue per accommodation and per
 * month, and bookings per origin with the cancellation rate: each as a chart, a table with the
 * same figures (what a screen reader reads) and an Excel file. Bad input gives a message and no
 * figures; another owner's accommodation in the address answers 404.
 */
@Named
@ViewScoped
public class Reports implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "reports";
    // Chart.js colours matching sejour.css and the dashboard's
    private static final String REVENUE_COLOUR = "#2f6f8f";
    private static final String OCCUPANCY_COLOUR = "#e0a030";
    private static final List<String> PIE_COLOURS = List.of("#2f6f8f", "#e0a030", "#5a9e5a", "#b5527a", "#888888",
            "#4f9fbf", "#a0522d", "#6a5acd");

    @Inject
    CurrentUser currentUser;
    @EJB
    ReportService reports;
    @EJB
    AccommodationService accommodationService;

    private String fromParam;
    private String toParam;
    private String accommodationParam;
    private List<Option> accommodations = List.of();
    private LocalDate from;
    private LocalDate to;
    private Long accommodation;
    private ReportFigures figures;

    /** An accommodation the owner may narrow the reports to. */
    public record Option(long id, String name) implements Serializable {
    }

    /** A line of the accommodation and month tables, formatted for the page. */
    public record Row(String label, long lettable, long dossierNights, long channelNights, String occupancy,
                      String averageNightlyPrice, String lodging, String extras, String revenue) {
    }

    /** A line of the origins table. */
    public record OriginRow(String label, long bookings, long cancelled, String cancellationRate) {
    }

    /**
     * f:viewAction: the period the address names ({@code from}, {@code to} as 2027-05-01) or this
     * year, the accommodation it names ({@code accommodation}) or all, and their figures.
     */
    public void open() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        accommodations = accommodationService.list(currentUser.accountId()).stream()
                .map(a -> new Option(a.id(), a.name())).toList();
        LocalDate today = BusinessCalendar.today(Clock.systemUTC());
        from = Faces.isoDate(fromParam).orElse(today.withDayOfYear(1));
        to = Faces.isoDate(toParam).orElse(today.withDayOfYear(today.lengthOfYear()));
        if (accommodationParam != null && !accommodationParam.isBlank()) {
            try {
                accommodation = Long.valueOf(accommodationParam.strip());
            } catch (NumberFormatException e) {
                Faces.notFound();
                return;
            }
        }
        try {
            figures = reports.report(currentUser.accountId(), from, to, accommodation);
        } catch (NotFoundException e) {
            Faces.notFound();
        } catch (InvalidInputException e) {
            Faces.show(FORM, e);
        }
    }

    public void show() {
        figures = compute();
    }

    public void downloadAccommodations() {
        send("accommodations", ReportFiles::accommodations, "reports.sheet.accommodations", "reports.column.name");
    }

    public void downloadMonths() {
        send("months", ReportFiles::months, "reports.sheet.months", "reports.column.month");
    }

    public void downloadOrigins() {
        send("origins", ReportFiles::origins, "reports.sheet.origins", "reports.column.name");
    }

    /** The figures asked for, or null after putting the service's reasons next to the fields. */
    private ReportFigures compute() {
        try {
            return reports.report(currentUser.accountId(), from, to, accommodation);
        } catch (InvalidInputException e) {
            Faces.show(FORM, e);
            return null;
        } catch (NotFoundException e) {
            // the list offers only the owner's accommodations: a forged choice is refused like a bad one
            Faces.error(FORM + ":accommodation", "reports.accommodation.unknown");
            return null;
        }
    }

    private interface Writer {
        byte[] write(ReportFigures figures, ReportFiles.Labels labels);
    }

    private void send(String report, Writer writer, String sheetKey, String firstHeaderKey) {
        ReportFigures shown = compute();
        if (shown == null) {
            return;
        }
        figures = shown;
        byte[] file = writer.write(shown, labels(Faces.text(sheetKey), firstHeaderKey));
        Faces.attachment(ReportFiles.fileName(report, shown),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file);
    }

    private ReportFiles.Labels labels(String sheetName, String firstHeaderKey) {
        List<String> headers = List.of(firstHeaderKey, "reports.column.lettable", "reports.column.dossierNights",
                "reports.column.channelNights", "reports.column.occupancy", "reports.column.averageNightlyPrice",
                "reports.column.lodging", "reports.column.extras", "reports.column.revenue").stream()
                .map(key -> Faces.text(key)).toList();
        List<String> originHeaders = List.of("reports.column.origin", "reports.column.bookings",
                "reports.column.cancelled", "reports.column.cancellationRate").stream()
                .map(key -> Faces.text(key)).toList();
        Function<OriginLine, String> names = this::originName;
        return new ReportFiles.Labels(sheetName, headers, originHeaders, Faces.text("reports.total"), names,
                Formats.viewLocale());
    }

    /** "Téléphone", or "Channel Airbnb" for an imported calendar. */
    public String originName(OriginLine origin) {
        return origin.origin() != null ? Faces.text("origin." + origin.origin().name())
                : Faces.text("reports.origin.channel", origin.channel());
    }

    public String monthLabel(YearMonth month) {
        // LLL, the month on its own, as on the dashboard
        return month.format(DateTimeFormatter.ofPattern("LLL yyyy", Formats.viewLocale()));
    }

    private static String percent(BigDecimal ratio) {
        if (ratio == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getPercentInstance(Formats.viewLocale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(ratio);
    }

    private static String money(Money amount) {
        return amount == null ? "–" : Formats.money(amount, Formats.viewLocale());
    }

    private static Row row(String label, Figures f) {
        return new Row(label, f.lettableNights(), f.dossierNights(), f.channelNights(), percent(f.occupancy()),
                money(f.averageNightlyPrice()), money(f.lodging()), money(f.extras()), money(f.revenue()));
    }

    /** The accommodations, then the period's total: the table the chart draws. */
    public List<Row> getAccommodationRows() {
        return figures == null ? List.of() : withTotal(figures.byAccommodation().stream()
                .map(a -> row(a.name(), a.figures())).toList());
    }

    /** The months, then the period's total. */
    public List<Row> getMonthRows() {
        return figures == null ? List.of() : withTotal(figures.byMonth().stream()
                .map(m -> row(monthLabel(m.month()), m.figures())).toList());
    }

    private List<Row> withTotal(List<Row> rows) {
        List<Row> all = new ArrayList<>(rows);
        all.add(getTotalRow());
        return all;
    }

    public Row getTotalRow() {
        return figures == null ? null : row(Faces.text("reports.total"), figures.total());
    }

    /** The origins and channels, then the total with the period's cancellation rate. */
    public List<OriginRow> getOriginRows() {
        if (figures == null) {
            return List.of();
        }
        List<OriginRow> rows = new ArrayList<>(figures.origins().stream()
                .map(o -> new OriginRow(originName(o), o.bookings(), o.cancelled(),
                        o.origin() == null ? "–" : percent(ReportFiles.rate(o.cancelled(), o.bookings() + o.cancelled()))))
                .toList());
        rows.add(new OriginRow(Faces.text("reports.total"),
                figures.origins().stream().mapToLong(OriginLine::bookings).sum(), figures.cancelled(),
                percent(figures.cancellationRate())));
        return rows;
    }

    public String getCancellationRate() {
        return figures == null ? "" : percent(figures.cancellationRate());
    }

    /** Chart.js: revenue bars and the occupancy line, per accommodation. */
    public String getAccommodationChart() {
        return figures == null ? "{}" : revenueAndOccupancy(figures.byAccommodation().stream()
                .map(a -> new Labelled(a.name(), a.figures())).toList());
    }

    /** Chart.js: revenue bars and the occupancy line, per month. */
    public String getMonthChart() {
        return figures == null ? "{}" : revenueAndOccupancy(figures.byMonth().stream()
                .map(m -> new Labelled(monthLabel(m.month()), m.figures())).toList());
    }

    private record Labelled(String label, Figures figures) {
    }

    private static String revenueAndOccupancy(List<Labelled> lines) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder revenue = Json.createArrayBuilder();
        JsonArrayBuilder occupancy = Json.createArrayBuilder();
        for (Labelled line : lines) {
            labels.add(line.label());
            revenue.add(line.figures().revenue().amount());
            BigDecimal rate = line.figures().occupancy();
            occupancy.add(rate == null ? BigDecimal.ZERO : rate.movePointRight(2));
        }
        JsonObjectBuilder bars = Json.createObjectBuilder().add("type", "bar")
                .add("label", Faces.text("reports.column.revenue")).add("data", revenue)
                .add("backgroundColor", REVENUE_COLOUR).add("yAxisID", "y").add("order", 2);
        JsonObjectBuilder line = Json.createObjectBuilder().add("type", "line")
                .add("label", Faces.text("reports.chart.occupancyPercent")).add("data", occupancy)
                .add("borderColor", OCCUPANCY_COLOUR).add("backgroundColor", OCCUPANCY_COLOUR)
                .add("yAxisID", "y1").add("order", 1);
        JsonObjectBuilder scales = Json.createObjectBuilder()
                .add("y", Json.createObjectBuilder().add("beginAtZero", true).add("position", "left"))
                .add("y1", Json.createObjectBuilder().add("beginAtZero", true).add("suggestedMax", 100)
                        .add("position", "right").add("grid", Json.createObjectBuilder().add("drawOnChartArea", false)));
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels)
                        .add("datasets", Json.createArrayBuilder().add(bars).add(line)))
                .add("options", Json.createObjectBuilder().add("maintainAspectRatio", false)
                        .add("locale", Formats.viewLocale().toLanguageTag()).add("scales", scales))
                .build().toString();
    }

    /** Chart.js: bookings per origin and channel. */
    public String getOriginChart() {
        if (figures == null) {
            return "{}";
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        JsonArrayBuilder colours = Json.createArrayBuilder();
        int i = 0;
        for (OriginLine origin : figures.origins()) {
            labels.add(originName(origin));
            data.add(origin.bookings());
            colours.add(PIE_COLOURS.get(i++ % PIE_COLOURS.size()));
        }
        return Json.createObjectBuilder().add("type", "pie")
                .add("data", Json.createObjectBuilder().add("labels", labels)
                        .add("datasets", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("data", data).add("backgroundColor", colours))))
                .add("options", Json.createObjectBuilder().add("maintainAspectRatio", false)
                        .add("locale", Formats.viewLocale().toLanguageTag()))
                .build().toString();
    }

    public String getFromParam() { return fromParam; }
    public void setFromParam(String v) { fromParam = v; }
    public String getToParam() { return toParam; }
    public void setToParam(String v) { toParam = v; }
    public String getAccommodationParam() { return accommodationParam; }
    public void setAccommodationParam(String v) { accommodationParam = v; }
    public List<Option> getAccommodations() { return accommodations; }
    public ReportFigures getFigures() { return figures; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public Long getAccommodation() { return accommodation; }
    public void setAccommodation(Long accommodation) { this.accommodation = accommodation; }
}
