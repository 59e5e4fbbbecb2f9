package org.sejour.domain.model.catalog;

import java.util.Optional;

/** Tax rows of an accommodation the caller has already checked belongs to the account. */
public interface TouristTaxRepository {

    Optional<AccommodationTouristTax> find(long accommodationId);

    AccommodationTouristTax store(AccommodationTouristTax tax);

    /** The taxes of every accommodation of the account. */
    java.util.List<AccommodationTouristTax> ofAccount(long accountId);

    void remove(AccommodationTouristTax tax);
}
