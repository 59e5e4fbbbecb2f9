package org.sejour.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.sejour.application.catalog.AgeRangeService;
import org.sejour.application.catalog.PricingCatalogLoader;
import org.sejour.application.catalog.PricingInputs;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.AccommodationRepository;
import org.sejour.domain.model.accommodation.BookableListing;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.account.AccountRepository;
import org.sejour.domain.model.catalog.AccountSalesTerms;
import org.sejour.domain.model.catalog.CatalogAgeRange;
import org.sejour.domain.model.catalog.CatalogPromoCode;
import org.sejour.domain.model.catalog.CatalogPromotion;
import org.sejour.domain.model.catalog.CatalogRate;
import org.sejour.domain.model.catalog.CatalogSupplement;
import org.sejour.domain.model.catalog.PromoCodeRepository;
import org.sejour.domain.model.catalog.PromotionRepository;
import org.sejour.domain.model.catalog.RateRepository;
import org.sejour.domain.model.catalog.SalesTermsRepository;
import org.sejour.domain.model.catalog.SupplementRepository;
import org.sejour.domain.model.catalog.TouristTaxRepository;
import org.sejour.domain.model.pricing.AccommodationProfile;
import org.sejour.domain.model.pricing.Classification;
import org.sejour.domain.model.pricing.PricingCatalog;
import org.sejour.domain.model.catalog.AccommodationTouristTax;
import org.sejour.domain.model.pricing.AgeRange;
import org.sejour.domain.model.pricing.PromoCode;
import org.sejour.domain.model.pricing.Promotion;
import org.sejour.domain.model.pricing.Rate;
import org.sejour.domain.model.pricing.SalesTerms;
import org.sejour.domain.model.pricing.Supplement;
import org.sejour.domain.model.shared.NotFoundException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads what prices an account's accommodations: their rates, the account's promotions, codes
 * and supplements, taxes and terms, with a fixed number of queries whatever their number, and
 * keeps them in {@link PricingCache} for as long as the account's catalog version stands.
 * A caller must not price after changing the catalog with native SQL in the same transaction:
 * the entities this transaction already holds would not show that change, and would be cached
 * under the version it made (BookingTransaction reads what it needs before spending a code).
 * For the same reason only the first read in a transaction is cached: a second one, after
 * another transaction committed a change, would meet the entities the first one left in this
 * persistence context, unchanged, and file them under the newer version.
 */
@Stateless
public class JpaPricingCatalogLoader implements PricingCatalogLoader {

    private static final String READ_IN_THIS_TRANSACTION = JpaPricingCatalogLoader.class.getName() + ".read";

    @PersistenceContext(unitName = "sejour")
    EntityManager em;
    @Resource
    TransactionSynchronizationRegistry transaction;
    @Inject
    PricingCache cache;

    @Inject
    AccommodationRepository accommodations;
    @Inject
    AccountRepository accounts;
    @Inject
    RateRepository rates;
    @Inject
    PromotionRepository promotions;
    @Inject
    PromoCodeRepository promoCodes;
    @Inject
    SupplementRepository supplements;
    @Inject
    TouristTaxRepository taxes;
    @Inject
    SalesTermsRepository terms;
    @Inject
    AgeRangeService ageRanges;

    @Override
    public PricingInputs load(long accountId, long accommodationId) {
        PricingInputs inputs = loadAll(accountId).get(accommodationId);
        if (inputs == null) {
            throw new NotFoundException("accommodation", accommodationId);
        }
        return inputs;
    }

    @Override
    public Map<Long, PricingInputs> loadAll(long accountId) {
        // the version first: inputs read after it are at least as new as what it stands for
        return loadAll(accountId, catalogVersion(accountId));
    }

