package org.sejour.application.booking;

import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.StayPeriod;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What is asked to be quoted or booked: a stay of one accommodation, the party counted per
 * age range (by its label), chosen optional supplements (id → quantity) and a promo code.
 */
public record StayRequest(long accommodationId, StayPeriod stay, Map<String, Integer> party,
                          Map<Long, Integer> supplements, Optional<String> promoCode, Language language) {

    public StayRequest {
        Objects.requireNonNull(stay, "stay is required");
        Objects.requireNonNull(language, "language is required");
        party = Map.copyOf(Objects.requireNonNull(party, "party is required"));
        supplements = supplements == null ? Map.of() : Map.copyOf(supplements);
        promoCode = promoCode == null ? Optional.empty() : promoCode.filter(c -> !c.isBlank());
    }

    /** A stable text of the request, for recognising a retried booking. */
    String canonical() {
        return accommodationId + "|" + stay + "|" + new TreeMap<>(party) + "|" + new TreeMap<>(supplements) + "|"
                + promoCode.orElse("") + "|" + language.code();
    }
}
