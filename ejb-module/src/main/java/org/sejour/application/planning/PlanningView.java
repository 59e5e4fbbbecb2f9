package org.sejour.application.planning;

import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.catalog.DiscountKind;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.pricing.Promotion;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the planning shows for an owner and a range of days, read in one go: immutable values,
 * no entity, so the page can keep it in its view state and nothing lazy is touched after the
 * transaction. Serializable because a view-scoped bean holds it.
 */
public record PlanningView(LocalDate first, LocalDate last, List<AccommodationPlan> accommodations)
        implements Serializable {

    public PlanningView {
        Objects.requireNonNull(first, "first is required");
        Objects.requireNonNull(last, "last is required");
        accommodations = List.copyOf(accommodations);
    }

    /** One accommodation's block: what is booked, priced, in stock and closed in the range. */
    public record AccommodationPlan(long id, String reference, String name, Visibility visibility,
                                    boolean stockManaged, List<BookingSpan> bookings, List<RateSpan> rates,
                                    List<StockNight> stock, List<SalesBanSpan> salesBans,
                                    List<ChannelSpan> channelBlocks, List<PromotionSpan> promotions)
            implements Serializable {
        public AccommodationPlan {
            bookings = List.copyOf(bookings);
            rates = List.copyOf(rates);
            stock = List.copyOf(stock);
            salesBans = List.copyOf(salesBans);
            channelBlocks = List.copyOf(channelBlocks);
            promotions = List.copyOf(promotions);
        }

        /** Without promotions. */
        public AccommodationPlan(long id, String reference, String name, Visibility visibility, boolean stockManaged,
                                 List<BookingSpan> bookings, List<RateSpan> rates, List<StockNight> stock,
                                 List<SalesBanSpan> salesBans, List<ChannelSpan> channelBlocks) {
            this(id, reference, name, visibility, stockManaged, bookings, rates, stock, salesBans, channelBlocks,
                    List.of());
        }

        /** Without imported calendars. */
        public AccommodationPlan(long id, String reference, String name, Visibility visibility, boolean stockManaged,
                                 List<BookingSpan> bookings, List<RateSpan> rates, List<StockNight> stock,
                                 List<SalesBanSpan> salesBans) {
            this(id, reference, name, visibility, stockManaged, bookings, rates, stock, salesBans, List.of(), List.of());
        }
    }

    /**
     * A promotion over arrival days {@code firstDay … lastDay} (null: every stay): last minute or
     * early booking, {@code days} before arrival, {@code percent} off.
     */
    public record PromotionSpan(long promotionId, Promotion.Kind kind, String label, int days, BigDecimal percent,
                                LocalDate firstDay, LocalDate lastDay) implements Serializable {

        public boolean covers(LocalDate day) {
            return firstDay == null || (!day.isBefore(firstDay) && !day.isAfter(lastDay));
        }
    }

    /**
     * An event of an imported calendar (Airbnb, Booking.com…) with its nights [firstNight,
     * departure): it either holds those nights, or is in conflict with what already held them.
     */
    public record ChannelSpan(long blockId, String feedName, String summary, LocalDate firstNight,
                              LocalDate departure, boolean conflict) implements Serializable {

        public boolean coversNight(LocalDate night) {
            return !night.isBefore(firstNight) && night.isBefore(departure);
        }
    }

    /** A dossier that is not cancelled, with its nights [arrival, departure). */
    public record BookingSpan(long dossierId, int number, DossierStatus status, String guestName,
                              LocalDate arrival, LocalDate departure) implements Serializable {

        public boolean coversNight(LocalDate night) {
            return !night.isBefore(arrival) && night.isBefore(departure);
        }
    }

    /**
     * One period of a rate: arrivals from {@code firstDay} to {@code lastDay} included, on the
     * allowed weekdays, for a stay of {@code nights} at {@code price}. A rate with two periods in
     * the range gives two spans.
     */
    public record RateSpan(long rateId, LocalDate firstDay, LocalDate lastDay, int nights,
                           Set<DayOfWeek> arrivalDays, BigDecimal price, DiscountKind discountKind,
                           BigDecimal discountValue) implements Serializable {
        public RateSpan {
            arrivalDays = Set.copyOf(arrivalDays);
        }

        public boolean covers(LocalDate day) {
            return !day.isBefore(firstDay) && !day.isAfter(lastDay);
        }

        public boolean allowsArrivalOn(LocalDate day) {
            return covers(day) && arrivalDays.contains(day.getDayOfWeek());
        }

        public boolean hasDiscount() {
            return discountKind != null;
        }
    }

    /** Units for sale and sold on one night; a night without a row has no stock set. */
    public record StockNight(LocalDate night, int units, int sold) implements Serializable {
        public int remaining() {
            return Math.max(0, units - sold);
        }
    }

    /** Nights closed by the owner, first and last included. */
    public record SalesBanSpan(long id, LocalDate firstNight, LocalDate lastNight) implements Serializable {
        public boolean closes(LocalDate night) {
            return !night.isBefore(firstNight) && !night.isAfter(lastNight);
        }
    }
}
