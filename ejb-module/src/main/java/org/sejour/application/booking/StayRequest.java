package org.sejour.application.booking;

import org.sejour.domain.model.pricing.TaxExemption;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.StayPeriod;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What is asked to be quoted or booked: a stay of one accommodation, the party counted per
 * age range (by its label), chosen optional supplements (id → quantity), a promo code, and the
 * persons of a taxable age the owner declares exempt from the tourist tax, by reason.
 */
public record StayRequest(long accommodationId, StayPeriod stay, Map<String, Integer> party,
                          Map<Long, Integer> supplements, Optional<String> promoCode, Language language,
                          Map<TaxExemption, Integer> exemptions) {

    public StayRequest {
        Objects.requireNonNull(stay, "stay is required");
        Objects.requireNonNull(language, "language is required");
        party = Map.copyOf(Objects.requireNonNull(party, "party is required"));
        supplements = supplements == null ? Map.of() : Map.copyOf(supplements);
        promoCode = promoCode == null ? Optional.empty() : promoCode.filter(c -> !c.isBlank());
        exemptions = exemptions == null ? Map.of() : Map.copyOf(exemptions);
    }

    /** A stay nobody of which is exempt from the tourist tax but by age (guests, channels, the API). */
    public StayRequest(long accommodationId, StayPeriod stay, Map<String, Integer> party,
                       Map<Long, Integer> supplements, Optional<String> promoCode, Language language) {
        this(accommodationId, stay, party, supplements, promoCode, language, Map.of());
    }

    /**
     * A stable text of the request, for recognising a retried booking; exemptions only when some
     * are declared, so that requests hashed before they existed still match.
     */
    String canonical() {
        return accommodationId + "|" + stay + "|" + new TreeMap<>(party) + "|" + new TreeMap<>(supplements) + "|"
                + promoCode.orElse("") + "|" + language.code()
                + (exemptions.isEmpty() ? "" : "|" + new TreeMap<>(exemptions));
    }
}
