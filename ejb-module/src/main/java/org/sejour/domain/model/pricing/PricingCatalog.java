package org.sejour.domain.model.pricing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an owner configured that prices a stay. Lists may hold entries of
 * other accommodations; the calculator keeps those that apply.
 *
 * @param touristTax the tax of the accommodation's commune, if the owner collects it
 */
public record PricingCatalog(List<Rate> rates,
                             List<Promotion> promotions,
                             List<PromoCode> promoCodes,
                             List<Supplement> supplements,
                             Optional<TouristTax> touristTax,
                             SalesTerms salesTerms) {

    public PricingCatalog {
        Objects.requireNonNull(rates, "rates are required");
        Objects.requireNonNull(promotions, "promotions are required (may be empty)");
        Objects.requireNonNull(promoCodes, "promo codes are required (may be empty)");
        Objects.requireNonNull(supplements, "supplements are required (may be empty)");
        Objects.requireNonNull(touristTax, "tourist tax is required (Optional.empty() for none)");
        Objects.requireNonNull(salesTerms, "sales terms are required");
        rates = List.copyOf(rates);
        promotions = List.copyOf(promotions);
        promoCodes = List.copyOf(promoCodes);
        supplements = List.copyOf(supplements);
    }
}
