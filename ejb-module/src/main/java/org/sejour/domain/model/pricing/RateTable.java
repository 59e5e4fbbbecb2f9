package org.sejour.domain.model.pricing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rates of one accommodation and the one rule choosing the rate of a stay,
 * shared by {@link QuoteCalculator} and {@link ArrivalCalendar} so the calendar
 * never shows a price the quote would not charge.
 *
 * <p>A rate applies when its length equals the stay's, one of its periods holds
 * the ARRIVAL day and that weekday is allowed. When periods overlap (the tutorial's
 * grid shares its boundaries: "01/05 au 01/06" then "01/06 au 01/09"), the period
 * that starts latest wins, so 1 June is high season as the owner meant; then the
 * shortest such period; then the lowest price, so a tie never costs the guest more.
 */
public final class RateTable {

    private final long accommodationId;
    private final List<Rate> rates;

    private RateTable(long accommodationId, List<Rate> rates) {
        this.accommodationId = accommodationId;
        this.rates = rates;
    }

    /** Keeps only the rates of {@code accommodationId} among {@code rates}. */
    public static RateTable of(long accommodationId, Collection<Rate> rates) {
        Objects.requireNonNull(rates, "rates are required");
        return new RateTable(accommodationId, rates.stream()
                .filter(r -> r.accommodationId() == accommodationId)
                .collect(Collectors.toUnmodifiableList()));
    }

    public long accommodationId() {
        return accommodationId;
    }

    public List<Rate> rates() {
        return rates;
    }

    /** Every stay length some rate offers, shortest first. */
    public SortedSet<Integer> stayLengths() {
        return rates.stream().map(Rate::nights).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The rate of a stay of {@code nights} arriving on {@code arrival}, if bookable at all. */
    public Optional<Rate> find(LocalDate arrival, int nights) {
        Objects.requireNonNull(arrival, "arrival is required");
        return coveringArrival(arrival, nights).stream()
                .filter(r -> r.allowsArrivalOn(arrival.getDayOfWeek()))
                .min(precedence(arrival));
    }

    /** Why {@link #find} found nothing; only meaningful when it did. */
    public UnbookableReason whyNoRate(LocalDate arrival, int nights) {
        return coveringArrival(arrival, nights).isEmpty()
                ? UnbookableReason.NO_RATE_FOR_ARRIVAL_AND_LENGTH
                : UnbookableReason.ARRIVAL_WEEKDAY_NOT_ALLOWED;
    }

    private List<Rate> coveringArrival(LocalDate arrival, int nights) {
        return rates.stream()
                .filter(r -> r.nights() == nights && r.periodOf(arrival).isPresent())
                .collect(Collectors.toList());
    }

    private static Comparator<Rate> precedence(LocalDate arrival) {
        Comparator<Rate> latestStart = Comparator.comparing(
                (Rate r) -> r.periodOf(arrival).orElseThrow().first()).reversed();
        return latestStart
                .thenComparing(r -> r.periodOf(arrival).orElseThrow().last())
                .thenComparing(Rate::discountedPrice);
    }
}
