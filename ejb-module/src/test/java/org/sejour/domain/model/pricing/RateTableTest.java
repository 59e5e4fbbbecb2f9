package org.sejour.domain.model.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sejour.domain.model.pricing.Fixtures.STUDIO;
import static org.sejour.domain.model.pricing.Fixtures.date;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.domain.model.shared.DateRange;
import org.sejour.domain.model.shared.Money;

class RateTableTest {

    @ParameterizedTest(name = "{0} for {1} nights → {2}")
    @CsvSource({
            // The tutorial: Saturday-to-Saturday weeks between 1 May and 1 June 2019 at 500 €.
            "2019-05-04, 7, 500.00",
            "2019-05-11, 7, 500.00",
            "2019-05-18, 7, 500.00",
            "2019-05-25, 7, 500.00",
            // 1 June is in both grids' periods: the period starting latest (high season) wins.
            "2019-06-01, 7, 800.00",
            // Across two rate periods: the arrival day decides, the whole week is high season.
            "2019-08-31, 7, 800.00",
            "2019-09-07, 7, 500.00",
            "2019-09-28, 7, 500.00"
    })
    void theRateOfTheArrivalDayPricesTheWholeStay(String arrival, int nights, String price) {
        RateTable table = RateTable.of(STUDIO, Fixtures.tutorialRates());
        assertEquals(Optional.of(Money.of(price)), table.find(date(arrival), nights).map(Rate::price));
    }

    @ParameterizedTest(name = "{0} for {1} nights → {2}")
    @CsvSource({
            "2019-05-05, 7,  ARRIVAL_WEEKDAY_NOT_ALLOWED",
            "2019-05-03, 7,  ARRIVAL_WEEKDAY_NOT_ALLOWED",
            "2019-04-27, 7,  NO_RATE_FOR_ARRIVAL_AND_LENGTH",
            "2019-10-05, 7,  NO_RATE_FOR_ARRIVAL_AND_LENGTH",
            "2019-05-04, 14, NO_RATE_FOR_ARRIVAL_AND_LENGTH",
            "2019-05-04, 6,  NO_RATE_FOR_ARRIVAL_AND_LENGTH"
    })
    void saysWhyThereIsNoRate(String arrival, int nights, UnbookableReason reason) {
        RateTable table = RateTable.of(STUDIO, Fixtures.tutorialRates());
        assertTrue(table.find(date(arrival), nights).isEmpty());
        assertEquals(reason, table.whyNoRate(date(arrival), nights));
    }

    @Test
    void periodEndIsAnArrivalDayToo() {
        RateTable lowOnly = RateTable.of(STUDIO, List.of(Fixtures.weekRate("2019-05-01", "2019-06-01", "500.00")));
        assertEquals(Optional.of(Money.of("500.00")), lowOnly.find(date("2019-06-01"), 7).map(Rate::price));
    }

    @Test
    void onSamePeriodTheShorterPeriodThenTheLowerPriceWins() {
        RateTable table = RateTable.of(STUDIO, List.of(
                Fixtures.weekRate("2019-05-01", "2019-06-30", "700.00"),
                Fixtures.weekRate("2019-05-01", "2019-05-31", "650.00"),
                Fixtures.weekRate("2019-05-01", "2019-05-31", "600.00")));
        assertEquals(Optional.of(Money.of("600.00")), table.find(date("2019-05-04"), 7).map(Rate::price));
    }

    @Test
    void ignoresOtherAccommodationsRates() {
        Rate lyon = Rate.of(Fixtures.LYON, DateRange.of("2019-05-01", "2019-06-01"), 7,
                Set.of(DayOfWeek.SATURDAY), Money.of("300.00"));
        RateTable table = RateTable.of(STUDIO, List.of(lyon));
        assertTrue(table.rates().isEmpty());
        assertEquals(Optional.empty(), table.find(date("2019-05-04"), 7));
    }

    @ParameterizedTest(name = "{0} off 1000.00 → {1}, struck-out price stays 1000.00")
    @CsvSource({
            "amount,  100.00, 900.00",
            "percent, 10,     900.00",
            "amount,  1500,   0.00",
            "percent, 12.5,   875.00"
    })
    void aDiscountLowersThePriceAndKeepsTheWasPrice(String kind, String value, String discounted) {
        RateDiscount discount = kind.equals("amount") ? RateDiscount.amount(value) : RateDiscount.percent(value);
        Rate rate = Fixtures.weekRate("2019-05-01", "2019-06-01", "1000.00").withDiscount(discount);
        assertEquals(Money.of(discounted), rate.discountedPrice());
        assertEquals(Money.of("1000.00"), rate.price());
    }

    @Test
    void stayLengthsAreListedShortestFirst() {
        Rate weekend = Rate.of(STUDIO, DateRange.of("2019-05-01", "2019-06-01"), 2,
                Set.of(DayOfWeek.FRIDAY), Money.of("150.00"));
        RateTable table = RateTable.of(STUDIO, List.of(Fixtures.weekRate("2019-05-01", "2019-06-01", "500"), weekend));
        assertEquals(List.of(2, 7), List.copyOf(table.stayLengths()));
    }
}
