package org.sejour.domain.model.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sejour.domain.model.pricing.Fixtures.LYON;
import static org.sejour.domain.model.pricing.Fixtures.STUDIO;
import static org.sejour.domain.model.pricing.Fixtures.date;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.domain.model.pricing.SupplementPrice.PeriodPrice;
import org.sejour.domain.model.shared.Money;

class SupplementTest {

    private static final Money ACCOMMODATION = Money.of("1125.00");

    private static Supplement optional(Supplement.Pricing pricing, SupplementPrice price) {
        return Fixtures.supplement(10, Supplement.Kind.OPTIONAL, "Ménage", pricing, price, true, 3);
    }

    @ParameterizedTest(name = "{0} {1} × {3} for {2} nights → {4}")
    @CsvSource({
            "FIXED,                    60.00, 7, 1, 60.00",
            "FIXED,                    15.00, 7, 2, 30.00",
            // Per day means per night of the stay: a week is 7 days.
            "PER_DAY,                  5.00,  7, 1, 35.00",
            "PER_DAY,                  5.00,  3, 2, 30.00",
            // Percentage of the accommodation price the guest pays (1125.00 here).
            "PERCENT_OF_ACCOMMODATION, 3,     7, 1, 33.75",
            "PERCENT_OF_ACCOMMODATION, 2.5,   7, 2, 56.26"
    })
    void pricesByItsPricing(Supplement.Pricing pricing, String value, int nights, int quantity, String expected) {
        Supplement supplement = optional(pricing, SupplementPrice.alwaysSame(value));
        assertEquals(Optional.of(Money.of(expected)),
                supplement.charge(date("2019-05-04"), nights, quantity, ACCOMMODATION));
    }

    @ParameterizedTest(name = "arrival {0} → {1}")
    @CsvSource({
            "2019-05-04, 40.00",
            "2019-07-06, 70.00",
            "2019-08-31, 70.00",
            "2019-09-07, 40.00"
    })
    void perPeriodPriceFollowsTheArrivalDay(String arrival, String expected) {
        Supplement cleaning = optional(Supplement.Pricing.FIXED,
                SupplementPrice.perPeriod("40.00", PeriodPrice.of("2019-07-01", "2019-08-31", "70.00")));
        assertEquals(Optional.of(Money.of(expected)), cleaning.charge(date(arrival), 7, 1, ACCOMMODATION));
    }

    @ParameterizedTest(name = "arrival {0} offered: {1}")
    @CsvSource({
            "2019-12-21, true",
            "2019-11-30, false",
            "2020-01-04, false"
    })
    void onlyInPeriodsIsNotOfferedOutsideThem(String arrival, boolean offered) {
        Supplement firewood = optional(Supplement.Pricing.FIXED,
                SupplementPrice.onlyInPeriods(PeriodPrice.of("2019-12-01", "2019-12-31", "25.00")));
        assertEquals(offered, firewood.isOfferedFor(STUDIO, date(arrival)));
        assertEquals(offered, firewood.charge(date(arrival), 7, 1, ACCOMMODATION).isPresent());
    }

    @Test
    void offeredOnlyForChosenAccommodations() {
        Supplement babyBed = new Supplement(11, Supplement.Kind.OPTIONAL, Map.of("fr", "Lit bébé"), Map.of(),
                Supplement.Pricing.PER_DAY, SupplementPrice.alwaysSame("5.00"), true, 1,
                AccommodationScope.only(LYON));
        assertFalse(babyBed.isOfferedFor(STUDIO, date("2019-05-04")));
        assertTrue(babyBed.isOfferedFor(LYON, date("2019-05-04")));
    }

    @ParameterizedTest(name = "label in {0} → {1}")
    @CsvSource({
            "fr, Ménage",
            "EN, Cleaning",
            "de, Ménage",
            "nl, Ménage"
    })
    void labelsFallBackToFrench(String language, String expected) {
        Supplement cleaning = new Supplement(10, Supplement.Kind.OPTIONAL,
                Map.of("fr", "Ménage", "en", "Cleaning", "nl", " "),
                Map.of("fr", "Ménage de fin de séjour"), Supplement.Pricing.FIXED,
                SupplementPrice.alwaysSame("60"), true, 1, AccommodationScope.all());
        assertEquals(expected, cleaning.label(language));
        assertEquals("Ménage de fin de séjour", cleaning.description(language));
    }

    @Test
    void rejectsInconsistentConfiguration() {
        IllegalArgumentException noFrench = assertThrows(IllegalArgumentException.class,
                () -> new Supplement(1, Supplement.Kind.MANDATORY, Map.of("en", "Fee"), Map.of(),
                        Supplement.Pricing.FIXED, SupplementPrice.alwaysSame("10"), true, 1, AccommodationScope.all()));
        assertEquals("a French label is required", noFrench.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> optional(Supplement.Pricing.PERCENT_OF_ACCOMMODATION, SupplementPrice.alwaysSame("150")));
        assertThrows(IllegalArgumentException.class,
                () -> Fixtures.supplement(1, Supplement.Kind.OPTIONAL, "x", Supplement.Pricing.FIXED,
                        SupplementPrice.alwaysSame("10"), true, 0));
        IllegalArgumentException noPeriods = assertThrows(IllegalArgumentException.class,
                () -> SupplementPrice.onlyInPeriods());
        assertEquals("ONLY_IN_PERIODS needs at least one period price", noPeriods.getMessage());
    }
}
