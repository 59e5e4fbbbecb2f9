package org.sejour.domain.model.shared;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A percentage between 0 and 100 inclusive, e.g. {@code 25} for 25 %.
 * Kept exact (no scale forced) so that 2.5 % or 0.75 % are representable.
 */
public record Percentage(BigDecimal value) implements Comparable<Percentage> {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    public static final Percentage ZERO = new Percentage(BigDecimal.ZERO);
    public static final Percentage FULL = new Percentage(HUNDRED);

    public Percentage {
        Objects.requireNonNull(value, "percentage value is required");
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("percentage must be between 0 and 100, was " + value);
        }
        value = value.stripTrailingZeros();
    }

    public static Percentage of(String value) {
        Objects.requireNonNull(value, "percentage value is required");
        return new Percentage(new BigDecimal(value.trim()));
    }

    public static Percentage of(int value) {
        return new Percentage(BigDecimal.valueOf(value));
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    /** The fraction this percentage stands for, exact: 25 % → 0.25. */
    public BigDecimal asFraction() {
        return value.movePointLeft(2);
    }

    @Override
    public int compareTo(Percentage other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString() + " %";
    }
}
