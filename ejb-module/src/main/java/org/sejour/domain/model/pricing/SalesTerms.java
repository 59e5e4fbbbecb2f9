package org.sejour.domain.model.pricing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.sejour.domain.model.shared.Percentage;

/**
 * The account's terms of sale (modalités de vente) that drive quotes: deposit
 * kind and percentage, deposit percentage by proximity of the stay, deadlines,
 * minimum stay and booking lead time. Whether a supplement enters the deposit
 * is set on each {@link Supplement} ({@code depositApplies}), where the owner sets it.
 *
 * @param depositDeadlineDays deposit due this many days after the booking date
 * @param balanceDeadlineDays balance due this many days before arrival
 * @param minimumStayNights   shortest stay for every booking (1 for none)
 * @param leadTimeDays        0 allows arrival the same day as booking; N needs arrival at least N days later
 */
public record SalesTerms(DepositType depositType,
                         Percentage depositPercentage,
                         List<ProximityRule> proximityRules,
                         int depositDeadlineDays,
                         int balanceDeadlineDays,
                         int minimumStayNights,
                         int leadTimeDays) {

    /** Arrhes may be forfeited by the guest; an acompte binds both parties. */
    public enum DepositType {
        ARRHES,
        ACOMPTE
    }

    /** Deposit percentage when arrival is strictly less than {@code daysBeforeArrival} days after booking. */
    public record ProximityRule(int daysBeforeArrival, Percentage depositPercentage) {
        public ProximityRule {
            Objects.requireNonNull(depositPercentage, "deposit percentage is required");
            if (daysBeforeArrival < 1) {
                throw new IllegalArgumentException("proximity must be at least 1 day, was " + daysBeforeArrival);
            }
        }
    }

    public SalesTerms {
        Objects.requireNonNull(depositType, "deposit type is required");
        Objects.requireNonNull(depositPercentage, "deposit percentage is required");
        Objects.requireNonNull(proximityRules, "proximity rules are required (may be empty)");
        proximityRules = List.copyOf(proximityRules);
        requireNotNegative(depositDeadlineDays, "deposit deadline days");
        requireNotNegative(balanceDeadlineDays, "balance deadline days");
        requireNotNegative(leadTimeDays, "lead time days");
        if (minimumStayNights < 1) {
            throw new IllegalArgumentException("minimum stay must be at least 1 night, was " + minimumStayNights);
        }
    }

    private static void requireNotNegative(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, was " + value);
        }
    }

    /**
     * The deposit percentage for a booking made {@code bookingDate} for an arrival
     * on {@code arrival}: the matching proximity rule with the fewest days (the
     * closest), else the default percentage.
     */
    public Percentage depositPercentageFor(LocalDate bookingDate, LocalDate arrival) {
        long daysAhead = ChronoUnit.DAYS.between(bookingDate, arrival);
        return proximityRules.stream()
                .filter(r -> daysAhead < r.daysBeforeArrival())
                .min(Comparator.comparingInt(ProximityRule::daysBeforeArrival))
                .map(ProximityRule::depositPercentage)
                .orElse(depositPercentage);
    }

    /** Balance due {@code balanceDeadlineDays} before arrival, or on the booking date when that is already past. */
    public LocalDate balanceDueDate(LocalDate bookingDate, LocalDate arrival) {
        LocalDate due = arrival.minusDays(balanceDeadlineDays);
        return due.isBefore(bookingDate) ? bookingDate : due;
    }

    /** Deposit due {@code depositDeadlineDays} after booking, but never after the balance is due. */
    public LocalDate depositDueDate(LocalDate bookingDate, LocalDate arrival) {
        LocalDate due = bookingDate.plusDays(depositDeadlineDays);
        LocalDate balanceDue = balanceDueDate(bookingDate, arrival);
        return due.isAfter(balanceDue) ? balanceDue : due;
    }
}
