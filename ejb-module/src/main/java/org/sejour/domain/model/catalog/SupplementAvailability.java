package org.sejour.domain.model.catalog;

import org.sejour.domain.model.pricing.SupplementPrice;

/** Whether a supplement's price is always the same, varies by period, or exists only in periods (supplement.availability). */
public enum SupplementAvailability {
    ALWAYS(SupplementPrice.Mode.ALWAYS_SAME),
    PER_PERIOD(SupplementPrice.Mode.PER_PERIOD),
    ONLY_IN_PERIODS(SupplementPrice.Mode.ONLY_IN_PERIODS);

    private final SupplementPrice.Mode mode;

    SupplementAvailability(SupplementPrice.Mode mode) {
        this.mode = mode;
    }

    public SupplementPrice.Mode toPricing() {
        return mode;
    }

    /** Every mode but "only in periods" has a standard price. */
    public boolean hasStandardPrice() {
        return this != ONLY_IN_PERIODS;
    }

    public boolean hasPeriods() {
        return this != ALWAYS;
    }
}
