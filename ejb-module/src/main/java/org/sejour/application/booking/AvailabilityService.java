package org.sejour.application.booking;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.catalog.PricingCatalogLoader;
import org.sejour.application.catalog.PricingInputs;
import org.sejour.domain.model.account.AccountState;
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
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.StayPeriod;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** What can be booked: the search widget's list and the calendar widget's month. */
@Stateless
public class AvailabilityService {

    /** The longest stay a calendar looks ahead for, past the end of its month. */
    static final int MAX_STAY_NIGHTS = 90;

    @Inject
    PricingCatalogLoader catalogs;
    @Inject
    DossierRepository ledger;
    @Inject
    KeptOffers keptOffers;
    @Inject
    KeptNights keptNights;

    /** The nights version of an accommodation whose nights have not changed since versions were kept. */
    private static final UUID NEVER_CHANGED = new UUID(0, 0);

    private final QuoteCalculator calculator = new QuoteCalculator();

    /** One accommodation bookable for the stay searched, at the price of its smallest party. */
    public record SearchHit(long accommodationId, String name, String reference, Quote quote) {
    }

    /**
     * What a guest's list shows of one accommodation bookable for the stay: its price for the
     * smallest party it takes, and the price struck out when a discount applies. Kept in
     * {@link KeptOffers} between searches, hence only what the list shows.
     */
    public record Offer(long accommodationId, String name, String reference, StayPeriod stay, Money price,
                        Optional<Money> struckOutPrice) {
    }

    /**
     * The offers of one search, in the owner's order, and their revision: a number of this
     * server's memory that changes whenever the list does, so that an answer written from an
     * equal revision may be served again as it was.
     */
    public record StayOffers(List<Offer> offers, long revision) {
    }

    /**
     * Every accommodation of the account bookable online for the stay, with its full quote for
     * the smallest party it takes (the owner's own test of the engine).
     */
    public List<SearchHit> search(long accountId, @NotNull LocalDate arrival, int nights) {
        StayPeriod stay = stay(arrival, nights);
        LocalDate today = BusinessCalendar.today(Clock.systemUTC());
        // two queries for the whole account (catalog version, nights), then pure pricing, in the
        // owner's order of accommodations
        Map<Long, PricingInputs> inputs = catalogs.loadAll(accountId);
        Map<Long, NightAvailability> nightsLeft = ledger.availabilityOfAccount(accountId, stay.arrival(),
                stay.departure());
        List<SearchHit> hits = new ArrayList<>();
        for (PricingInputs pricing : inputs.values()) {
            pricing.listing().flatMap(listing -> quote(pricing, stay, today, nightsLeft.get(listing.id())))
                    .ifPresent(quote -> hits.add(new SearchHit(quote.accommodationId(),
                            pricing.listing().get().name(), pricing.listing().get().reference(), quote)));
        }
        return hits;
    }

    /**
     * What the guests' search lists: every accommodation of the account bookable online for the
     * stay, priced for the smallest party it takes (the guest refines the party in the booking
     * flow). Only the accommodations whose nights changed since the last search of the stay are
     * priced again; the others' offers are taken from {@link KeptOffers}. The nights of those
     * priced again are read from the database only when they changed ({@link KeptNights}).
     */
    public StayOffers offers(long accountId, @NotNull LocalDate arrival, int nights) {
        StayPeriod stay = stay(arrival, nights);
        Map<Long, PricingInputs> inputs = catalogs.loadAll(accountId);
        return offers(accountId, inputs, ledger.nightsVersions(accountId), stay);
    }

    /**
     * {@link #offers(long, LocalDate, int)} from the versions of the account's kept {@code state},
     * which the guests' search has just read, rather than from versions read again: the answer is
     * kept under that state. The catalog version is the state's (a round trip less is a tenth of
     * a search computed afresh), and the accommodations' nights versions are read once for each
     * nights version of the account ({@link KeptNights#versions}).
     */
    public StayOffers offers(@NotNull AccountState state, @NotNull LocalDate arrival, int nights) {
        StayPeriod stay = stay(arrival, nights);
        long accountId = state.accountId();
        Map<Long, PricingInputs> inputs = catalogs.loadAll(accountId, state.catalogVersion());
        return offers(accountId, inputs, keptNights.versions(accountId, state.nightsVersion(),
                () -> ledger.nightsVersions(accountId)), stay);
    }

