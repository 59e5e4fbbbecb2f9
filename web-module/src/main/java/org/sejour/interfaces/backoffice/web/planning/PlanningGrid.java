package org.sejour.interfaces.backoffice.web.planning;

import org.sejour.application.planning.PlanningView;
import org.sejour.application.planning.PlanningView.AccommodationPlan;
import org.sejour.application.planning.PlanningView.BookingSpan;
import org.sejour.application.planning.PlanningView.ChannelSpan;
import org.sejour.application.planning.PlanningView.PromotionSpan;
import org.sejour.application.planning.PlanningView.RateSpan;
import org.sejour.application.planning.PlanningView.StockNight;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The planning laid out as table cells: one column per day, bookings as cells spanning their
 * nights (several lanes when a stock-managed accommodation has overlapping stays), the rate line,
 * the promotions line, the stock line and the imported calendars' line day by day. Pure layout, so it is tested without a server.
 */
public final class PlanningGrid implements Serializable {

    private static final long serialVersionUID = 1L;

    public record Day(LocalDate date, boolean today, boolean weekend, boolean firstOfMonth) implements Serializable {
    }

    /** A booking cell spans its nights in the range; an empty cell is one day. */
    public record BookingCell(LocalDate day, int span, BookingSpan booking, boolean continuesBefore,
                              boolean continuesAfter) implements Serializable {
        public boolean isEmpty() {
            return booking == null;
        }
    }

    /** The rates whose period covers the day, and whether one allows an arrival that day. */
    public record RateCell(LocalDate day, List<RateSpan> rates, boolean arrival, boolean closed)
            implements Serializable {
        public boolean isCovered() {
            return !rates.isEmpty();
        }
    }

    /** The night's stock row if there is one. */
    public record StockCell(LocalDate day, StockNight night, boolean closed) implements Serializable {
        public boolean isSet() {
            return night != null;
        }
    }

    /**
     * The imported calendar events on one night; {@code starts} when one of them begins that
     * night (or at the start of the range), where the page writes the calendar's name.
     */
    public record ChannelCell(LocalDate day, List<ChannelSpan> blocks, boolean starts) implements Serializable {
        public boolean isBlocked() {
            return !blocks.isEmpty();
        }

        public boolean isConflict() {
            return blocks.stream().anyMatch(ChannelSpan::conflict);
        }

        /** The calendars' names, conflicting ones first: what the owner must look at. */
        public String getFeedNames() {
            return blocks.stream().sorted(Comparator.comparing((ChannelSpan b) -> !b.conflict()))
                    .map(ChannelSpan::feedName).distinct().collect(Collectors.joining(", "));
        }
    }

    /** The promotions whose stays hold the day (as an arrival day). */
    public record PromotionCell(LocalDate day, List<PromotionSpan> promotions) implements Serializable {
        public boolean isPromoted() {
            return !promotions.isEmpty();
        }

        /** The best percentage of the day: promotions do not add up, the best one is given. */
        public String getBest() {
            return promotions.stream().map(PromotionSpan::percent).max(Comparator.naturalOrder())
                    .map(p -> "−" + p.stripTrailingZeros().toPlainString() + " %").orElse("");
        }
    }

    public record Block(AccommodationPlan plan, List<List<BookingCell>> lanes, List<RateCell> rates,
                        List<StockCell> stock, List<ChannelCell> channels, List<PromotionCell> promotions)
            implements Serializable {

        /** The channels line shows only for accommodations with imported events in the range. */
        public boolean hasChannels() {
            return !plan.channelBlocks().isEmpty();
        }

        /** The promotions line shows only for accommodations with a promotion in the range. */
        public boolean hasPromotions() {
            return !plan.promotions().isEmpty();
        }
    }

    private final List<Day> days;
    private final List<Block> blocks;

    private PlanningGrid(List<Day> days, List<Block> blocks) {
        this.days = List.copyOf(days);
        this.blocks = List.copyOf(blocks);
    }

