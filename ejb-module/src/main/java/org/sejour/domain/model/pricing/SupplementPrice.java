package org.sejour.domain.model.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.sejour.domain.model.shared.DateRange;

/**
 * The price schedule of a supplement ("Prix du supplément"): always the same,
 * different per period of the year (with a standard price outside them), or
 * offered only in some periods. The value is euros for fixed and per-day
 * supplements, a percentage for percentage supplements (see {@link Supplement}).
 * The period is chosen by the stay's ARRIVAL day, as for rates.
 */
public record SupplementPrice(Mode mode, Optional<BigDecimal> standard, List<PeriodPrice> periods) {

    public enum Mode {
        ALWAYS_SAME,
        PER_PERIOD,
        ONLY_IN_PERIODS
    }

    /** The value that applies to arrivals within {@code period}. */
    public record PeriodPrice(DateRange period, BigDecimal value) {
        public PeriodPrice {
            Objects.requireNonNull(period, "period is required");
            Objects.requireNonNull(value, "value is required");
            if (value.signum() < 0) {
                throw new IllegalArgumentException("supplement price must not be negative, was " + value);
            }
        }

        public static PeriodPrice of(String first, String last, String value) {
            return new PeriodPrice(DateRange.of(first, last), new BigDecimal(value));
        }
    }

    public SupplementPrice {
        Objects.requireNonNull(mode, "price mode is required");
        Objects.requireNonNull(standard, "standard price is required (Optional.empty() for none)");
        Objects.requireNonNull(periods, "period prices are required");
        periods = List.copyOf(periods);
        boolean needsStandard = mode != Mode.ONLY_IN_PERIODS;
        if (needsStandard != standard.isPresent()) {
            throw new IllegalArgumentException(mode + (needsStandard
                    ? " needs a standard price" : " takes no standard price"));
        }
        if ((mode == Mode.ALWAYS_SAME) != periods.isEmpty()) {
            throw new IllegalArgumentException(mode + (mode == Mode.ALWAYS_SAME
                    ? " takes no period prices" : " needs at least one period price"));
        }
        standard.ifPresent(v -> {
            if (v.signum() < 0) {
                throw new IllegalArgumentException("supplement price must not be negative, was " + v);
            }
        });
    }

    public static SupplementPrice alwaysSame(String value) {
        return new SupplementPrice(Mode.ALWAYS_SAME, Optional.of(new BigDecimal(value)), List.of());
    }

    public static SupplementPrice perPeriod(String standard, PeriodPrice... periods) {
        return new SupplementPrice(Mode.PER_PERIOD, Optional.of(new BigDecimal(standard)), List.of(periods));
    }

    public static SupplementPrice onlyInPeriods(PeriodPrice... periods) {
        return new SupplementPrice(Mode.ONLY_IN_PERIODS, Optional.empty(), List.of(periods));
    }

    /** The value for a stay arriving on {@code arrival}; empty if not offered then. */
    public Optional<BigDecimal> valueFor(LocalDate arrival) {
        Objects.requireNonNull(arrival, "arrival is required");
        Optional<BigDecimal> inPeriod = periods.stream()
                .filter(p -> p.period().contains(arrival))
                // Overlapping periods: the one starting latest wins, as for rates.
                .max(Comparator.comparing((PeriodPrice p) -> p.period().first()))
                .map(PeriodPrice::value);
        return inPeriod.isPresent() ? inPeriod : standard;
    }

    /** Every value of the schedule, for validation. */
    List<BigDecimal> allValues() {
        List<BigDecimal> values = new ArrayList<>();
        standard.ifPresent(values::add);
        periods.forEach(p -> values.add(p.value()));
        return values;
    }
}