    @Override
    public Map<Long, PricingInputs> loadAll(long accountId, UUID version) {
        Optional<Map<Long, PricingInputs>> cached = cache.get(accountId, version);
        if (cached.isPresent()) {
            return cached.get();
        }
        boolean inTransaction = transaction.getTransactionKey() != null;
        boolean firstRead = !inTransaction || transaction.getResource(READ_IN_THIS_TRANSACTION) == null;
        Map<Long, PricingInputs> inputs = read(accountId);
        if (!firstRead) {
            return inputs;
        }
        if (inTransaction) {
            transaction.putResource(READ_IN_THIS_TRANSACTION, Boolean.TRUE);
        }
        return cache.put(accountId, version, inputs);
    }

    private UUID catalogVersion(long accountId) {
        List<?> version = em.createNativeQuery("select catalog_version from account where id = ?1")
                .setParameter(1, accountId).getResultList();
        if (version.isEmpty()) {
            throw new NotFoundException("account", accountId);
        }
        return (UUID) version.get(0);
    }

    /** Ordered as the accommodations are listed, so that search results keep that order. */
    private Map<Long, PricingInputs> read(long accountId) {
        int minimumStay = accounts.find(accountId).orElseThrow(() -> new NotFoundException("account", accountId))
                .minStayNights();
        Map<Long, List<Rate>> ratesByAccommodation = rates.ofAccount(accountId).stream()
                .collect(Collectors.groupingBy(CatalogRate::accommodationId,
                        Collectors.mapping(CatalogRate::toPricing, Collectors.toList())));
        // account-wide lists: the calculator keeps, per accommodation, what is scoped to it
        List<Promotion> accountPromotions = promotions.ofAccount(accountId).stream()
                .map(CatalogPromotion::toPricing).toList();
        List<PromoCode> accountCodes = promoCodes.ofAccount(accountId).stream()
                .map(CatalogPromoCode::toPricing).toList();
        List<Supplement> accountSupplements = supplements.ofAccount(accountId).stream()
                .map(CatalogSupplement::toPricing).toList();
        Map<Long, AccommodationTouristTax> taxByAccommodation = taxes.ofAccount(accountId).stream()
                .collect(Collectors.toMap(AccommodationTouristTax::accommodationId, t -> t));
        SalesTerms salesTerms = terms.find(accountId).orElseGet(() -> AccountSalesTerms.defaultsFor(accountId))
                .toPricing(minimumStay);
        // read only: this runs on the replica too, where storing an account's default ranges would fail
        List<AgeRange> ranges = ageRanges.listForReading(accountId).stream().map(CatalogAgeRange::toPricing).toList();

        Map<Long, PricingInputs> inputs = new LinkedHashMap<>();
        for (Accommodation accommodation : accommodations.ofAccount(accountId)) {
            Classification classification = classificationOf(accommodation);
            AccommodationTouristTax tax = taxByAccommodation.get(accommodation.id());
            PricingCatalog catalog = new PricingCatalog(
                    ratesByAccommodation.getOrDefault(accommodation.id(), List.of()), accountPromotions,
                    accountCodes, accountSupplements,
                    Optional.ofNullable(tax).map(t -> t.toPricing(accommodation.city(), classification)), salesTerms);
            Optional<BookableListing> listing = accommodation.visibility() == Visibility.BOOKABLE
                    ? Optional.of(new BookableListing(accommodation.id(), accommodation.name(),
                    accommodation.reference()))
                    : Optional.empty();
            inputs.put(accommodation.id(), new PricingInputs(new AccommodationProfile(accommodation.id(),
                    classification, accommodation.capacityMin(), accommodation.capacityMax()), catalog, ranges,
                    listing));
        }
        return inputs;
    }

    /** The accommodation's star rating in pricing's terms; "non classé" is the unclassified rental. */
    static Classification classificationOf(Accommodation accommodation) {
        return switch (accommodation.classification()) {
            case NON_CLASSE -> Classification.UNCLASSIFIED;
            case ONE_STAR -> Classification.ONE_STAR;
            case TWO_STARS -> Classification.TWO_STARS;
            case THREE_STARS -> Classification.THREE_STARS;
            case FOUR_STARS -> Classification.FOUR_STARS;
            case FIVE_STARS -> Classification.FIVE_STARS;
        };
    }
}
