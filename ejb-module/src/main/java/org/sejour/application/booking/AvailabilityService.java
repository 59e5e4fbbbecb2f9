package org.sejour.application.booking;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.catalog.PricingCatalogLoader;
import org.sejour.application.catalog.PricingInputs;
import org.sejour.domain.model.accommodation.BookableListing;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.pricing.AgeRange;
import org.sejour.domain.model.pricing.ArrivalCalendar;
import org.sejour.domain.model.pricing.ArrivalCalendar.ArrivalDay;
import org.sejour.domain.model.pricing.GuestParty;
import org.sejour.domain.model.pricing.NightAvailability;
import org.sejour.domain.model.pricing.Quote;
import org.sejour.domain.model.pricing.QuoteCalculator;
import org.sejour.domain.model.pricing.QuoteRequest;
import org.sejour.domain.model.pricing.RateTable;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.StayPeriod;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What can be booked: the search widget's list and the calendar widget's month. */
@Stateless
public class AvailabilityService {

    /** The longest stay a calendar looks ahead for, past the end of its month. */
    static final int MAX_STAY_NIGHTS = 90;

    @Inject
    PricingCatalogLoader catalogs;
    @Inject
    DossierRepository ledger;

    private final QuoteCalculator calculator = new QuoteCalculator();

    /** One accommodation bookable for the stay searched, at the price of its smallest party. */
    public record SearchHit(long accommodationId, String name, String reference, Quote quote) {
    }

    /**
     * Every accommodation of the account bookable online for the stay, with its price for
     * the smallest party it takes (the guest refines the party in the booking flow).
     */
    public List<SearchHit> search(long accountId, @NotNull LocalDate arrival, int nights) {
        if (nights < 1 || nights > MAX_STAY_NIGHTS) {
            throw new InvalidInputException("nights", "booking.nights.range");
        }
        StayPeriod stay = StayPeriod.of(arrival, nights);
        LocalDate today = BusinessCalendar.today(Clock.systemUTC());
        // two queries for the whole account (catalog version, nights), then pure pricing, in the
        // owner's order of accommodations
        Map<Long, PricingInputs> inputs = catalogs.loadAll(accountId);
        Map<Long, NightAvailability> nightsLeft = ledger.availabilityOfAccount(accountId, stay.arrival(),
                stay.departure());
        List<SearchHit> hits = new ArrayList<>();
        for (PricingInputs pricing : inputs.values()) {
            if (pricing.listing().isEmpty()) {
                continue;
            }
            BookableListing listing = pricing.listing().get();
            smallestParty(pricing).flatMap(party -> calculator.quote(new QuoteRequest(pricing.profile(), stay,
                            party, Map.of(), Optional.empty(), today, "fr"), pricing.catalog(),
                            nightsLeft.getOrDefault(listing.id(), NightAvailability.open(0))).quote())
                    .ifPresent(quote -> hits.add(new SearchHit(listing.id(), listing.name(), listing.reference(),
                            quote)));
        }
        return hits;
    }

    /** The arrival days of a month with their stay options and prices, as the calendar widget shows them. */
    public List<ArrivalDay> month(long accountId, long accommodationId, @NotNull YearMonth month) {
        // the account's inputs hold only its own accommodations: another account's id is not found
        PricingInputs inputs = catalogs.load(accountId, accommodationId);
        NightAvailability nights = ledger.availability(accommodationId, month.atDay(1),
                month.atEndOfMonth().plusDays(MAX_STAY_NIGHTS + 1L));
        return ArrivalCalendar.bookable(RateTable.of(accommodationId, inputs.catalog().rates()), month, nights,
                inputs.catalog().salesTerms(), BusinessCalendar.today(Clock.systemUTC()));
    }

    private static Optional<GuestParty> smallestParty(PricingInputs inputs) {
        return inputs.ageRanges().stream().filter(AgeRange::taxable).findFirst()
                .or(() -> inputs.ageRanges().stream().findFirst())
                .map(adult -> GuestParty.of(adult, Math.max(1, inputs.profile().capacityMin())));
    }
}
