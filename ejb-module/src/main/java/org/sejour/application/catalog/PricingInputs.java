package org.sejour.application.catalog;

import org.sejour.domain.model.accommodation.BookableListing;
import org.sejour.domain.model.pricing.AccommodationProfile;
import org.sejour.domain.model.pricing.AgeRange;
import org.sejour.domain.model.pricing.PricingCatalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the quote calculator needs about one accommodation, read from the owner's
 * configuration: the accommodation's profile, the catalog (rates, promotions, codes,
 * supplements, tax, terms with the account's minimum stay) and the account's age ranges; and,
 * when it is open for online booking, what a search lists of it (cached with the rest, so that
 * a search does not read the accommodations again).
 */
public record PricingInputs(AccommodationProfile profile, PricingCatalog catalog, List<AgeRange> ageRanges,
                            Optional<BookableListing> listing) {

    public PricingInputs {
        Objects.requireNonNull(profile, "profile is required");
        Objects.requireNonNull(catalog, "catalog is required");
        ageRanges = List.copyOf(Objects.requireNonNull(ageRanges, "age ranges are required"));
        Objects.requireNonNull(listing, "listing is required, empty when not bookable");
    }
}
