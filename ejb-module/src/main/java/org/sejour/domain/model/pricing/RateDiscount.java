package org.sejour.domain.model.pricing;

import java.util.Objects;

import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.Percentage;

/**
 * The "remise" an owner may enter on a rate. The rate price is then shown
 * struck out and the discounted price next to it, online and on contracts.
 */
public sealed interface RateDiscount {

    /** The amount taken off {@code price}, never more than the price itself. */
    Money amountOff(Money price);

    static RateDiscount amount(String amount) {
        return new AmountOff(Money.of(amount));
    }

    static RateDiscount percent(String percentage) {
        return new PercentOff(Percentage.of(percentage));
    }

    record AmountOff(Money amount) implements RateDiscount {
        public AmountOff {
            Objects.requireNonNull(amount, "discount amount is required");
            if (!amount.isPositive()) {
                throw new IllegalArgumentException("discount amount must be positive, was " + amount);
            }
        }

        @Override
        public Money amountOff(Money price) {
            return amount.min(price);
        }
    }

    record PercentOff(Percentage percentage) implements RateDiscount {
        public PercentOff {
            Objects.requireNonNull(percentage, "discount percentage is required");
            if (percentage.isZero()) {
                throw new IllegalArgumentException("discount percentage must be positive");
            }
        }

        @Override
        public Money amountOff(Money price) {
            return price.percentage(percentage);
        }
    }
}
