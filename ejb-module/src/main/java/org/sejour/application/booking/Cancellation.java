package org.sejour.application.booking;

import org.sejour.application.payment.RefundService;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.shared.Money;

import java.util.List;

/**
 * A cancellation made: the dossier as it now is, the fee kept as its line, what the guest paid
 * above it and is still to refund ({@link Dossier#amountToRefund()}), and the refunds made with the
 * cancellation when the owner asked for them (each with its credit note), else none.
 */
public record Cancellation(Dossier dossier, Money fee, Money toRefund, List<RefundService.Refund> refunds) {

    public Cancellation {
        refunds = List.copyOf(refunds);
    }

    /** What the refunds made with the cancellation gave back. */
    public Money refunded() {
        return refunds.stream().map(RefundService.Refund::amount).reduce(Money.ZERO, Money::plus);
    }

    /** True when one of those refunds went through Stripe (the others were recorded as made by the owner). */
    public boolean refundedThroughStripe() {
        return refunds.stream().anyMatch(RefundService.Refund::throughStripe);
    }
}
