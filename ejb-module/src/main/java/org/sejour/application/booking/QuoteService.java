package org.sejour.application.booking;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.catalog.PricingCatalogLoader;
import org.sejour.application.catalog.PricingInputs;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.pricing.AgeRange;
import org.sejour.domain.model.pricing.GuestParty;
import org.sejour.domain.model.pricing.NightAvailability;
import org.sejour.domain.model.pricing.QuoteCalculator;
import org.sejour.domain.model.pricing.QuoteRequest;
import org.sejour.domain.model.pricing.QuoteResult;
import org.sejour.domain.model.shared.InvalidInputException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Prices a stay from the owner's configuration and the live stock: the engine's one pricing path. */
@Stateless
public class QuoteService {

    @Inject
    PricingCatalogLoader catalogs;
    @Inject
    DossierRepository ledger;

    private final QuoteCalculator calculator = new QuoteCalculator();

    public QuoteResult quote(long accountId, @NotNull StayRequest request) {
        return quote(accountId, request, BusinessCalendar.today(Clock.systemUTC()));
    }

    /** The quote as seen on {@code bookingDate} (lead time, promotion and code periods depend on it). */
    public QuoteResult quote(long accountId, @NotNull StayRequest request, @NotNull LocalDate bookingDate) {
        // refuses another owner's accommodation; loaded first, so that it reads the catalog fresh
        PricingInputs inputs = catalogs.load(accountId, request.accommodationId());
        NightAvailability nights = ledger.availability(request.accommodationId(),
                request.stay().arrival(), request.stay().departure());
        QuoteRequest quoteRequest = new QuoteRequest(inputs.profile(), request.stay(), party(inputs, request),
                request.supplements(), request.promoCode(), bookingDate, request.language().code());
        return calculator.quote(quoteRequest, inputs.catalog(), nights);
    }

    private static GuestParty party(PricingInputs inputs, StayRequest request) {
        Map<AgeRange, Integer> counts = new HashMap<>();
        request.party().forEach((label, count) -> {
            AgeRange range = inputs.ageRanges().stream().filter(r -> r.label().equalsIgnoreCase(label)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("party", "booking.ageRange.unknown"));
            if (count < 0 || count > 200) {
                throw new InvalidInputException("party", "booking.party.count");
            }
            if (count > 0) {
                counts.put(range, count);
            }
        });
        if (counts.isEmpty()) {
            throw new InvalidInputException("party", "booking.party.empty");
        }
        return new GuestParty(counts);
    }
}
