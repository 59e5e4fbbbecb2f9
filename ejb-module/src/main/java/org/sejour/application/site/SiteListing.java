package org.sejour.application.site;

import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Amenity;
import org.sejour.domain.model.accommodation.Classification;
import org.sejour.domain.model.accommodation.GpsPosition;
import org.sejour.domain.model.shared.TranslatedText;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a guest sees of an accommodation open for online booking: its public fields only. */
public record SiteListing(long id, String reference, String name, AccommodationType type,
                          Classification classification, String postalCode, String city, int capacityMin,
                          int capacityMax, BigDecimal surface, TranslatedText description, Set<Amenity> amenities,
                          List<Long> photoIds, Optional<GpsPosition> gps) implements Serializable {
}
