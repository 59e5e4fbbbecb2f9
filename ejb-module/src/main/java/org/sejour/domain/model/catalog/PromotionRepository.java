package org.sejour.domain.model.catalog;

import java.util.List;
import java.util.Optional;

public interface PromotionRepository {

    CatalogPromotion store(CatalogPromotion promotion);

    Optional<CatalogPromotion> find(long accountId, long promotionId);

    List<CatalogPromotion> ofAccount(long accountId);

    /** The account's promotions for all accommodations or for this one. */
    List<CatalogPromotion> forAccommodation(long accountId, long accommodationId);

    void remove(CatalogPromotion promotion);
}
