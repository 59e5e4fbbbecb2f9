package org.sejour.interfaces.backoffice.web.planning;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.catalog.PromotionService;
import org.sejour.application.catalog.RateService;
import org.sejour.application.catalog.SalesBanService;
import org.sejour.application.catalog.StockService;
import org.sejour.application.planning.PlanningQueries;
import org.sejour.application.planning.PlanningView.AccommodationPlan;
import org.sejour.application.planning.PlanningView.BookingSpan;
import org.sejour.application.planning.PlanningView.RateSpan;
import org.sejour.domain.model.catalog.DayPeriod;
import org.sejour.domain.model.catalog.DiscountKind;
import org.sejour.domain.model.pricing.Promotion;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.domain.model.shared.TranslatedText;
import org.sejour.interfaces.backoffice.web.Faces;
import org.sejour.interfaces.backoffice.web.RateForm;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * "Mon planning": the owner's accommodations day by day, and the actions on a selection of
 * days (rates, stock, promotion, sales ban, dossier). Reads through {@link PlanningQueries}
 * (a fixed number of queries for the visible range), writes through the catalog services.
 */
@Named
@ViewScoped
public class Planning implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int NORMAL_DAYS = 28;
    static final int COMPACT_DAYS = 63;
    /** the dialog's tab view names its forms: "actionTabs:rateForm" */
    private static final String TABS = "actionTabs:";

    @Inject
    CurrentUser currentUser;
    @EJB
    PlanningQueries queries;
    @EJB
    RateService rateService;
    @EJB
    StockService stockService;
    @EJB
    PromotionService promotionService;
    @EJB
    SalesBanService salesBanService;

    private String startParam;
    private boolean compact;
    private LocalDate start;
    private PlanningGrid grid;

    private AccommodationPlan selected;
    /** every row selected, top to bottom (several: a dossier for several accommodations) */
    private List<AccommodationPlan> selectedRows = List.of();
    private LocalDate selectionFirst;
    private LocalDate selectionLast;
    private RateForm rate = new RateForm();
    private Integer units;
    private String promotionKind = Promotion.Kind.LAST_MINUTE.name();
    private Integer promotionDays;
    private BigDecimal promotionPercent;
    private String promotionLabel;
    private List<RateRow> coveringRates = List.of();

    /** A rate covering the selection, as "voir les tarifs" lists it. */
    public record RateRow(long id, String periods, int nights, String arrivalDays, String price, String discount)
            implements Serializable {
    }

    /** f:viewAction: the range from ?start= (else today) and the view from ?compact=. */
    public void load() {
        start = parseDay(startParam).orElseGet(this::today);
        reload();
    }

    private void reload() {
        grid = PlanningGrid.of(queries.load(currentUser.accountId(), start, getLast()), today());
    }

    private LocalDate today() {
        return BusinessCalendar.today(Clock.systemUTC());
    }

    private static Optional<LocalDate> parseDay(String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------ navigation

    public void previousWeek() { moveTo(start.minusWeeks(1)); }
    public void nextWeek() { moveTo(start.plusWeeks(1)); }
    public void previousMonth() { moveTo(start.minusMonths(1)); }
    public void nextMonth() { moveTo(start.plusMonths(1)); }
    public void goToday() { moveTo(today()); }

    public void showNormal() {
        compact = false;
        reload();
    }

    public void showCompact() {
        compact = true;
        reload();
    }

    private void moveTo(LocalDate newStart) {
        start = newStart;
        reload();
    }

    /** The month picker's value, "2027-05"; choosing one starts the planning on its first day. */
    public String getMonth() {
        return YearMonth.from(start).toString();
    }

    public void setMonth(String month) {
        try {
            if (month != null && !month.isBlank()) {
                start = YearMonth.parse(month).atDay(1);
            }
        } catch (DateTimeParseException e) {
            Faces.error("planning:month", "planning.month.invalid");
        }
    }

    public void pickMonth() {
        reload();
    }

    // ------------------------------------------------------------ selection

    /**
     * Called by the page's script with the accommodations (one row, or several: the rows from the
     * first day's to the last day's) and the first and last day selected. Only accommodations of
     * the grid this bean loaded for the signed-in owner are taken.
     */
    public void select() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        Optional<LocalDate> a = parseDay(params.get("first"));
        Optional<LocalDate> b = parseDay(params.get("last"));
        String rows = params.getOrDefault("accommodations", params.getOrDefault("accommodation", ""));
        List<AccommodationPlan> found = new ArrayList<>();
        for (String row : rows.split(",")) {
            long id;
            try {
                id = Long.parseLong(row.strip());
            } catch (NumberFormatException e) {
                found.clear();
                break;
            }
            grid.getBlocks().stream().map(PlanningGrid.Block::plan).filter(p -> p.id() == id).findFirst()
                    .ifPresent(found::add);
        }
        selectedRows = List.copyOf(found);
        selected = found.isEmpty() ? null : found.get(0);
        if (selected == null || a.isEmpty() || b.isEmpty()) {
            selected = null;
            selectedRows = List.of();
            return;
        }
        selectionFirst = a.get().isBefore(b.get()) ? a.get() : b.get();
        selectionLast = a.get().isBefore(b.get()) ? b.get() : a.get();
        resetForms();
    }

    private void resetForms() {
        // no arrival day ticked for the owner: the first selected day's weekday, ticked silently,
        // made a July rate Monday-only; the dialog lists the seven days and asks for a choice
        rate = new RateForm();
        units = selected.stockManaged() ? null : 1;
        promotionKind = Promotion.Kind.LAST_MINUTE.name();
        promotionDays = null;
        promotionPercent = null;
        promotionLabel = null;
        loadCoveringRates();
    }

    public long getSelectedNights() {
        return selectionFirst == null ? 0 : ChronoUnit.DAYS.between(selectionFirst, selectionLast) + 1;
    }

    /**
     * The phone-booking page takes the stay as arrival and number of nights (the selected days are
     * the nights) and the selected rows as the dossier's accommodations.
     */
    public String getDossierLink() {
        if (selected == null) {
            return "";
        }
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/app/phone-booking.xhtml?accommodation=" + selectedRows.stream().map(p -> Long.toString(p.id()))
                .collect(Collectors.joining(",")) + "&arrival=" + selectionFirst + "&nights=" + getSelectedNights();
    }

    /** Several rows selected: one dossier for their accommodations is what the dialog offers. */
    public boolean isMultiRow() {
        return selectedRows.size() > 1;
    }

    public String getSelectedNames() {
        return selectedRows.stream().map(AccommodationPlan::name).collect(Collectors.joining(", "));
    }

    /** A sales ban closes one of the selected nights of the selected accommodation: the dialog offers to lift it. */
    public boolean isSelectionClosed() {
        return selected != null && selected.salesBans().stream()
                .anyMatch(ban -> !ban.lastNight().isBefore(selectionFirst) && !ban.firstNight().isAfter(selectionLast));
    }

    // ------------------------------------------------------------ actions on the selection

    public void createRate() {
        if (!rate.complete(TABS + "rateForm")) {
            return;
        }
        perform(TABS + "rateForm", "planning.rate.created", () -> rateService.create(currentUser.accountId(), selected.id(),
                List.of(new DayPeriod(selectionFirst, selectionLast)), rate.getNights(), rate.days(), rate.getPrice(),
                rate.discount()));
    }

    public void setStock() {
        if (units == null) {
            Faces.error(TABS + "stockForm:units", "field.required");
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        perform(TABS + "stockForm", "planning.stock.saved", () -> stockService.setUnits(currentUser.accountId(),
                selected.id(), selectionFirst, selectionLast, units));
    }

    public void createPromotion() {
        boolean missing = false;
        if (promotionDays == null) {
            Faces.error(TABS + "promotionForm:days", "field.required");
            missing = true;
        }
        if (promotionPercent == null) {
            Faces.error(TABS + "promotionForm:percent", "field.required");
            missing = true;
        }
        if (missing) {
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        perform(TABS + "promotionForm", "planning.promotion.created", () -> promotionService.create(
                currentUser.accountId(), Promotion.Kind.valueOf(promotionKind), promotionDays, promotionPercent,
                TranslatedText.of(promotionLabel == null ? Map.of() : Map.of(Language.FR, promotionLabel)),
                Set.of(selected.id()), List.of(new DayPeriod(selectionFirst, selectionLast))));
    }

    public void createSalesBan() {
        perform(TABS + "salesBanForm", "planning.salesBan.created", () -> salesBanService.close(currentUser.accountId(),
                selected.id(), selectionFirst, selectionLast));
    }

    /** Opens the selected nights again: the bans over them are lifted, the rest of each stays closed. */
    public void liftSalesBan() {
        perform(TABS + "liftForm", "planning.salesBan.lifted", () -> salesBanService.lift(currentUser.accountId(),
                selected.id(), selectionFirst, selectionLast));
    }

    public void deleteRate(long rateId) {
        perform(TABS + "ratesForm", "planning.rate.deleted", () -> rateService.delete(currentUser.accountId(), rateId));
        loadCoveringRates();
    }

    private void loadCoveringRates() {
        Locale locale = locale();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale);
        coveringRates = rateService.overlapping(currentUser.accountId(), selected.id(), selectionFirst,
                selectionLast).stream().map(r -> new RateRow(r.id(),
                r.periods().stream().map(p -> p.firstDay().format(dates) + " – " + p.lastDay().format(dates))
                        .collect(Collectors.joining(", ")),
                r.nights(), weekdays(r.arrivalDays(), locale), money(r.price()),
                r.discount().map(d -> d.kind() == DiscountKind.PERCENT ? d.value().stripTrailingZeros()
                        .toPlainString() + " %" : money(d.value())).orElse(""))).toList();
    }

    /** Runs a write; on success refreshes the grid and says so, on a business error keeps the dialog open. */
    private void perform(String formId, String doneKey, Runnable write) {
        if (selected == null) {
            return;
        }
        try {
            write.run();
        } catch (SejourException e) {
            Faces.show(formId, e);
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        Faces.info(doneKey);
        reload();
    }

    // ------------------------------------------------------------ formatting for the page

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    private static String money(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(amount);
    }

    private static String weekdays(Set<DayOfWeek> days, Locale locale) {
        return days.size() == 7 ? Faces.text("planning.everyDay") : days.stream().sorted()
                .map(d -> d.getDisplayName(TextStyle.SHORT, locale)).collect(Collectors.joining(" "));
    }

    public String weekday(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale());
    }

    public String longDay(LocalDate day) {
        return day == null ? "" : day.format(DateTimeFormatter.ofPattern("EEEE dd/MM/yyyy", locale()));
    }

    public String getRangeLabel() {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale());
        return start.format(format) + " – " + getLast().format(format);
    }

    /** The month names over the day columns: one header cell per month shown, spanning its days. */
    public List<Map.Entry<String, Integer>> getMonths() {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("LLLL yyyy", locale());
        return grid.getDays().stream().collect(Collectors.groupingBy(d -> YearMonth.from(d.date()),
                        TreeMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> Map.entry(e.getKey().format(format), e.getValue().intValue())).toList();
    }

    public String rateTitle(PlanningGrid.RateCell cell) {
        if (cell.closed()) {
            return Faces.text("planning.closed");
        }
        return cell.rates().stream().map(this::describe).collect(Collectors.joining("\n"));
    }

    private String describe(RateSpan rate) {
        String text = Faces.text("planning.rate.title", rate.nights(), money(rate.price()),
                weekdays(rate.arrivalDays(), locale()));
        if (rate.hasDiscount()) {
            text += " " + Faces.text("planning.rate.title.discount", rate.discountKind() == DiscountKind.PERCENT
                    ? rate.discountValue().stripTrailingZeros().toPlainString() + " %" : money(rate.discountValue()));
        }
        return text;
    }

    public String stockTitle(PlanningGrid.StockCell cell) {
        if (!cell.isSet()) {
            return Faces.text("planning.stock.none");
        }
        return Faces.text("planning.stock.title", cell.night().sold(), cell.night().units())
                + (cell.closed() ? " · " + Faces.text("planning.closed") : "");
    }

    /** Each imported event of the night: calendar, summary, nights, and whether it is in conflict. */
    public String channelTitle(PlanningGrid.ChannelCell cell) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale());
        return cell.blocks().stream().map(b -> Faces.text(b.conflict() ? "planning.channel.conflict" : "planning.channel.title",
                        b.feedName(), b.summary(), b.firstNight().format(format), b.departure().format(format)))
                .collect(java.util.stream.Collectors.joining(" · "));
    }

    /** The promotions of a day: "Dernière minute −20 % (moins de 7 jours avant l'arrivée)". */
    public String promotionTitle(PlanningGrid.PromotionCell cell) {
        return cell.promotions().stream().map(p -> Faces.text("planning.promotion.title." + p.kind().name(),
                        p.label() == null || p.label().isBlank() ? Faces.text("promotions.kind." + p.kind().name())
                                : p.label(), p.percent().stripTrailingZeros().toPlainString(), p.days()))
                .collect(Collectors.joining(" · "));
    }

    public String bookingTitle(BookingSpan booking) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale());
        return Faces.text("planning.booking.title", booking.number(), booking.guestName(),
                booking.arrival().format(format), booking.departure().format(format),
                Faces.text("planning.status." + booking.status()));
    }

    public List<String> getPromotionKinds() {
        return Arrays.stream(Promotion.Kind.values()).map(Enum::name).toList();
    }

    // ------------------------------------------------------------ properties

    public LocalDate getStart() { return start; }
    public LocalDate getLast() { return start.plusDays((compact ? COMPACT_DAYS : NORMAL_DAYS) - 1L); }
    public PlanningGrid getGrid() { return grid; }
    public String getStartParam() { return startParam; }
    public void setStartParam(String startParam) { this.startParam = startParam; }
    public boolean isCompact() { return compact; }
    public void setCompact(boolean compact) { this.compact = compact; }
    public AccommodationPlan getSelected() { return selected; }
    public List<AccommodationPlan> getSelectedRows() { return selectedRows; }
    public LocalDate getSelectionFirst() { return selectionFirst; }
    public LocalDate getSelectionLast() { return selectionLast; }
    public RateForm getRate() { return rate; }
    public Integer getUnits() { return units; }
    public void setUnits(Integer units) { this.units = units; }
    public String getPromotionKind() { return promotionKind; }
    public void setPromotionKind(String promotionKind) { this.promotionKind = promotionKind; }
    public Integer getPromotionDays() { return promotionDays; }
    public void setPromotionDays(Integer promotionDays) { this.promotionDays = promotionDays; }
    public BigDecimal getPromotionPercent() { return promotionPercent; }
    public void setPromotionPercent(BigDecimal promotionPercent) { this.promotionPercent = promotionPercent; }
    public String getPromotionLabel() { return promotionLabel; }
    public void setPromotionLabel(String promotionLabel) { this.promotionLabel = promotionLabel; }
    public List<RateRow> getCoveringRates() { return coveringRates; }
}
