package org.sejour.domain.model.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sejour.domain.model.pricing.Fixtures.STUDIO;
import static org.sejour.domain.model.pricing.Fixtures.date;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.domain.model.shared.DateRange;
import org.sejour.domain.model.shared.Percentage;
import org.sejour.domain.model.shared.StayPeriod;

class PromotionTest {

    private static final StayPeriod WEEK = StayPeriod.of(LocalDate.parse("2019-05-18"), 7);

    @ParameterizedTest(name = "{0} {1} days, booked {2} → {3}")
    @CsvSource({
            // Last minute: strictly less than N days before arrival.
            "LAST_MINUTE,   7,  2019-05-12, true",
            "LAST_MINUTE,   7,  2019-05-11, false",
            "LAST_MINUTE,   7,  2019-05-18, true",
            // Early booking: strictly more than N days before arrival.
            "EARLY_BOOKING, 60, 2019-03-18, true",
            "EARLY_BOOKING, 60, 2019-03-19, false",
            "EARLY_BOOKING, 60, 2019-05-01, false"
    })
    void dependsOnDaysBetweenBookingAndArrival(Promotion.Kind kind, int days, String booked, boolean expected) {
        Promotion promotion = new Promotion("Promo", kind, days, Percentage.of(10),
                AccommodationScope.all(), StayScope.all());
        assertEquals(expected, promotion.appliesTo(STUDIO, WEEK, date(booked)));
    }

    @ParameterizedTest(name = "accommodation {0}, stays from {1} → {2}")
    @CsvSource({
            "1, 2019-05-01, true",
            "4, 2019-05-01, false",
            "1, 2019-06-01, false"
    })
    void onlyOnChosenAccommodationsAndStays(long accommodationId, String periodStart, boolean expected) {
        Promotion promotion = new Promotion("Printemps", Promotion.Kind.LAST_MINUTE, 7, Percentage.of(10),
                AccommodationScope.only(STUDIO), StayScope.only(DateRange.of(LocalDate.parse(periodStart),
                LocalDate.parse(periodStart).plusDays(30))));
        assertEquals(expected, promotion.appliesTo(accommodationId, WEEK, date("2019-05-15")));
    }

    @Test
    void rejectsAZeroPercentage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Promotion("Promo",
                Promotion.Kind.LAST_MINUTE, 7, Percentage.ZERO, AccommodationScope.all(), StayScope.all()));
        assertEquals("a promotion percentage must be positive", e.getMessage());
    }
}
