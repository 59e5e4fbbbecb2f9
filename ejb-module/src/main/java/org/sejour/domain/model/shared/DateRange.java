package org.sejour.domain.model.shared;

import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * An inclusive range of calendar days, first and last both included: the
 * "du … au …" periods an owner types for rates, promotions, supplement prices
 * and promo-code usage. "du 01/05/2019 au 01/06/2019" includes 1 June.
 *
 * <p>Contrast with {@link StayPeriod}, the half-open range of nights of a stay.
 */
public record DateRange(LocalDate first, LocalDate last) {

    public DateRange {
        Objects.requireNonNull(first, "first day is required");
        Objects.requireNonNull(last, "last day is required");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last day must not be before first day, was " + first + " … " + last);
        }
    }

    public static DateRange of(LocalDate first, LocalDate last) {
        return new DateRange(first, last);
    }

    public static DateRange of(String first, String last) {
        return new DateRange(LocalDate.parse(first), LocalDate.parse(last));
    }

    public boolean contains(LocalDate date) {
        Objects.requireNonNull(date, "date is required");
        return !date.isBefore(first) && !date.isAfter(last);
    }

    /** True if every night of the stay starts on a day of this range. */
    public boolean containsAllNightsOf(StayPeriod stay) {
        Objects.requireNonNull(stay, "stay is required");
        return contains(stay.arrival()) && contains(stay.lastNight());
    }

    public long days() {
        return first.datesUntil(last.plusDays(1)).count();
    }

    public Stream<LocalDate> eachDay() {
        return first.datesUntil(last.plusDays(1));
    }

    @Override
    public String toString() {
        return first + " … " + last;
    }
}
