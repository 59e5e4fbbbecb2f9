package org.sejour.domain.model.pricing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.StayPeriod;

/**
 * What the calendar widget of one accommodation shows for a month: every day a
 * stay can start, with each stay length on offer and its price ("Samedi 01
 * Décembre 2018 — 1 semaine / 350.00 €"). Prices are rate prices after the
 * rate's own discount; promotions and codes depend on who books and when, so
 * they appear in the quote, not in the calendar.
 */
public final class ArrivalCalendar {

    private ArrivalCalendar() {
    }

    /** One bookable stay length from an arrival day. {@code wasPrice} is the struck-out price of a discounted rate. */
    public record StayOption(StayPeriod stay, Money price, Optional<Money> wasPrice) {
        public StayOption {
            Objects.requireNonNull(stay, "stay is required");
            Objects.requireNonNull(price, "price is required");
            Objects.requireNonNull(wasPrice, "was price is required (Optional.empty() for none)");
        }

        public int nights() {
            return stay.nights();
        }
    }

    /** A day guests can arrive on, with its stay options, shortest first. */
    public record ArrivalDay(LocalDate date, List<StayOption> options) {
        public ArrivalDay {
            Objects.requireNonNull(date, "date is required");
            Objects.requireNonNull(options, "options are required");
            options = List.copyOf(options);
        }
    }

    /** Arrival days of the month from the rates alone, ignoring stock, bans and sales terms. */
    public static List<ArrivalDay> fromRates(RateTable rates, YearMonth month) {
        return build(rates, month, stay -> true);
    }

    /**
     * Arrival days of the month a guest booking on {@code bookingDate} can actually
     * take: the same rules as {@link QuoteCalculator} for minimum stay, lead time,
     * stock and sales bans (party and supplements are chosen later in the widget).
     */
    public static List<ArrivalDay> bookable(RateTable rates, YearMonth month, NightAvailability availability,
                                            SalesTerms terms, LocalDate bookingDate) {
        Objects.requireNonNull(availability, "night availability is required");
        Objects.requireNonNull(terms, "sales terms are required");
        Objects.requireNonNull(bookingDate, "booking date is required");
        return build(rates, month, stay -> StayRules.check(stay, bookingDate, terms, availability).isEmpty());
    }

    private static List<ArrivalDay> build(RateTable rates, YearMonth month,
                                          Predicate<StayPeriod> bookable) {
        Objects.requireNonNull(rates, "rates are required");
        Objects.requireNonNull(month, "month is required");
        return month.atDay(1).datesUntil(month.plusMonths(1).atDay(1))
                .map(day -> new ArrivalDay(day, rates.stayLengths().stream()
                        .flatMap(nights -> rates.find(day, nights).stream()
                                .map(rate -> option(StayPeriod.of(day, nights), rate)))
                        .filter(option -> bookable.test(option.stay()))
                        .collect(Collectors.toList())))
                .filter(day -> !day.options().isEmpty())
                .collect(Collectors.toUnmodifiableList());
    }

    private static StayOption option(StayPeriod stay, Rate rate) {
        Optional<Money> was = rate.discountAmount().isPositive() ? Optional.of(rate.price()) : Optional.empty();
        return new StayOption(stay, rate.discountedPrice(), was);
    }
}