    public static PlanningGrid of(PlanningView view, LocalDate today) {
        List<LocalDate> dates = view.first().datesUntil(view.last().plusDays(1)).toList();
        List<Day> days = dates.stream().map(d -> new Day(d, d.equals(today),
                d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY,
                d.getDayOfMonth() == 1)).toList();
        List<Block> blocks = view.accommodations().stream().map(plan -> block(plan, dates)).toList();
        return new PlanningGrid(days, blocks);
    }

    private static Block block(AccommodationPlan plan, List<LocalDate> dates) {
        Map<LocalDate, StockNight> stock = plan.stock().stream()
                .collect(Collectors.toMap(StockNight::night, Function.identity()));
        List<RateCell> rates = new ArrayList<>();
        List<StockCell> stockCells = new ArrayList<>();
        List<ChannelCell> channels = new ArrayList<>();
        List<PromotionCell> promotions = new ArrayList<>();
        for (LocalDate day : dates) {
            promotions.add(new PromotionCell(day, plan.promotions().stream().filter(p -> p.covers(day)).toList()));
            List<ChannelSpan> imported = plan.channelBlocks().stream().filter(b -> b.coversNight(day)).toList();
            channels.add(new ChannelCell(day, imported, imported.stream()
                    .anyMatch(b -> b.firstNight().equals(day) || day.equals(dates.get(0)))));
            boolean closed = plan.salesBans().stream().anyMatch(b -> b.closes(day));
            List<RateSpan> covering = plan.rates().stream().filter(r -> r.covers(day)).toList();
            rates.add(new RateCell(day, covering, covering.stream().anyMatch(r -> r.allowsArrivalOn(day)), closed));
            stockCells.add(new StockCell(day, stock.get(day), closed));
        }
        return new Block(plan, lanes(plan.bookings(), dates), rates, stockCells, channels, promotions);
    }

    /** Stays placed in the first lane free on their arrival; always at least one (empty) lane. */
    static List<List<BookingCell>> lanes(List<BookingSpan> bookings, List<LocalDate> dates) {
        List<List<BookingSpan>> lanes = new ArrayList<>();
        bookings.stream().sorted(Comparator.comparing(BookingSpan::arrival).thenComparing(BookingSpan::dossierId))
                .forEach(booking -> lanes.stream()
                        .filter(lane -> !lane.get(lane.size() - 1).departure().isAfter(booking.arrival()))
                        .findFirst()
                        .orElseGet(() -> {
                            List<BookingSpan> lane = new ArrayList<>();
                            lanes.add(lane);
                            return lane;
                        })
                        .add(booking));
        if (lanes.isEmpty()) {
            lanes.add(List.of());
        }
        return lanes.stream().map(lane -> cells(lane, dates)).toList();
    }

    private static List<BookingCell> cells(List<BookingSpan> lane, List<LocalDate> dates) {
        List<BookingCell> cells = new ArrayList<>();
        LocalDate first = dates.get(0);
        LocalDate last = dates.get(dates.size() - 1);
        int i = 0;
        while (i < dates.size()) {
            LocalDate day = dates.get(i);
            BookingSpan booking = lane.stream().filter(b -> b.coversNight(day)).findFirst().orElse(null);
            if (booking == null) {
                cells.add(new BookingCell(day, 1, null, false, false));
                i++;
            } else {
                LocalDate lastNight = booking.departure().minusDays(1);
                LocalDate end = lastNight.isAfter(last) ? last : lastNight;
                int span = (int) (end.toEpochDay() - day.toEpochDay()) + 1;
                cells.add(new BookingCell(day, span, booking, booking.arrival().isBefore(first),
                        lastNight.isAfter(last)));
                i += span;
            }
        }
        return cells;
    }

    public List<Day> getDays() { return days; }
    public List<Block> getBlocks() { return blocks; }
}
