package org.sejour.domain.model.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StayPeriodTest {

    private static StayPeriod stay(String arrival, String departure) {
        return new StayPeriod(LocalDate.parse(arrival), LocalDate.parse(departure));
    }

    @Test
    void aSaturdayToSaturdayWeekIsSevenNights() {
        StayPeriod week = StayPeriod.of(LocalDate.parse("2019-05-04"), 7);
        assertEquals(LocalDate.parse("2019-05-11"), week.departure());
        assertEquals(7, week.nights());
        assertEquals(LocalDate.parse("2019-05-10"), week.lastNight());
    }

    @ParameterizedTest(name = "night of {0} in the week from 4 May: {1}")
    @CsvSource({
            "2019-05-03, false",
            "2019-05-04, true",
            "2019-05-10, true",
            "2019-05-11, false"
    })
    void containsArrivalButNotDeparture(String date, boolean expected) {
        assertEquals(expected, stay("2019-05-04", "2019-05-11").contains(LocalDate.parse(date)));
    }

    @ParameterizedTest(name = "{0}→{1} overlaps {2}→{3}: {4}")
    @CsvSource({
            "2019-05-04, 2019-05-11, 2019-05-11, 2019-05-18, false",
            "2019-05-11, 2019-05-18, 2019-05-04, 2019-05-11, false",
            "2019-05-04, 2019-05-11, 2019-05-10, 2019-05-12, true",
            "2019-05-04, 2019-05-11, 2019-05-05, 2019-05-06, true",
            "2019-05-04, 2019-05-11, 2019-05-01, 2019-05-04, false"
    })
    void backToBackStaysDoNotOverlap(String a1, String d1, String a2, String d2, boolean expected) {
        assertEquals(expected, stay(a1, d1).overlaps(stay(a2, d2)));
    }

    @Test
    void listsEachNightInOrder() {
        List<LocalDate> nights = stay("2019-05-30", "2019-06-02").eachNight().collect(Collectors.toList());
        assertEquals(List.of(LocalDate.parse("2019-05-30"), LocalDate.parse("2019-05-31"),
                LocalDate.parse("2019-06-01")), nights);
    }

    @Test
    void rejectsEmptyOrReversedStays() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> stay("2019-05-04", "2019-05-04"));
        assertEquals("departure must be after arrival, was 2019-05-04 → 2019-05-04", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StayPeriod.of(LocalDate.parse("2019-05-04"), 0));
        NullPointerException npe = assertThrows(NullPointerException.class,
                () -> new StayPeriod(null, LocalDate.parse("2019-05-04")));
        assertEquals("arrival is required", npe.getMessage());
    }
}
