package org.sejour.application.booking;

import org.sejour.domain.model.pricing.CancellationPolicy;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What cancelling a dossier on {@code cancelledOn} costs under the owner's policy, shown before the
 * owner or the guest confirms: the fee, the rule that gave it (null kind: no rule, no fee), the
 * days before arrival it was counted from, what the guest paid and was not given back, and what is
 * then left to refund (that less the fee: the same as {@code Dossier#amountToRefund()} once cancelled).
 */
public record CancellationTerms(LocalDate cancelledOn, long daysBefore, BigDecimal fee,
                                CancellationPolicy.FeeKind kind, BigDecimal percent, Integer fromDays,
                                BigDecimal paid, BigDecimal toRefund) implements Serializable {

    private static final long serialVersionUID = 1L;

    public boolean hasRule() {
        return kind != null;
    }
}
