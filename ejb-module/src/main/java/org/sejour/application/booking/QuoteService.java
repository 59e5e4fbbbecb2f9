package org.sejour.application.booking;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.catalog.PricingCatalogLoader;
import org.sejour.application.catalog.PricingInputs;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.DossierStay;
import org.sejour.domain.model.pricing.AgeRange;
import org.sejour.domain.model.pricing.GuestParty;
import org.sejour.domain.model.pricing.NightAvailability;
import org.sejour.domain.model.pricing.PricingCatalog;
import org.sejour.domain.model.pricing.QuoteCalculator;
import org.sejour.domain.model.pricing.QuoteRequest;
import org.sejour.domain.model.pricing.QuoteResult;
import org.sejour.domain.model.pricing.TaxExemption;
import org.sejour.domain.model.shared.InvalidInputException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        return calculator.quote(quoteRequest(inputs, request, bookingDate), inputs.catalog(), nights);
    }

    /** The stays of one dossier as seen on {@code bookingDate}, each quoted from the live stock. */
    public BasketResult quote(long accountId, @NotNull List<StayRequest> stays, @NotNull LocalDate bookingDate) {
        List<QuoteResult> results = new ArrayList<>();
        for (StayRequest stay : BookingCommand.sameNights(stays)) {
            results.add(quote(accountId, stay, bookingDate));
        }
        return new BasketResult(results);
    }

    /**
     * The stays a change of {@code dossier} asks for, priced as a new booking made on
     * {@code bookingDate} would be, except that what the dossier holds counts as free: its units of
     * its own nights (the change gives them back) and the use of its own code. Nothing is written:
     * this is what the owner compares with the agreed price before deciding.
     */
    public BasketResult quoteChange(long accountId, @NotNull Dossier dossier, @NotNull List<StayRequest> stays,
                                    @NotNull LocalDate bookingDate) {
        Optional<String> ownCode = dossier.status() == DossierStatus.CANCELLED ? Optional.empty()
                : dossier.promoCodeId().flatMap(ledger::promoCode);
        List<QuoteResult> results = new ArrayList<>();
        for (StayRequest stay : BookingCommand.sameNights(stays)) {
            PricingInputs inputs = catalogs.load(accountId, stay.accommodationId());
            PricingCatalog catalog = ownCode.map(inputs.catalog()::givingBack).orElse(inputs.catalog());
            NightAvailability live = ledger.availability(stay.accommodationId(), stay.stay().arrival(),
                    stay.stay().departure());
            results.add(calculator.quote(quoteRequest(inputs, stay, bookingDate), catalog,
                    heldBy(dossier, stay.accommodationId(), live)));
        }
        return new BasketResult(results);
    }

    /** The nights as they would be without the units {@code dossier} holds on this accommodation. */
    private static NightAvailability heldBy(Dossier dossier, long accommodationId, NightAvailability live) {
        if (dossier.status() == DossierStatus.CANCELLED) {
            return live;
        }
        int held = (int) dossier.stays().stream().map(DossierStay::accommodation)
                .filter(a -> a.id() == accommodationId).count();
        return night -> {
            NightAvailability.NightStatus status = live.statusOf(night);
            return held == 0 || !dossier.stay().contains(night) ? status
                    : new NightAvailability.NightStatus(status.remainingStock() + held, status.salesBan(),
                    status.heldByChannel());
        };
    }

    private static QuoteRequest quoteRequest(PricingInputs inputs, StayRequest request, LocalDate bookingDate) {
        return new QuoteRequest(inputs.profile(), request.stay(), party(inputs, request), request.supplements(),
                request.promoCode(), bookingDate, request.language().code());
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
        Map<TaxExemption, Integer> exempt = new EnumMap<>(TaxExemption.class);
        request.exemptions().forEach((reason, count) -> {
            if (count < 0 || count > 200) {
                throw new InvalidInputException("exemptions", "booking.exemptions.count");
            }
            if (count > 0) {
                exempt.put(reason, count);
            }
        });
        int ofTaxableAge = counts.entrySet().stream().filter(e -> e.getKey().taxable())
                .mapToInt(Map.Entry::getValue).sum();
        if (exempt.values().stream().mapToInt(Integer::intValue).sum() > ofTaxableAge) {
            throw new InvalidInputException("exemptions", "booking.exemptions.tooMany");
        }
        return new GuestParty(counts, exempt);
    }
}
