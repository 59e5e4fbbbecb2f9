package org.sejour.domain.model.pricing;

import java.util.Objects;
import java.util.Optional;

import org.sejour.domain.model.shared.Money;

/**
 * One line of a quote. Discounts are negative amounts, so a quote's total is the
 * plain sum of its lines.
 *
 * @param label         the owner's text (supplement label, promotion label, code's
 *                      public label) or empty for lines the interfaces name from
 *                      {@code kind} in the guest's language
 * @param inDepositBase whether the deposit percentage applies to this line
 * @param supplementId  the supplement priced, for {@link Kind#SUPPLEMENT} lines
 */
public record QuoteLine(Kind kind, String label, int quantity, Money amount,
                        boolean inDepositBase, Optional<Long> supplementId) {

    public enum Kind {
        /** The rate price before any discount: the struck-out price when one follows. */
        ACCOMMODATION,
        RATE_DISCOUNT,
        PROMOTION,
        PROMO_CODE,
        SUPPLEMENT,
        TOURIST_TAX,
        TOURIST_TAX_SURCHARGE
    }

    public QuoteLine {
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(label, "label is required");
        Objects.requireNonNull(amount, "amount is required");
        Objects.requireNonNull(supplementId, "supplement id is required (Optional.empty() for none)");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
        }
    }

    static QuoteLine of(Kind kind, String label, Money amount, boolean inDepositBase) {
        return new QuoteLine(kind, label, 1, amount, inDepositBase, Optional.empty());
    }
}
