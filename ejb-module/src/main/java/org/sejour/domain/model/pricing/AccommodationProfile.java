package org.sejour.domain.model.pricing;

import java.util.Objects;

/** What pricing needs to know of an accommodation. */
public record AccommodationProfile(long id, Classification classification, int capacityMin, int capacityMax) {

    public AccommodationProfile {
        Objects.requireNonNull(classification, "classification is required");
        if (capacityMin < 1 || capacityMax < capacityMin) {
            throw new IllegalArgumentException(
                    "capacity must satisfy 1 ≤ min ≤ max, was " + capacityMin + "–" + capacityMax);
        }
    }
}
