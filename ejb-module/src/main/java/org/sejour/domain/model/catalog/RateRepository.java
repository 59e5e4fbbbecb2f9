package org.sejour.domain.model.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Every method takes the owner's account: a rate is only ever read within it. */
public interface RateRepository {

    CatalogRate store(CatalogRate rate);

    Optional<CatalogRate> find(long accountId, long rateId);

    /** The accommodation's rates with a period sharing a day with {@code first … last}. */
    List<CatalogRate> overlapping(long accountId, long accommodationId, LocalDate first, LocalDate last);

    /** All the accommodation's rates, periods included, in a fixed number of queries. */
    List<CatalogRate> ofAccommodation(long accountId, long accommodationId);

    /** Every rate of the account, for pricing all its accommodations at once (availability search). */
    List<CatalogRate> ofAccount(long accountId);

    void remove(CatalogRate rate);
}
