package org.sejour.domain.model.pricing;

import java.util.Collection;
import java.util.Objects;

import org.sejour.domain.model.shared.Money;

/**
 * What is left to pay on a dossier: total minus payments received. A dossier of
 * 800.00 € with 200.00 € paid has a balance (solde) of 600.00 €. A negative
 * balance means the guest overpaid and is owed a refund.
 */
public record PaymentBalance(Money total, Money paid) {

    public PaymentBalance {
        Objects.requireNonNull(total, "total is required");
        Objects.requireNonNull(paid, "paid amount is required");
    }

    public static PaymentBalance of(Money total, Collection<Money> payments) {
        Objects.requireNonNull(payments, "payments are required");
        return new PaymentBalance(total, payments.stream().reduce(Money.ZERO, Money::plus));
    }

    public Money remaining() {
        return total.minus(paid);
    }

    public boolean isSettled() {
        return !remaining().isPositive();
    }

    public boolean isOverpaid() {
        return remaining().isNegative();
    }
}
