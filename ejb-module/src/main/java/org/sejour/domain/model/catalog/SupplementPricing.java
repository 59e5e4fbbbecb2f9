package org.sejour.domain.model.catalog;

import org.sejour.domain.model.pricing.Supplement;

/** How a supplement is priced, as stored in supplement.pricing. */
public enum SupplementPricing {
    FIXED(Supplement.Pricing.FIXED),
    PER_DAY(Supplement.Pricing.PER_DAY),
    PERCENT(Supplement.Pricing.PERCENT_OF_ACCOMMODATION);

    private final Supplement.Pricing pricing;

    SupplementPricing(Supplement.Pricing pricing) {
        this.pricing = pricing;
    }

    public Supplement.Pricing toPricing() {
        return pricing;
    }
}
