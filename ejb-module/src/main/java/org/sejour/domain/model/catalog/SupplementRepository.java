package org.sejour.domain.model.catalog;

import java.util.List;
import java.util.Optional;

public interface SupplementRepository {

    CatalogSupplement store(CatalogSupplement supplement);

    Optional<CatalogSupplement> find(long accountId, long supplementId);

    List<CatalogSupplement> ofAccount(long accountId);

    /** The account's supplements for all accommodations or for this one, texts and periods included. */
    List<CatalogSupplement> forAccommodation(long accountId, long accommodationId);

    void remove(CatalogSupplement supplement);
}
