package org.sejour.domain.model.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateRangeTest {

    @ParameterizedTest(name = "1 May–1 June 2019 contains {0}: {1}")
    @CsvSource({
            "2019-04-30, false",
            "2019-05-01, true",
            "2019-06-01, true",
            "2019-06-02, false"
    })
    void bothEndsAreIncluded(String date, boolean expected) {
        assertEquals(expected, DateRange.of("2019-05-01", "2019-06-01").contains(LocalDate.parse(date)));
    }

    @ParameterizedTest(name = "stay {0} + {1} nights within 1–31 May: {2}")
    @CsvSource({
            "2019-05-25, 7, true",
            "2019-05-26, 7, false",
            "2019-04-30, 2, false"
    })
    void containsAllNightsOfAStayUpToItsLastNight(String arrival, int nights, boolean expected) {
        assertEquals(expected, DateRange.of("2019-05-01", "2019-05-31")
                .containsAllNightsOf(StayPeriod.of(LocalDate.parse(arrival), nights)));
    }

    @Test
    void countsDaysInclusively() {
        assertEquals(32, DateRange.of("2019-05-01", "2019-06-01").days());
        assertEquals(1, DateRange.of("2019-05-01", "2019-05-01").days());
    }

    @Test
    void rejectsReversedRanges() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DateRange.of("2019-06-01", "2019-05-01"));
        assertEquals("last day must not be before first day, was 2019-06-01 … 2019-05-01", e.getMessage());
    }
}
