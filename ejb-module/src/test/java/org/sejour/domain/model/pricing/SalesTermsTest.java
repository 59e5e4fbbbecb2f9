package org.sejour.domain.model.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sejour.domain.model.pricing.Fixtures.date;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.domain.model.shared.Percentage;

class SalesTermsTest {

    private static SalesTerms terms() {
        return new SalesTerms(SalesTerms.DepositType.ACOMPTE, Percentage.of(30),
                List.of(new SalesTerms.ProximityRule(30, Percentage.of(50)),
                        new SalesTerms.ProximityRule(7, Percentage.FULL)),
                7, 30, 2, 0);
    }

    @ParameterizedTest(name = "booked {0}, arrival 2019-05-04 → {1} %")
    @CsvSource({
            "2019-05-04, 100",
            "2019-04-28, 100",
            "2019-04-27, 50",
            "2019-04-05, 50",
            "2019-04-04, 30",
            "2019-01-10, 30"
    })
    void depositPercentageDependsOnHowSoonTheStayStarts(String booked, int percent) {
        assertEquals(Percentage.of(percent), terms().depositPercentageFor(date(booked), date("2019-05-04")));
    }

    @ParameterizedTest(name = "booked {0}, arrival 2019-05-04 → deposit by {1}, balance by {2}")
    @CsvSource({
            "2019-01-10, 2019-01-17, 2019-04-04",
            "2019-03-30, 2019-04-04, 2019-04-04",
            "2019-04-04, 2019-04-04, 2019-04-04",
            // Balance date already past when booking: both are due now.
            "2019-04-20, 2019-04-20, 2019-04-20",
            "2019-05-04, 2019-05-04, 2019-05-04"
    })
    void dueDatesNeverPrecedeTheBookingNorInvertDepositAndBalance(String booked, String depositDue, String balanceDue) {
        assertEquals(date(depositDue), terms().depositDueDate(date(booked), date("2019-05-04")));
        assertEquals(date(balanceDue), terms().balanceDueDate(date(booked), date("2019-05-04")));
    }

    @Test
    void rejectsImpossibleTerms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SalesTerms(SalesTerms.DepositType.ARRHES, Percentage.of(30), List.of(), 7, 30, 0, 0));
        assertEquals("minimum stay must be at least 1 night, was 0", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new SalesTerms(SalesTerms.DepositType.ARRHES, Percentage.of(30), List.of(), -1, 30, 1, 0));
        NullPointerException npe = assertThrows(NullPointerException.class,
                () -> new SalesTerms(null, Percentage.of(30), List.of(), 7, 30, 1, 0));
        assertEquals("deposit type is required", npe.getMessage());
    }
}
