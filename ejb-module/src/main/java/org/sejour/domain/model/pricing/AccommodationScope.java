package org.sejour.domain.model.pricing;

import java.util.Objects;
import java.util.Set;

/**
 * Which accommodations a promotion, promo code or supplement is for: all of the
 * owner's accommodations (also those created later), or a chosen selection.
 */
public record AccommodationScope(boolean allAccommodations, Set<Long> accommodationIds) {

    public AccommodationScope {
        Objects.requireNonNull(accommodationIds, "accommodation ids are required");
        accommodationIds = Set.copyOf(accommodationIds);
        if (allAccommodations && !accommodationIds.isEmpty()) {
            throw new IllegalArgumentException("a scope of all accommodations lists no ids");
        }
        if (!allAccommodations && accommodationIds.isEmpty()) {
            throw new IllegalArgumentException("a selection of accommodations needs at least one id");
        }
    }

    public static AccommodationScope all() {
        return new AccommodationScope(true, Set.of());
    }

    public static AccommodationScope only(Long... accommodationIds) {
        return new AccommodationScope(false, Set.of(accommodationIds));
    }

    public static AccommodationScope only(Set<Long> accommodationIds) {
        return new AccommodationScope(false, accommodationIds);
    }

    public boolean includes(long accommodationId) {
        return allAccommodations || accommodationIds.contains(accommodationId);
    }
}
