package org.sejour.domain.model.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.sejour.domain.model.pricing.SalesTerms;
import org.sejour.domain.model.shared.Percentage;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/** "100 % if arrival in under 7 days": a deposit percentage by proximity of arrival (deposit_rule). */
@Embeddable
public class DepositRule implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "arrival_within_days", nullable = false)
    private int arrivalWithinDays;
    @Column(name = "deposit_percent", nullable = false)
    private BigDecimal depositPercent;

    protected DepositRule() {
        // JPA
    }

    public DepositRule(int arrivalWithinDays, BigDecimal depositPercent) {
        this.arrivalWithinDays = Rules.between(arrivalWithinDays, 1, 365, "depositRules", "salesTerms.depositRule.days.range");
        this.depositPercent = Rules.percent(depositPercent, true, true, "depositRules", "salesTerms.depositRule.percent.range");
    }

    public int arrivalWithinDays() { return arrivalWithinDays; }
    public BigDecimal depositPercent() { return depositPercent; }

    SalesTerms.ProximityRule toPricing() {
        return new SalesTerms.ProximityRule(arrivalWithinDays, new Percentage(depositPercent));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DepositRule other && arrivalWithinDays == other.arrivalWithinDays
                && depositPercent.compareTo(other.depositPercent) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(arrivalWithinDays);
    }
}
