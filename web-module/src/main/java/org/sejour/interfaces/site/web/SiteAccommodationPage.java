package org.sejour.interfaces.site.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.booking.AvailabilityService;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.site.GuestSiteService;
import org.sejour.application.site.SiteListing;
import org.sejour.application.site.SiteProfile;
import org.sejour.domain.model.pricing.ArrivalCalendar.ArrivalDay;
import org.sejour.domain.model.pricing.ArrivalCalendar.StayOption;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.interfaces.backoffice.web.Faces;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One accommodation on the booking site: photos, description, amenities, position, and the
 * month calendar of possible arrivals (the engine's ArrivalCalendar) with each stay's price.
 * The calendar moves by plain links, so it works without JavaScript and with the keyboard.
 */
@Named
@RequestScoped
public class SiteAccommodationPage {

    /** the furthest month a guest can page to */
    static final int MONTHS_AHEAD = 24;

    @EJB
    GuestSiteService site;
    @EJB
    AvailabilityService availability;
    @Inject
    SiteLanguage language;

    /** a day of the month grid: empty cells pad the first week */
    public record Cell(LocalDate date, boolean bookable, boolean selected, String fromPrice) {
        public int getDay() { return date == null ? 0 : date.getDayOfMonth(); }
    }

    /** a stay on offer from the selected day, as the booking flow's address wants it */
    public record Offer(int nights, String length, String price, String wasPrice, String departure) {
    }

    private String accountParam;
    private String idParam;
    private String monthParam;
    private String dayParam;

    private SiteProfile profile;
    private SiteListing listing;
    private YearMonth month;
    private LocalDate selectedDay;
    private Map<LocalDate, ArrivalDay> arrivals = Map.of();

    public void load() {
        Optional<SiteProfile> opened = SitePages.open(site, accountParam);
        if (opened.isEmpty()) {
            return;
        }
        profile = opened.get();
        Optional<Long> id = SitePages.parseLong(idParam);
        try {
            listing = site.listing(profile.accountId(), id.orElseThrow(() -> new NotFoundException("accommodation", idParam)));
        } catch (NotFoundException e) {
            Faces.notFound();
            return;
        }
        YearMonth current = YearMonth.from(BusinessCalendar.today(Clock.systemUTC()));
        month = current;
        if (monthParam != null) {
            try {
                YearMonth asked = YearMonth.parse(monthParam);
                if (!asked.isBefore(current) && !asked.isAfter(current.plusMonths(MONTHS_AHEAD))) {
                    month = asked;
                }
            } catch (DateTimeParseException e) {
                // a mangled month shows the current one
            }
        }
        arrivals = availability.month(profile.accountId(), listing.id(), month).stream()
                .collect(Collectors.toMap(ArrivalDay::date, Function.identity()));
        if (dayParam != null) {
            try {
                LocalDate asked = LocalDate.parse(dayParam);
                if (arrivals.containsKey(asked)) {
                    selectedDay = asked;
                }
            } catch (DateTimeParseException e) {
                // no day chosen
            }
        }
        if (selectedDay == null) {
            selectedDay = arrivals.keySet().stream().min(LocalDate::compareTo).orElse(null);
        }
    }

    public List<String> getWeekdays() {
        List<String> names = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            names.add(day.getDisplayName(TextStyle.SHORT, SiteTexts.locale()));
        }
        return names;
    }

    public List<Cell> getCells() {
        List<Cell> cells = new ArrayList<>();
        for (int i = 1; i < month.atDay(1).getDayOfWeek().getValue(); i++) {
            cells.add(new Cell(null, false, false, ""));
        }
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            ArrivalDay arrival = arrivals.get(date);
            String from = arrival == null ? "" : SiteTexts.money(arrival.options().stream().map(StayOption::price)
                    .min(org.sejour.domain.model.shared.Money::compareTo).orElseThrow());
            cells.add(new Cell(date, arrival != null, date.equals(selectedDay), from));
        }
        return cells;
    }

    public List<Offer> getOffers() {
        if (selectedDay == null) {
            return List.of();
        }
        return arrivals.get(selectedDay).options().stream().map(o -> new Offer(o.nights(), SiteFormat.length(o.nights()),
                SiteTexts.money(o.price()), o.wasPrice().map(SiteTexts::money).orElse(""),
                SiteTexts.shortDate(o.stay().departure()))).toList();
    }

    public String getMonthTitle() {
        return month.atDay(1).format(DateTimeFormatter.ofPattern("LLLL yyyy", SiteTexts.locale()));
    }

    public String getPreviousMonth() {
        YearMonth current = YearMonth.from(BusinessCalendar.today(Clock.systemUTC()));
        return month.isAfter(current) ? month.minusMonths(1).toString() : "";
    }

    public String getNextMonth() {
        YearMonth current = YearMonth.from(BusinessCalendar.today(Clock.systemUTC()));
        return month.isBefore(current.plusMonths(MONTHS_AHEAD)) ? month.plusMonths(1).toString() : "";
    }

    /** "85 m²", "72,5 m²": the surface as the guest's language writes numbers. */
    public String getSurface() {
        return listing.surface() == null ? ""
                : java.text.NumberFormat.getNumberInstance(SiteTexts.locale()).format(listing.surface()) + " m²";
    }

    public String getDescription() {
        return listing.description().in(language.getLanguage());
    }

    public String getSelectedDayText() { return selectedDay == null ? "" : SiteTexts.date(selectedDay); }
    public String getSelectedDay() { return selectedDay == null ? "" : selectedDay.toString(); }
    public String getMonth() { return month == null ? "" : month.toString(); }
    public SiteProfile getProfile() { return profile; }
    public SiteListing getListing() { return listing; }
    public String getAccountParam() { return accountParam; }
    public void setAccountParam(String v) { accountParam = v; }
    public String getIdParam() { return idParam; }
    public void setIdParam(String v) { idParam = v; }
    public String getMonthParam() { return monthParam; }
    public void setMonthParam(String v) { monthParam = v; }
    public String getDayParam() { return dayParam; }
    public void setDayParam(String v) { dayParam = v; }
}
