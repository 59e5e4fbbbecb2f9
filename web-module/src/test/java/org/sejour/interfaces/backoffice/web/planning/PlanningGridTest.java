package org.sejour.interfaces.backoffice.web.planning;

import org.junit.jupiter.api.Test;
import org.sejour.application.planning.PlanningView;
import org.sejour.application.planning.PlanningView.AccommodationPlan;
import org.sejour.application.planning.PlanningView.BookingSpan;
import org.sejour.application.planning.PlanningView.ChannelSpan;
import org.sejour.application.planning.PlanningView.RateSpan;
import org.sejour.application.planning.PlanningView.SalesBanSpan;
import org.sejour.application.planning.PlanningView.StockNight;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.interfaces.backoffice.web.planning.PlanningGrid.BookingCell;
import org.sejour.interfaces.backoffice.web.planning.PlanningGrid.ChannelCell;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanningGridTest {

    // Monday 3 May 2027 … Sunday 9 May 2027
    static final LocalDate MONDAY = LocalDate.of(2027, 5, 3);
    static final LocalDate SUNDAY = MONDAY.plusDays(6);

    private static BookingSpan stay(long id, String guest, LocalDate arrival, int nights) {
        return new BookingSpan(id, (int) id, DossierStatus.CONFIRMED, guest, arrival, arrival.plusDays(nights));
    }

    private static PlanningGrid grid(List<BookingSpan> bookings, List<RateSpan> rates, List<StockNight> stock,
                                     List<SalesBanSpan> bans) {
        return PlanningGrid.of(new PlanningView(MONDAY, SUNDAY, List.of(new AccommodationPlan(1, "OSMB-1", "Gîte",
                Visibility.BOOKABLE, true, bookings, rates, stock, bans))), MONDAY.plusDays(2));
    }

    @Test
    void aStaySpansItsNightsAndEmptyDaysAreSingleCells() {
        BookingSpan martin = stay(1, "MARTIN Claude", MONDAY.plusDays(2), 3); // Wed, Thu, Fri nights
        List<BookingCell> lane = grid(List.of(martin), List.of(), List.of(), List.of()).getBlocks().get(0).lanes().get(0);
        assertEquals(List.of(1, 1, 3, 1, 1), lane.stream().map(BookingCell::span).toList());
        assertSame(martin, lane.get(2).booking());
        assertEquals(MONDAY.plusDays(2), lane.get(2).day());
        assertEquals(7, lane.stream().mapToInt(BookingCell::span).sum(), "one column per day, no more");
    }

    @Test
    void staysCrossingTheRangeAreClippedAndMarked() {
        BookingSpan before = stay(1, "A", MONDAY.minusDays(3), 5);   // nights up to Tuesday
        BookingSpan after = stay(2, "B", SUNDAY.minusDays(1), 4);    // from Saturday on
        List<BookingCell> lane = grid(List.of(before, after), List.of(), List.of(), List.of()).getBlocks().get(0)
                .lanes().get(0);
        assertEquals(List.of(2, 1, 1, 1, 2), lane.stream().map(BookingCell::span).toList());
        assertTrue(lane.get(0).continuesBefore());
        assertFalse(lane.get(0).continuesAfter());
        assertTrue(lane.get(4).continuesAfter());
    }

    @Test
    void overlappingStaysOfAStockManagedAccommodationGoToSeparateLanes() {
        BookingSpan a = stay(1, "A", MONDAY, 3);
        BookingSpan b = stay(2, "B", MONDAY.plusDays(1), 2);
        BookingSpan c = stay(3, "C", MONDAY.plusDays(3), 2); // departs-then-arrives: fits after A
        List<List<BookingCell>> lanes = grid(List.of(c, b, a), List.of(), List.of(), List.of()).getBlocks().get(0)
                .lanes();
        assertEquals(2, lanes.size());
        assertEquals(List.of("A", "C"), lanes.get(0).stream().filter(cell -> !cell.isEmpty())
                .map(cell -> cell.booking().guestName()).toList());
        assertEquals(List.of("B"), lanes.get(1).stream().filter(cell -> !cell.isEmpty())
                .map(cell -> cell.booking().guestName()).toList());
    }

    @Test
    void noBookingStillGivesOneEmptyLane() {
        List<List<BookingCell>> lanes = grid(List.of(), List.of(), List.of(), List.of()).getBlocks().get(0).lanes();
        assertEquals(1, lanes.size());
        assertEquals(7, lanes.get(0).size());
    }

    @Test
    void rateStockAndBansAreReadDayByDay() {
        RateSpan saturdays = new RateSpan(9, MONDAY.plusDays(3), SUNDAY.plusDays(30), 7, Set.of(DayOfWeek.SATURDAY),
                new BigDecimal("500.00"), null, null);
        PlanningGrid grid = grid(List.of(), List.of(saturdays), List.of(new StockNight(MONDAY, 4, 1)),
                List.of(new SalesBanSpan(5, SUNDAY, SUNDAY.plusDays(2))));
        var rates = grid.getBlocks().get(0).rates();
        assertEquals(List.of(false, false, false, true, true, true, true),
                rates.stream().map(PlanningGrid.RateCell::isCovered).toList());
        assertEquals(List.of(false, false, false, false, false, true, false),
                rates.stream().map(PlanningGrid.RateCell::arrival).toList(), "Saturday is the arrival day");
        assertTrue(rates.get(6).closed());
        assertFalse(rates.get(5).closed());
        var stock = grid.getBlocks().get(0).stock();
        assertEquals(3, stock.get(0).night().remaining());
        assertNull(stock.get(1).night());
        assertTrue(stock.get(6).closed());
        assertTrue(grid.getDays().get(2).today());
        assertTrue(grid.getDays().get(5).weekend());
    }

    @Test
    void importedEventsMarkTheirNightsAndAConflictNamesItsCalendar() {
        ChannelSpan airbnb = new ChannelSpan(1, "Airbnb", "Reserved", MONDAY.minusDays(2), MONDAY.plusDays(2), false);
        ChannelSpan booking = new ChannelSpan(2, "Booking.com", "CLOSED - Not available", MONDAY.plusDays(1),
                MONDAY.plusDays(3), true);
        PlanningGrid.Block block = PlanningGrid.of(new PlanningView(MONDAY, SUNDAY, List.of(new AccommodationPlan(1,
                "OSMB-1", "Gîte", Visibility.BOOKABLE, false, List.of(), List.of(), List.of(), List.of(),
                List.of(airbnb, booking)))), MONDAY).getBlocks().get(0);
        List<ChannelCell> cells = block.channels();
        assertTrue(block.hasChannels());
        assertEquals(7, cells.size());
        assertEquals(List.of(true, true, true, false, false, false, false),
                cells.stream().map(ChannelCell::isBlocked).toList());
        assertEquals(List.of(false, true, true, false, false, false, false),
                cells.stream().map(ChannelCell::isConflict).toList());
        assertEquals(List.of(true, true, false, false, false, false, false),
                cells.stream().map(ChannelCell::starts).toList(), "named where an event starts, or the range does");
        assertEquals("Booking.com, Airbnb", cells.get(1).getFeedNames(), "the conflicting calendar first");
        assertFalse(grid(List.of(), List.of(), List.of(), List.of()).getBlocks().get(0).hasChannels());
    }
}
