package org.sejour.domain.model.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sejour.domain.model.pricing.Fixtures.LYON;
import static org.sejour.domain.model.pricing.Fixtures.STUDIO;
import static org.sejour.domain.model.pricing.Fixtures.date;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sejour.domain.model.shared.DateRange;
import org.sejour.domain.model.shared.Percentage;
import org.sejour.domain.model.shared.StayPeriod;

class PromoCodeTest {

    private static PromoCode code(PromoCode.Usage usage, int usageCount, AccommodationScope accommodations,
                                  StayScope stays) {
        return new PromoCode("NOEL2019", "Promotion Noël 2019", "Promotion Noël 2019", usage,
                DateRange.of("2019-09-01", "2019-12-01"), Percentage.of(25), accommodations, stays, usageCount);
    }

    @ParameterizedTest(name = "typed ''{0}'' matches NOEL2019")
    @ValueSource(strings = {"NOEL2019", "noel2019", " Noel2019 "})
    void typedCodesAreNormalisedToUpperCase(String typed) {
        assertTrue(Fixtures.noel2019().matches(typed));
    }

    @ParameterizedTest(name = "''{0}'' is not a valid code")
    @ValueSource(strings = {"NOEL-2019", "NOËL2019", "", "ABCDEFGHIJKLMNOPQRSTU"})
    void codesAreLettersAndDigitsOnly(String code) {
        assertThrows(IllegalArgumentException.class, () -> new PromoCode(code, "x", "x", PromoCode.Usage.MULTIPLE,
                DateRange.of("2019-09-01", "2019-12-01"), Percentage.of(10), AccommodationScope.all(),
                StayScope.all(), 0));
    }

    @ParameterizedTest(name = "{0} used {1} times: spent {2}")
    @CsvSource({
            "SINGLE,   0, false",
            "SINGLE,   1, true",
            "MULTIPLE, 0, false",
            "MULTIPLE, 5, false"
    })
    void singleUseCodesAreSpentAfterOneBooking(PromoCode.Usage usage, int count, boolean spent) {
        assertEquals(spent, code(usage, count, AccommodationScope.all(), StayScope.all()).isSpent());
    }

    @Test
    void recordingAUseCountsItAndSpendsASingleUseCode() {
        PromoCode used = Fixtures.noel2019().recordUse();
        assertEquals(1, used.usageCount());
        assertTrue(used.isSpent());
        assertFalse(Fixtures.noel2019().isSpent());
    }

    @ParameterizedTest(name = "booked {0} for {1}, accommodation {2} → {3}")
    @CsvSource({
            // The usage period is about the booking date, both ends included.
            "2019-09-01, 2019-12-21, 1, ",
            "2019-12-01, 2019-12-21, 1, ",
            "2019-08-31, 2019-12-21, 1, OUTSIDE_USAGE_PERIOD",
            "2019-12-02, 2019-12-21, 1, OUTSIDE_USAGE_PERIOD",
            "2019-11-15, 2019-12-21, 4, EXCLUDED_ACCOMMODATION",
            "2019-11-15, 2020-01-04, 1, EXCLUDED_STAY"
    })
    void saysWhyItDoesNotApply(String booked, String arrival, long accommodationId, PromoCodeRejection expected) {
        PromoCode code = code(PromoCode.Usage.SINGLE, 0, AccommodationScope.only(STUDIO),
                StayScope.only(DateRange.of("2019-12-14", "2019-12-31")));
        assertEquals(Optional.ofNullable(expected),
                code.rejectionFor(accommodationId, StayPeriod.of(date(arrival), 7), date(booked)));
    }

    @Test
    void aSpentCodeIsRejectedFirst() {
        PromoCode spent = code(PromoCode.Usage.SINGLE, 1, AccommodationScope.only(LYON), StayScope.all());
        assertEquals(Optional.of(PromoCodeRejection.SPENT),
                spent.rejectionFor(STUDIO, StayPeriod.of(date("2019-12-21"), 7), date("2020-01-10")));
    }
}
