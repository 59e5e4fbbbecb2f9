package org.sejour.domain.model.catalog;

import java.util.List;
import java.util.Optional;

public interface PromoCodeRepository {

    CatalogPromoCode store(CatalogPromoCode code);

    Optional<CatalogPromoCode> find(long accountId, long promoCodeId);

    Optional<CatalogPromoCode> findByCode(long accountId, String normalisedCode);

    List<CatalogPromoCode> search(long accountId, PromoCodeSearch search);

    /** The account's codes for all accommodations or for this one. */
    List<CatalogPromoCode> forAccommodation(long accountId, long accommodationId);

    List<CatalogPromoCode> ofAccount(long accountId);

    void remove(CatalogPromoCode code);
}
