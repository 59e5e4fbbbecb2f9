package org.sejour.domain.model.pricing;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.sejour.domain.model.shared.StayPeriod;

/**
 * What a guest (or the owner on the phone) asks a price for.
 *
 * @param optionalSupplements chosen optional supplements: supplement id → quantity
 *                            (0 means not chosen); mandatory ones are added by the calculator
 * @param promoCode           the code as typed, if any
 * @param bookingDate         the day the booking is made, in the owner's time zone
 * @param language            language of the supplement labels on the quote, e.g. "fr"
 */
public record QuoteRequest(AccommodationProfile accommodation,
                           StayPeriod stay,
                           GuestParty party,
                           Map<Long, Integer> optionalSupplements,
                           Optional<String> promoCode,
                           LocalDate bookingDate,
                           String language) {

    public QuoteRequest {
        Objects.requireNonNull(accommodation, "accommodation is required");
        Objects.requireNonNull(stay, "stay is required");
        Objects.requireNonNull(party, "party is required");
        Objects.requireNonNull(optionalSupplements, "optional supplements are required (may be empty)");
        Objects.requireNonNull(promoCode, "promo code is required (Optional.empty() for none)");
        Objects.requireNonNull(bookingDate, "booking date is required");
        Objects.requireNonNull(language, "language is required");
        optionalSupplements = Map.copyOf(optionalSupplements);
        promoCode = promoCode.filter(code -> !code.isBlank());
    }
}
