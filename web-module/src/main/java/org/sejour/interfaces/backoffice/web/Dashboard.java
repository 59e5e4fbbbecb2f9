package org.sejour.interfaces.backoffice.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.sejour.application.AccommodationService;
import org.sejour.application.AccountService;
import org.sejour.application.channel.ChannelFeedService;
import org.sejour.application.dashboard.DashboardFigures;
import org.sejour.application.dashboard.DashboardQueries;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.channel.ChannelConflict;
import org.sejour.interfaces.security.CurrentUser;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The owner's home page: today's bookings, revenue and activity, reminders, origins, next
 * arrivals and departures (all from {@link DashboardQueries}), calendar conflicts of imported
 * feeds, and a quick phone-booking form.
 */
@Named
@RequestScoped
public class Dashboard {

    // Chart.js colours matching sejour.css: one per origin, in Origin order
    private static final String BAR_COLOUR = "#2f6f8f";
    private static final List<String> PIE_COLOURS = List.of("#2f6f8f", "#e0a030", "#5a9e5a", "#b5527a", "#888888");

    @Inject
    CurrentUser currentUser;
    @EJB
    AccountService accounts;
    @EJB
    AccommodationService accommodations;
    @EJB
    DashboardQueries queries;
    @EJB
    ChannelFeedService channels;

    private Account account;
    private List<Accommodation> list;
    private DashboardFigures figures;
    private List<ChannelConflict> conflicts;

    // the quick phone-booking form
    private Long quickAccommodation;
    private LocalDate quickArrival;
    private Integer quickNights = 7;

    @PostConstruct
    void load() {
        long accountId = currentUser.accountId();
        account = accounts.account(accountId);
        list = accommodations.list(accountId);
        figures = queries.figures(accountId);
        conflicts = channels.conflicts(accountId);
        if (list.size() == 1) {
            quickAccommodation = list.get(0).id();
        }
    }

    public void requestProduction() {
        account = accounts.requestProduction(currentUser.accountId());
        Faces.info("dashboard.production.requested");
    }

    /** Opens the phone-booking page with what the quick form holds; the page itself checks it. */
    public String quickBooking() {
        StringBuilder outcome = new StringBuilder("/app/phone-booking?faces-redirect=true");
        if (quickAccommodation != null) {
            outcome.append("&accommodation=").append(quickAccommodation);
        }
        if (quickArrival != null) {
            outcome.append("&arrival=").append(quickArrival);
        }
        if (quickNights != null) {
            outcome.append("&nights=").append(quickNights);
        }
        return outcome.toString();
    }

