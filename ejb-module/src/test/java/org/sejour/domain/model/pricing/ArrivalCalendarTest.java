package org.sejour.domain.model.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sejour.domain.model.pricing.Fixtures.STUDIO;
import static org.sejour.domain.model.pricing.Fixtures.date;

import java.time.DayOfWeek;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.domain.model.shared.DateRange;
import org.sejour.domain.model.shared.Money;

class ArrivalCalendarTest {

    /** The tutorial's grid plus a Friday 3-night weekend at 250 € discounted by 50 €. */
    private static RateTable mayRates() {
        List<Rate> rates = new ArrayList<>(Fixtures.tutorialRates());
        rates.add(Rate.of(STUDIO, DateRange.of("2019-05-01", "2019-06-01"), 3, Set.of(DayOfWeek.FRIDAY),
                Money.of("250.00")).withDiscount(RateDiscount.amount("50.00")));
        return RateTable.of(STUDIO, rates);
    }

    /** "2019-05-03 3n 200.00 (250.00)" per option, for readable table assertions. */
    private static List<String> show(List<ArrivalCalendar.ArrivalDay> days) {
        return days.stream().flatMap(day -> day.options().stream().map(o -> day.date() + " " + o.nights() + "n "
                + o.price().amount().toPlainString()
                + o.wasPrice().map(was -> " (" + was.amount().toPlainString() + ")").orElse("")))
                .collect(Collectors.toList());
    }

    @Test
    void theTutorialsDecemberWidgetShowsSaturdayWeeksAt350() {
        RateTable december = RateTable.of(STUDIO, List.of(
                Fixtures.weekRate("2018-12-01", "2018-12-31", "350.00")));
        assertEquals(List.of("2018-12-01 7n 350.00", "2018-12-08 7n 350.00", "2018-12-15 7n 350.00",
                        "2018-12-22 7n 350.00", "2018-12-29 7n 350.00"),
                show(ArrivalCalendar.fromRates(december, YearMonth.of(2018, 12))));
    }

    @Test
    void listsEveryArrivalDayOfTheMonthWithItsStayOptions() {
        assertEquals(List.of(
                        "2019-05-03 3n 200.00 (250.00)",
                        "2019-05-04 7n 500.00",
                        "2019-05-10 3n 200.00 (250.00)",
                        "2019-05-11 7n 500.00",
                        "2019-05-17 3n 200.00 (250.00)",
                        "2019-05-18 7n 500.00",
                        "2019-05-24 3n 200.00 (250.00)",
                        "2019-05-25 7n 500.00",
                        "2019-05-31 3n 200.00 (250.00)"),
                show(ArrivalCalendar.fromRates(mayRates(), YearMonth.of(2019, 5))));
    }

    @Test
    void aDayWithSeveralLengthsListsThemShortestFirst() {
        List<Rate> rates = new ArrayList<>(Fixtures.tutorialRates());
        rates.add(Rate.of(STUDIO, DateRange.of("2019-06-01", "2019-06-30"), 2, Set.of(DayOfWeek.SATURDAY),
                Money.of("180.00")));
        List<ArrivalCalendar.ArrivalDay> june = ArrivalCalendar.fromRates(RateTable.of(STUDIO, rates),
                YearMonth.of(2019, 6));
        assertEquals(List.of("2019-06-01 2n 180.00", "2019-06-01 7n 800.00"), show(june).subList(0, 2));
        assertEquals(date("2019-06-03"), june.get(0).options().get(0).stay().departure());
    }

    @ParameterizedTest(name = "booked {0}, lead {1} days, minimum {2} nights → {3}")
    @CsvSource(delimiter = '|', value = {
            // Lead time 10 days from 1 May; stock 0 on 20 May; sales ban on 31 May.
            "2019-05-01 | 10 | 1 | 2019-05-11 7n 500.00, 2019-05-17 3n 200.00 (250.00), 2019-05-24 3n 200.00 (250.00)",
            // Minimum stay of 7 nights keeps the weeks only.
            "2019-04-01 | 0  | 7 | 2019-05-04 7n 500.00, 2019-05-11 7n 500.00",
    })
    void bookableDaysFollowTheSameRulesAsTheQuote(String booked, int leadTime, int minimumStay, String expected) {
        NightAvailability planning = night -> new NightAvailability.NightStatus(
                night.equals(date("2019-05-20")) ? 0 : 1, night.equals(date("2019-05-31")));
        List<ArrivalCalendar.ArrivalDay> days = ArrivalCalendar.bookable(mayRates(), YearMonth.of(2019, 5), planning,
                Fixtures.terms(minimumStay, leadTime), date(booked));
        assertEquals(List.of(expected.split(", ")), show(days));
    }

    @Test
    void aMonthWithoutRatesHasNoArrivalDays() {
        assertEquals(List.of(), ArrivalCalendar.fromRates(mayRates(), YearMonth.of(2019, 11)));
    }
}