    /** The offers priced from these inputs under these nights versions, read before the nights. */
    private StayOffers offers(long accountId, Map<Long, PricingInputs> inputs, Map<Long, UUID> versions,
                              StayPeriod stay) {
        LocalDate arrival = stay.arrival();
        int nights = stay.nights();
        LocalDate today = BusinessCalendar.today(Clock.systemUTC());
        KeptOffers.Stay searched = new KeptOffers.Stay(accountId, arrival, nights, today);
        Optional<KeptOffers.Priced> kept = keptOffers.of(searched, inputs);
        int size = inputs.size();
        UUID[] priced = new UUID[size];
        Offer[] offers = new Offer[size];
        boolean[] again = new boolean[size];
        List<Long> stale = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Long, PricingInputs> accommodation : inputs.entrySet()) {
            Long id = accommodation.getKey();
            UUID version = versions.getOrDefault(id, NEVER_CHANGED);
            if (accommodation.getValue().listing().isEmpty()) {
                priced[i] = version;
            } else if (kept.isPresent() && kept.get().versions()[i].equals(version)) {
                priced[i] = kept.get().versions()[i];
                offers[i] = kept.get().offers()[i];
            } else {
                priced[i] = version;
                again[i] = true;
                stale.add(id);
            }
            i++;
        }
        // kept even when nothing is bookable (an account without bookable accommodations), so that
        // the answer has a revision
        if (kept.isEmpty() || !stale.isEmpty()) {
            Map<Long, NightAvailability> nightsLeft = keptNights.of(stale, versions, NEVER_CHANGED, stay,
                    (ids, first, end) -> ledger.availabilityOf(accountId, ids, first, end));
            SmallestParties parties = new SmallestParties();
            i = 0;
            for (Map.Entry<Long, PricingInputs> accommodation : inputs.entrySet()) {
                if (again[i]) {
                    Offer offer = offer(accommodation.getValue(), parties.of(accommodation.getValue()), stay, today,
                            nightsLeft.get(accommodation.getKey()));
                    // most changes of nights leave a given stay as it was: the same offer, kept as it was
                    boolean same = kept.isPresent() && Objects.equals(offer, kept.get().offers()[i]);
                    offers[i] = same ? kept.get().offers()[i] : offer;
                }
                i++;
            }
            long revision = kept.isPresent() && Arrays.equals(offers, kept.get().offers())
                    ? kept.get().revision() : keptOffers.newRevision();
            kept = Optional.of(new KeptOffers.Priced(inputs, priced, offers, revision));
            keptOffers.keep(searched, kept.get());
        }
        List<Offer> bookable = new ArrayList<>();
        for (Offer offer : offers) {
            if (offer != null) {
                bookable.add(offer);
            }
        }
        return new StayOffers(bookable, kept.get().revision());
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

    private static StayPeriod stay(LocalDate arrival, int nights) {
        if (nights < 1 || nights > MAX_STAY_NIGHTS) {
            throw new InvalidInputException("nights", "booking.nights.range");
        }
        return StayPeriod.of(arrival, nights);
    }

    /** The offer of one accommodation for the stay to {@code party}, null when it is not bookable. */
    private Offer offer(PricingInputs pricing, Optional<GuestParty> party, StayPeriod stay, LocalDate today,
                        NightAvailability nightsLeft) {
        return pricing.listing().flatMap(listing -> quote(pricing, party, stay, today, nightsLeft)
                        .map(quote -> new Offer(listing.id(), listing.name(), listing.reference(), stay,
                                quote.accommodationPrice(), quote.struckOutPrice())))
                .orElse(null);
    }

    /** The quote of the smallest party the accommodation takes, if the stay can be booked. */
    private Optional<Quote> quote(PricingInputs pricing, StayPeriod stay, LocalDate today,
                                  NightAvailability nightsLeft) {
        return quote(pricing, smallestParty(pricing), stay, today, nightsLeft);
    }

    private Optional<Quote> quote(PricingInputs pricing, Optional<GuestParty> party, StayPeriod stay,
                                  LocalDate today, NightAvailability nightsLeft) {
        return party.flatMap(guests -> calculator.quote(new QuoteRequest(pricing.profile(), stay, guests, Map.of(),
                Optional.empty(), today, "fr"), pricing.catalog(),
                nightsLeft == null ? NightAvailability.open(0) : nightsLeft).quote());
    }

    /**
     * The smallest parties of one search: the accommodations of an account share its age ranges
     * and most their minimum capacity, and building a party for each of 500 of them was a tenth
     * of a search's allocations.
     */
    private static final class SmallestParties {
        private record Key(List<AgeRange> ageRanges, int capacityMin) {
        }

        private final Map<Key, Optional<GuestParty>> built = new HashMap<>();

        Optional<GuestParty> of(PricingInputs inputs) {
            return built.computeIfAbsent(new Key(inputs.ageRanges(), inputs.profile().capacityMin()),
                    key -> smallestParty(inputs));
        }
    }

    private static Optional<GuestParty> smallestParty(PricingInputs inputs) {
        return inputs.ageRanges().stream().filter(AgeRange::taxable).findFirst()
                .or(() -> inputs.ageRanges().stream().findFirst())
                .map(adult -> GuestParty.of(adult, Math.max(1, inputs.profile().capacityMin())));
    }
}
