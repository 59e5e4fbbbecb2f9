package org.sejour.domain.model.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of euros, always held to the cent.
 *
 * <p>The one rounding rule of the pricing domain lives here: every operation
 * that can produce fractions of a cent ({@link #times(BigDecimal)},
 * {@link #percentage(Percentage)}) rounds its own result to {@value #SCALE}
 * decimals with {@link RoundingMode#HALF_UP}. Additions and subtractions of
 * amounts already held to the cent are exact, so a quote's lines always add up
 * to its total. Never built from or converted to {@code double}.
 */
public final class Money implements Comparable<Money> {

    /** Only euros for now; a second currency would make this a field. */
    public static final Currency CURRENCY = Currency.getInstance("EUR");
    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    private final BigDecimal amount;

    private Money(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount is required");
        this.amount = amount.setScale(SCALE, ROUNDING);
    }

    /** From a decimal string such as {@code "500.00"} or {@code "12.5"}. */
    public static Money of(String amount) {
        Objects.requireNonNull(amount, "amount is required");
        return new Money(new BigDecimal(amount.trim()));
    }

    public static Money of(BigDecimal amount) {
        return new Money(amount);
    }

    public static Money ofCents(long cents) {
        return new Money(BigDecimal.valueOf(cents, SCALE));
    }

    public BigDecimal amount() {
        return amount;
    }

    public Currency currency() {
        return CURRENCY;
    }

    public Money plus(Money other) {
        return new Money(amount.add(required(other).amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(required(other).amount));
    }

    public Money times(int quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)));
    }

    /** Multiplies by any factor, rounding the product to the cent. */
    public Money times(BigDecimal factor) {
        Objects.requireNonNull(factor, "factor is required");
        return new Money(amount.multiply(factor));
    }

    /** {@code percentage} of this amount, rounded to the cent: 25 % of 1,500.00 is 375.00. */
    public Money percentage(Percentage percentage) {
        Objects.requireNonNull(percentage, "percentage is required");
        return new Money(amount.multiply(percentage.value()).movePointLeft(2));
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(required(other).amount);
    }

    private static Money required(Money other) {
        return Objects.requireNonNull(other, "other amount is required");
    }

    @Override
    public boolean equals(Object o) {
        // Scale is normalised in the constructor, so BigDecimal.equals is safe here.
        return o instanceof Money other && amount.equals(other.amount);
    }

    @Override
    public int hashCode() {
        return amount.hashCode();
    }

    /** Plain form for logs and tests, e.g. {@code 1125.00 EUR}; display formatting belongs to the interfaces. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + CURRENCY.getCurrencyCode();
    }
}
