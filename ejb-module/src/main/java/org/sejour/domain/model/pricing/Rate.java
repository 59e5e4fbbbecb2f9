package org.sejour.domain.model.pricing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.sejour.domain.model.shared.DateRange;
import org.sejour.domain.model.shared.Money;

/**
 * A rate (tarif) of one accommodation: the price of a whole stay of
 * {@code nights} nights arriving on one of {@code arrivalDays} during one of
 * its {@code periods}. Example from the tutorial: 1 May–1 June 2019, 7 nights,
 * Saturday arrivals, 500 €.
 *
 * <p>The periods are periods of ARRIVAL days (inclusive): the stay may end
 * after the period, because the owner priced the whole stay for that arrival day.
 */
public record Rate(long accommodationId,
                   List<DateRange> periods,
                   int nights,
                   Set<DayOfWeek> arrivalDays,
                   Money price,
                   Optional<RateDiscount> discount) {

    public Rate {
        Objects.requireNonNull(periods, "periods of application are required");
        Objects.requireNonNull(arrivalDays, "arrival days are required");
        Objects.requireNonNull(price, "price is required");
        Objects.requireNonNull(discount, "discount is required (Optional.empty() for none)");
        periods = List.copyOf(periods);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a rate needs at least one period of application");
        }
        if (nights < 1) {
            throw new IllegalArgumentException("stay length must be at least one night, was " + nights);
        }
        if (arrivalDays.isEmpty()) {
            throw new IllegalArgumentException("a rate needs at least one arrival day");
        }
        arrivalDays = Set.copyOf(EnumSet.copyOf(arrivalDays));
        if (price.isNegative()) {
            throw new IllegalArgumentException("price must not be negative, was " + price);
        }
    }

    public static Rate of(long accommodationId, DateRange period, int nights, Set<DayOfWeek> arrivalDays, Money price) {
        return new Rate(accommodationId, List.of(period), nights, arrivalDays, price, Optional.empty());
    }

    public Rate withDiscount(RateDiscount discount) {
        return new Rate(accommodationId, periods, nights, arrivalDays, price,
                Optional.of(Objects.requireNonNull(discount, "discount is required")));
    }

    /** The period of application holding {@code arrival}, if any. */
    public Optional<DateRange> periodOf(LocalDate arrival) {
        for (DateRange period : periods) {
            if (period.contains(arrival)) {
                return Optional.of(period);
            }
        }
        return Optional.empty();
    }

    public boolean allowsArrivalOn(DayOfWeek day) {
        return arrivalDays.contains(day);
    }

    /** The amount of the discount, zero without one. */
    public Money discountAmount() {
        return discount.map(d -> d.amountOff(price)).orElse(Money.ZERO);
    }

    /** What the guest pays for the stay before promotions and promo codes. */
    public Money discountedPrice() {
        return price.minus(discountAmount());
    }
}
