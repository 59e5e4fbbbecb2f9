package org.sejour.domain.model.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.sejour.domain.model.pricing.CancellationPolicy;
import org.sejour.domain.model.shared.Percentage;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/** "From 30 days before arrival: the deposit is kept": one rule of the owner's cancellation policy. */
@Embeddable
public class CancellationRule implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int MAX_DAYS = 730;

    @Column(name = "min_days_before", nullable = false)
    private int minDaysBefore;
    @Enumerated(EnumType.STRING)
    @Column(name = "fee_kind", nullable = false)
    private CancellationPolicy.FeeKind feeKind;
    @Column(name = "fee_percent")
    private BigDecimal feePercent;

    protected CancellationRule() {
        // JPA
    }

    public CancellationRule(int minDaysBefore, CancellationPolicy.FeeKind feeKind, BigDecimal feePercent) {
        this.minDaysBefore = Rules.between(minDaysBefore, 0, MAX_DAYS, "cancellationRules",
                "salesTerms.cancellationRule.days.range");
        this.feeKind = Rules.required(feeKind, "cancellationRules", "salesTerms.cancellationRule.kind.required");
        this.feePercent = feeKind == CancellationPolicy.FeeKind.PERCENT
                ? Rules.percent(feePercent, true, true, "cancellationRules", "salesTerms.cancellationRule.percent.range")
                : null;
    }

    public int minDaysBefore() { return minDaysBefore; }
    public CancellationPolicy.FeeKind feeKind() { return feeKind; }
    public BigDecimal feePercent() { return feePercent; }

    CancellationPolicy.Rule toPricing() {
        return new CancellationPolicy.Rule(minDaysBefore, feeKind,
                feePercent == null ? null : new Percentage(feePercent));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CancellationRule other && minDaysBefore == other.minDaysBefore
                && feeKind == other.feeKind
                && (feePercent == null ? other.feePercent == null
                : other.feePercent != null && feePercent.compareTo(other.feePercent) == 0);
    }

    @Override
    public int hashCode() {
        return Objects.hash(minDaysBefore, feeKind);
    }
}
