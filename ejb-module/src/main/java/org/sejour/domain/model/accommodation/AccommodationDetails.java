package org.sejour.domain.model.accommodation;

import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.InvalidInputException.Violation;
import org.sejour.domain.model.shared.TranslatedText;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything an owner describes about an accommodation. The checks here are the rules of
 * SPEC §3; each broken rule names its field so the form can show it where it belongs.
 */
public record AccommodationDetails(
        String name,
        boolean stockManaged,
        AccommodationType type,
        Classification classification,
        String residence,
        String address,
        String postalCode,
        String city,
        GpsPosition gps,
        Integer altitude,
        int capacityMin,
        int capacityMax,
        BigDecimal surface,
        Integer floor,
        Orientation orientation,
        BigDecimal securityDeposit,
        Visibility visibility,
        TranslatedText description,
        Set<Amenity> amenities) {

    public static final int MAX_CAPACITY = 200;
    public static final int MAX_NAME = 120;
    public static final int MAX_DESCRIPTION = 20000;

    public AccommodationDetails {
        name = strip(name);
        residence = blankToNull(residence);
        address = strip(address);
        postalCode = blankToNull(postalCode);
        city = strip(city);
        description = description == null ? TranslatedText.empty() : description;
        amenities = amenities == null || amenities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(amenities));
        visibility = visibility == null ? Visibility.HIDDEN : visibility;

        List<Violation> violations = new ArrayList<>();
        if (name.isEmpty()) {
            violations.add(new Violation("name", "accommodation.name.required"));
        } else if (name.length() > MAX_NAME) {
            violations.add(new Violation("name", "accommodation.name.tooLong"));
        }
        if (type == null) {
            violations.add(new Violation("type", "accommodation.type.required"));
        }
        if (classification == null) {
            violations.add(new Violation("classification", "accommodation.classification.required"));
        }
        if (address.isEmpty()) {
            violations.add(new Violation("address", "accommodation.address.required"));
        }
        if (city.isEmpty()) {
            violations.add(new Violation("city", "accommodation.city.required"));
        }
        if (capacityMin < 1) {
            violations.add(new Violation("capacityMin", "accommodation.capacityMin.positive"));
        }
        if (capacityMax > MAX_CAPACITY) {
            violations.add(new Violation("capacityMax", "accommodation.capacityMax.tooLarge"));
        }
        if (capacityMin > capacityMax) {
            violations.add(new Violation("capacityMax", "accommodation.capacity.range"));
        }
        if (surface != null && surface.signum() <= 0) {
            violations.add(new Violation("surface", "accommodation.surface.positive"));
        }
        if (altitude != null && (altitude < -500 || altitude > 9000)) {
            violations.add(new Violation("altitude", "accommodation.altitude.range"));
        }
        if (floor != null && (floor < -5 || floor > 200)) {
            violations.add(new Violation("floor", "accommodation.floor.range"));
        }
        if (securityDeposit != null && securityDeposit.signum() < 0) {
            violations.add(new Violation("securityDeposit", "accommodation.securityDeposit.positive"));
        }
        if (description.asMap().values().stream().anyMatch(text -> text.length() > MAX_DESCRIPTION)) {
            violations.add(new Violation("description", "accommodation.description.tooLong"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
