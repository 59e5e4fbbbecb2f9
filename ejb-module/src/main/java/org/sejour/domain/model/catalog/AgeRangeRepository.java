package org.sejour.domain.model.catalog;

import java.util.List;
import java.util.Optional;

public interface AgeRangeRepository {

    CatalogAgeRange store(CatalogAgeRange range);

    Optional<CatalogAgeRange> find(long accountId, long ageRangeId);

    /** In the owner's order. */
    List<CatalogAgeRange> ofAccount(long accountId);

    void remove(CatalogAgeRange range);
}
