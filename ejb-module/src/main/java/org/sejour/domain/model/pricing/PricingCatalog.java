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

    /**
     * This catalog with one use of {@code code} given back: how a change of the dossier that used
     * it is priced (its own use does not make a single-use code spent for it).
     */
    public PricingCatalog givingBack(String code) {
        List<PromoCode> codes = promoCodes.stream()
                .map(c -> c.matches(code) && c.usageCount() > 0 ? c.withUsageCount(c.usageCount() - 1) : c)
                .toList();
        return new PricingCatalog(rates, promotions, codes, supplements, touristTax, salesTerms);
    }
}
