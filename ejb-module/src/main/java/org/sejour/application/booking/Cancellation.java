package org.sejour.application.booking;

import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.shared.Money;

/**
 * A cancellation made: the dossier as it now is, the fee kept as its line, and what the guest paid
 * above it, to refund ({@link Dossier#amountToRefund()}).
 */
public record Cancellation(Dossier dossier, Money fee, Money toRefund) {
}
