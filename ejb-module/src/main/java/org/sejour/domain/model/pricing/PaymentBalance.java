package org.sejour.domain.model.pricing;

import java.util.Collection;
import java.util.Objects;

import org.sejour.domain.model.shared.Money;

/**
 * What is left to pay on a dossier: total minus payments received. A dossier of
 * 800.00 € with 200.00 € paid has a balance (solde) of 600.00 €. A negative
 * balance means the guest overpaid and is owed a refund.
 *
 * <p>Refunds are kept apart from payments: money given back never becomes money due again
 * (210.00 € paid and 50.00 € refunded as a gesture still owe 590.00 €, not 640.00 €). A refund
 * lowers the net received, and settles an overpayment: 850.00 € paid on 800.00 € and 50.00 €
 * refunded leave nothing either way.
 */
public record PaymentBalance(Money total, Money paid, Money refunded) {

    public PaymentBalance {
        Objects.requireNonNull(total, "total is required");
        Objects.requireNonNull(paid, "paid amount is required");
        Objects.requireNonNull(refunded, "refunded amount is required");
    }

    public PaymentBalance(Money total, Money paid) {
        this(total, paid, Money.ZERO);
    }

    public static PaymentBalance of(Money total, Collection<Money> payments) {
        Objects.requireNonNull(payments, "payments are required");
        return new PaymentBalance(total, payments.stream().reduce(Money.ZERO, Money::plus));
    }

    /** What the guest paid and was not given back. */
    public Money netReceived() {
        return paid.minus(refunded);
    }

    /** What is still due (positive) or overpaid and not yet given back (negative). */
    public Money remaining() {
        Money due = total.minus(paid);
        return due.isNegative() ? Money.ZERO.min(total.minus(netReceived())) : due;
    }

    public boolean isSettled() {
        return !remaining().isPositive();
    }

    public boolean isOverpaid() {
        return remaining().isNegative();
    }
}
