package org.sejour.interfaces.web.booking;

import org.sejour.application.booking.BasketResult;
import org.sejour.application.booking.StayRequest;
import org.sejour.domain.model.catalog.CatalogAgeRange;
import org.sejour.domain.model.pricing.Basket;
import org.sejour.domain.model.pricing.Quote;
import org.sejour.domain.model.pricing.QuoteLine;
import org.sejour.domain.model.pricing.QuoteResult;
import org.sejour.domain.model.pricing.Refusal;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.StayPeriod;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The booking form the phone booking, the hosted site and the change screen compose: the nights,
 * one or more stays (accommodation, persons, supplements), the code, the guest, and the engine's
 * quote of them (never computed here). Each screen keeps only what is its own: how it books,
 * its steps, its messages.
 */
public class BookingForm implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int MAX_NIGHTS = 90;

    /** A line of the quote as shown: text in the reader's language, signed amount, the stay it prices. */
    public record ShownLine(String kind, String label, int quantity, String amount) implements Serializable {
    }

    /** A stay's lines under its accommodation's name. */
    public record ShownStay(String accommodation, List<ShownLine> lines, String subtotal) implements Serializable {
    }

    private final Map<Long, String> accommodations = new LinkedHashMap<>();
    private final List<CatalogAgeRange> ageRanges = new ArrayList<>();
    private final List<StayForm> stays = new ArrayList<>();
    private LocalDate arrival;
    private Integer nights = 7;
    private String promoCode;
    private final GuestForm guest = new GuestForm();
    private transient BasketResult result;

    /** A form over the accommodations offered (id → name) with one stay for two persons of the first range. */
    public static BookingForm of(Map<Long, String> accommodations, List<CatalogAgeRange> ageRanges) {
        BookingForm form = new BookingForm();
        form.accommodations.putAll(accommodations);
        form.ageRanges.addAll(ageRanges);
        form.stays.add(StayForm.of(ageRanges, 2));
        if (accommodations.size() == 1) {
            form.first().setAccommodationId(accommodations.keySet().iterator().next());
        }
        return form;
    }

    /** Another accommodation for the same nights, nobody in it yet. */
    public StayForm addStay() {
        StayForm stay = StayForm.of(ageRanges, 0);
        stays.add(stay);
        result = null;
        return stay;
    }

    /** Drops a stay other than the first. */
    public void removeStay(StayForm stay) {
        if (stays.indexOf(stay) > 0) {
            stays.remove(stay);
            result = null;
        }
    }

    /** The nights are known, and every stay names one of the accommodations offered. */
    public boolean isComplete() {
        return arrival != null && nightsValid()
                && stays.stream().allMatch(s -> s.getAccommodationId() != null
                && accommodations.containsKey(s.getAccommodationId()));
    }

    public boolean nightsValid() {
        return nights != null && nights >= 1 && nights <= MAX_NIGHTS;
    }

    /** What the engine is asked for, one request per stay. */
    public List<StayRequest> requests(Language language) {
        StayPeriod period = StayPeriod.of(arrival, nights);
        return stays.stream().map(s -> new StayRequest(s.getAccommodationId(), period, s.persons(), s.chosen(),
                Optional.ofNullable(promoCode), language, s.exemptions())).toList();
    }

    /** Asks the engine (the screen's way of quoting) for the stays as typed; nothing when incomplete. */
    public void requote(Language language, Function<List<StayRequest>, BasketResult> engine) {
        result = isComplete() ? engine.apply(requests(language)) : null;
    }

    public void forget() {
        result = null;
    }

    public boolean isQuoted() {
        return result != null && result.isBookable();
    }

    public boolean isRefused() {
        return result != null && !result.isBookable();
    }

    public Optional<Basket> basket() {
        return result == null ? Optional.empty() : result.basket();
    }

    /** The quote's lines; with several stays, each under its accommodation. */
    public List<ShownStay> shownStays(QuoteTexts texts) {
        Optional<Basket> basket = basket();
        if (basket.isEmpty()) {
            return List.of();
        }
        List<ShownStay> shown = new ArrayList<>();
        List<Quote> quotes = basket.get().quotes();
        for (int i = 0; i < quotes.size(); i++) {
            Quote quote = quotes.get(i);
            List<ShownLine> lines = new ArrayList<>();
            for (QuoteLine line : quote.lines()) {
                String kind = texts.lineKind(line.kind().name());
                lines.add(new ShownLine(line.kind().name(), line.label().isBlank() ? kind : kind + " : " + line.label(),
                        line.quantity(), texts.money(line.amount())));
            }
            shown.add(new ShownStay(accommodations.getOrDefault(stays.get(i).getAccommodationId(), ""), lines,
                    texts.money(quote.total())));
        }
        return shown;
    }

    /** Every reason a stay is refused, once, with the nights it concerns, named by accommodation when there are several. */
    public List<String> refusals(QuoteTexts texts) {
        if (!isRefused()) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < result.results().size(); i++) {
            QuoteResult stay = result.results().get(i);
            String name = accommodations.getOrDefault(stays.get(i).getAccommodationId(), "");
            for (Refusal.Grouped refusal : Refusal.grouped(stay.refusals())) {
                reasons.add(stays.size() > 1 ? name + " : " + texts.refusal(refusal) : texts.refusal(refusal));
            }
        }
        return reasons;
    }

    public LocalDate departure() {
        return arrival == null || !nightsValid() ? null : arrival.plusDays(nights);
    }

    public StayForm first() {
        return stays.get(0);
    }

    public StayForm getFirst() { return first(); }
    /** The stays after the first, which screens that book several accommodations list under it. */
    public List<StayForm> getOthers() { return stays.subList(1, stays.size()); }
    public List<StayForm> getStays() { return stays; }
    public Map<Long, String> getAccommodations() { return accommodations; }
    public GuestForm getGuest() { return guest; }
    public LocalDate getArrival() { return arrival; }
    public void setArrival(LocalDate v) { arrival = v; }
    public Integer getNights() { return nights; }
    public void setNights(Integer v) { nights = v; }
    public String getPromoCode() { return promoCode; }
    public void setPromoCode(String v) { promoCode = v; }
}
