package org.sejour.domain.model.catalog;

import org.sejour.domain.model.pricing.PromoCode;

import java.util.Optional;

/**
 * The filters of the "Codes promo" screen, each optional: part of the code, part of the
 * internal label, usage type, and whether the code was consumed (used at least once).
 */
public record PromoCodeSearch(Optional<String> code, Optional<String> label, Optional<PromoCode.Usage> usage,
                              Optional<Boolean> consumed) {

    public PromoCodeSearch {
        code = code == null ? Optional.empty() : code.map(String::strip).filter(s -> !s.isEmpty());
        label = label == null ? Optional.empty() : label.map(String::strip).filter(s -> !s.isEmpty());
        usage = usage == null ? Optional.empty() : usage;
        consumed = consumed == null ? Optional.empty() : consumed;
    }

    public static PromoCodeSearch everything() {
        return new PromoCodeSearch(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
