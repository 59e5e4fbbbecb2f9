package org.sejour.domain.model.accommodation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.TranslatedText;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccommodationDetailsTest {

    static AccommodationDetails details(String name, int min, int max, String surface, Integer altitude,
                                        String deposit) {
        return new AccommodationDetails(name, false, AccommodationType.GITE, Classification.THREE_STARS, null,
                "1 route du col", "38000", "Grenoble", null, altitude, min, max,
                surface == null ? null : new BigDecimal(surface), 1, Orientation.SOUTH,
                deposit == null ? null : new BigDecimal(deposit), Visibility.BOOKABLE,
                TranslatedText.of(Map.of(Language.FR, "Beau gîte")), Set.of(Amenity.POOL));
    }

    @ParameterizedTest(name = "{0}: min {1} max {2} surface {3} altitude {4} deposit {5} → {6} {7}")
    @CsvSource({
            "'',   1, 4, 50,  ,     , name,            accommodation.name.required",
            "Gîte, 0, 4, 50,  ,     , capacityMin,     accommodation.capacityMin.positive",
            "Gîte, 5, 2, 50,  ,     , capacityMax,     accommodation.capacity.range",
            "Gîte, 1, 201, 50, ,    , capacityMax,     accommodation.capacityMax.tooLarge",
            "Gîte, 1, 4, 0,   ,     , surface,         accommodation.surface.positive",
            "Gîte, 1, 4, -3,  ,     , surface,         accommodation.surface.positive",
            "Gîte, 1, 4, 50, 9001,  , altitude,        accommodation.altitude.range",
            "Gîte, 1, 4, 50,  , -1, securityDeposit,   accommodation.securityDeposit.positive",
    })
    void rejectsEachBrokenRuleOnItsField(String name, int min, int max, String surface, Integer altitude,
                                         String deposit, String field, String key) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> details(name, min, max, surface, altitude, deposit));
        assertEquals(List.of(new InvalidInputException.Violation(field, key)), e.violations());
    }

    @Test
    void acceptsAValidAccommodationAndTrimsIt() {
        AccommodationDetails d = details("  Le studio parisien ", 1, 4, "28.50", 35, "300.00");
        assertEquals("Le studio parisien", d.name());
        assertEquals(4, d.capacityMax());
        assertEquals(Set.of(Amenity.POOL), d.amenities());
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> details("", 3, 2, "0", null, null));
        assertEquals(List.of("name", "capacityMax", "surface"),
                e.violations().stream().map(InvalidInputException.Violation::field).toList());
    }

    @Test
    void gpsMustBeOnEarth() {
        assertThrows(IllegalArgumentException.class, () -> new GpsPosition(new BigDecimal("91"), BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new GpsPosition(BigDecimal.ZERO, new BigDecimal("-180.5")));
        assertEquals(new BigDecimal("45.188529"), new GpsPosition(new BigDecimal("45.188529"), BigDecimal.ONE).latitude());
    }
}
