package org.sejour.domain.model.shared;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The nights of a stay: a half-open range, arrival day inclusive, departure day
 * exclusive. A Saturday-to-Saturday week is 7 nights and contains the arrival
 * Saturday but not the departure Saturday, so the next guest can arrive that day.
 *
 * <p>Contrast with {@link DateRange}, an inclusive range of calendar days used for
 * the periods an owner types in the back office ("du 01/05/2019 au 01/06/2019").
 */
public record StayPeriod(LocalDate arrival, LocalDate departure) {

    public StayPeriod {
        Objects.requireNonNull(arrival, "arrival is required");
        Objects.requireNonNull(departure, "departure is required");
        if (!departure.isAfter(arrival)) {
            throw new IllegalArgumentException(
                    "departure must be after arrival, was " + arrival + " → " + departure);
        }
    }

    public static StayPeriod of(LocalDate arrival, int nights) {
        Objects.requireNonNull(arrival, "arrival is required");
        if (nights < 1) {
            throw new IllegalArgumentException("a stay has at least one night, was " + nights);
        }
        return new StayPeriod(arrival, arrival.plusDays(nights));
    }

    public int nights() {
        return Math.toIntExact(ChronoUnit.DAYS.between(arrival, departure));
    }

    /** True if the night starting on {@code date} is part of the stay. */
    public boolean contains(LocalDate date) {
        Objects.requireNonNull(date, "date is required");
        return !date.isBefore(arrival) && date.isBefore(departure);
    }

    /** True if the two stays share at least one night (back-to-back stays do not). */
    public boolean overlaps(StayPeriod other) {
        Objects.requireNonNull(other, "other stay is required");
        return arrival.isBefore(other.departure) && other.arrival.isBefore(departure);
    }

    /** Each night of the stay, by the date it starts on, in order. */
    public Stream<LocalDate> eachNight() {
        return arrival.datesUntil(departure);
    }

    public LocalDate lastNight() {
        return departure.minusDays(1);
    }

    @Override
    public String toString() {
        return arrival + " → " + departure + " (" + nights() + " nights)";
    }
}