    /** Chart.js configuration of the revenue by month of booking, for p:chart. */
    public String getRevenueChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (DashboardFigures.MonthRevenue month : figures.revenueByMonth()) {
            labels.add(monthLabel(month.month()));
            data.add(month.revenue().amount());
        }
        JsonObjectBuilder dataset = Json.createObjectBuilder().add("label", Faces.text("dashboard.revenue.series"))
                .add("data", data).add("backgroundColor", BAR_COLOUR);
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels)
                        .add("datasets", Json.createArrayBuilder().add(dataset)))
                .add("options", Json.createObjectBuilder().add("maintainAspectRatio", false)
                        .add("locale", chartLocale())
                        .add("plugins", Json.createObjectBuilder()
                                .add("legend", Json.createObjectBuilder().add("display", false))))
                .build().toString();
    }

    /** Chart.js configuration of the bookings per origin, for p:chart. */
    public String getOriginsChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        JsonArrayBuilder colours = Json.createArrayBuilder();
        for (DashboardFigures.OriginCount origin : figures.origins()) {
            labels.add(Faces.text("origin." + origin.origin().name()));
            data.add(origin.bookings());
            colours.add(PIE_COLOURS.get(origin.origin().ordinal() % PIE_COLOURS.size()));
        }
        return Json.createObjectBuilder().add("type", "pie")
                .add("data", Json.createObjectBuilder().add("labels", labels)
                        .add("datasets", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("data", data).add("backgroundColor", colours))))
                .add("options", Json.createObjectBuilder().add("maintainAspectRatio", false)
                        .add("locale", chartLocale()))
                .build().toString();
    }

    /**
     * Chart.js writes its axis and tooltip numbers with Intl in this locale: without it, the
     * browser's (a French page in an English browser showed "2,000" on the revenue axis).
     */
    private static String chartLocale() {
        return Formats.viewLocale().toLanguageTag();
    }

    /** A figure as the page shows it: text ready for display, computed here rather than in EL. */
    public record Row(String label, long bookings, String amount) {
    }

    /** A dossier line of the reminders or of the arrivals/departures, formatted. */
    public record DossierRow(long dossierId, int number, String guest, String accommodation, String amount,
                             String day, boolean late) {
    }

    public List<Row> getActivity() {
        return List.of(activityRow("dashboard.days7", figures.last7Days()),
                activityRow("dashboard.days30", figures.last30Days()),
                activityRow("dashboard.months12", figures.last12Months()));
    }

    private Row activityRow(String key, DashboardFigures.Activity activity) {
        return new Row(Faces.text(key), activity.bookings(), Formats.money(activity.revenue(), Formats.viewLocale()));
    }

    public List<Row> getMonths() {
        return figures.revenueByMonth().stream().map(m -> new Row(monthLabel(m.month()), m.bookings(),
                Formats.money(m.revenue(), Formats.viewLocale()))).toList();
    }

    public List<Row> getOrigins() {
        return figures.origins().stream().map(o -> new Row(Faces.text("origin." + o.origin().name()), o.bookings(),
                "")).toList();
    }

    public List<DossierRow> getAwaitingDeposit() { return reminders(figures.awaitingDeposit()); }
    public List<DossierRow> getAwaitingBalance() { return reminders(figures.awaitingBalance()); }
    public List<DossierRow> getArrivals() { return movements(figures.arrivals()); }
    public List<DossierRow> getDepartures() { return movements(figures.departures()); }

    private static List<DossierRow> reminders(List<DashboardFigures.Reminder> reminders) {
        return reminders.stream().map(r -> new DossierRow(r.dossierId(), r.number(), r.guest(), "",
                Formats.money(r.due(), Formats.viewLocale()), Formats.date(r.dueDate(), Formats.viewLocale()),
                r.late())).toList();
    }

    private static List<DossierRow> movements(List<DashboardFigures.Movement> movements) {
        return movements.stream().map(m -> new DossierRow(m.dossierId(), m.number(), m.guest(), m.accommodation(),
                "", Formats.date(m.day(), Formats.viewLocale()), false)).toList();
    }

    /** An imported event on nights already taken, with where to look: the planning, the dossier. */
    public record ConflictRow(String accommodation, String feed, String nights, Long dossierId, String with,
                              LocalDate planningStart) {
    }

    public List<ConflictRow> getConflicts() {
        return conflicts.stream().map(c -> new ConflictRow(c.accommodationName(), c.feedName(),
                Faces.text("dashboard.conflict.nights", c.summary() == null || c.summary().isBlank() ? c.feedName() : c.summary(),
                        Formats.date(c.nights().arrival(), Formats.viewLocale()),
                        Formats.date(c.nights().departure(), Formats.viewLocale())),
                c.dossierId(), c.dossierNumber() == null ? Faces.text("dashboard.conflict.otherChannel")
                        : Faces.text("dashboard.conflict.dossier", c.dossierNumber()),
                // the planning opens on the week of the conflict
                c.nights().arrival().minusDays(c.nights().arrival().getDayOfWeek().getValue() - 1L))).toList();
    }

    public String monthLabel(YearMonth month) {
        // LLL, the month on its own: MMM is the form inside a date, Catalan "d’abr. 2026" for "abr. 2026"
        return month.format(DateTimeFormatter.ofPattern("LLL yyyy", Formats.viewLocale()));
    }


    public Account getAccount() { return account; }
    public List<Accommodation> getAccommodations() { return list; }
    public DashboardFigures getFigures() { return figures; }
    public Long getQuickAccommodation() { return quickAccommodation; }
    public void setQuickAccommodation(Long v) { quickAccommodation = v; }
    public LocalDate getQuickArrival() { return quickArrival; }
    public void setQuickArrival(LocalDate v) { quickArrival = v; }
    public Integer getQuickNights() { return quickNights; }
    public void setQuickNights(Integer v) { quickNights = v; }
}
