package org.sejour.domain.model.pricing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.sejour.domain.model.shared.DateRange;

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

    /**
     * The rate of a stay of {@code nights} arriving on {@code arrival}, if bookable at all. A
     * loop, not a stream: a search finds the rate of every accommodation of the account.
     */
    public Optional<Rate> find(LocalDate arrival, int nights) {
        Objects.requireNonNull(arrival, "arrival is required");
        DayOfWeek day = arrival.getDayOfWeek();
        Rate best = null;
        DateRange bestPeriod = null;
        for (Rate rate : rates) {
            if (rate.nights() != nights || !rate.allowsArrivalOn(day)) {
                continue;
            }
            DateRange period = rate.periodOf(arrival).orElse(null);
            if (period != null && (best == null || precedes(rate, period, best, bestPeriod))) {
                best = rate;
                bestPeriod = period;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Why {@link #find} found nothing; only meaningful when it did. */
    public UnbookableReason whyNoRate(LocalDate arrival, int nights) {
        return rates.stream().anyMatch(r -> r.nights() == nights && r.periodOf(arrival).isPresent())
                ? UnbookableReason.ARRIVAL_WEEKDAY_NOT_ALLOWED
                : UnbookableReason.NO_RATE_FOR_ARRIVAL_AND_LENGTH;
    }

    /** The period that starts latest, then the shortest, then the lowest price; the first of equals stays. */
    private static boolean precedes(Rate rate, DateRange period, Rate best, DateRange bestPeriod) {
        int start = period.first().compareTo(bestPeriod.first());
        if (start != 0) {
            return start > 0;
        }
        int end = period.last().compareTo(bestPeriod.last());
        return end != 0 ? end < 0 : rate.discountedPrice().compareTo(best.discountedPrice()) < 0;
    }
}
