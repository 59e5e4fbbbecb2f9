package org.sejour.application.report;

import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * The owner's reports for a period (both days included), for all their accommodations or one:
 * occupancy, average nightly price and revenue per accommodation and per month, bookings per
 * origin and the cancellation rate. The rules of every figure are in docs/reports.md.
 *
 * @param accommodationId the one accommodation reported on, or null for all of them
 * @param byAccommodation every accommodation reported on, in the owner's order, even one with nothing booked
 * @param byMonth         every calendar month the period touches, oldest first
 * @param origins         bookings per origin (dossiers), then per channel feed, most bookings first
 */
public record ReportFigures(LocalDate from, LocalDate to, Long accommodationId, List<AccommodationLine> byAccommodation,
                            List<MonthLine> byMonth, Figures total, List<OriginLine> origins) {

    public ReportFigures {
        Objects.requireNonNull(from, "from is required");
        Objects.requireNonNull(to, "to is required");
        byAccommodation = List.copyOf(byAccommodation);
        byMonth = List.copyOf(byMonth);
        Objects.requireNonNull(total, "total is required");
        origins = List.copyOf(origins);
    }

    /**
     * Nights and money of some stays, as summed: amounts keep every decimal of the pro-rata until
     * they are shown, so that the months and the accommodations add up to the same total.
     *
     * @param lettableNights units that could be let, night by night (closed nights count 0)
     * @param dossierNights  nights of the owner's own bookings (dossiers), within the period
     * @param channelNights  nights held by imported channel calendars, within the period
     * @param lodgingSum     the accommodation price of those dossier nights (rate less discounts)
     * @param extrasSum      their supplements and adjustments (tourist tax left out)
     */
    public record Figures(long lettableNights, long dossierNights, long channelNights, BigDecimal lodgingSum,
                          BigDecimal extrasSum) {

        public static final Figures NONE = new Figures(0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);

        public Figures {
            Objects.requireNonNull(lodgingSum, "lodging sum is required");
            Objects.requireNonNull(extrasSum, "extras sum is required");
        }

        public Figures plus(Figures other) {
            return new Figures(lettableNights + other.lettableNights, dossierNights + other.dossierNights,
                    channelNights + other.channelNights, lodgingSum.add(other.lodgingSum),
                    extrasSum.add(other.extrasSum));
        }

        public long bookedNights() {
            return dossierNights + channelNights;
        }

        /** Booked nights over lettable nights, 0.0000 to 1.0000 (more if closed nights were let); null when nothing could be let. */
        public BigDecimal occupancy() {
            return lettableNights == 0 ? null
                    : BigDecimal.valueOf(bookedNights()).divide(BigDecimal.valueOf(lettableNights), 4, RoundingMode.HALF_UP);
        }

        public Money lodging() {
            return Money.of(lodgingSum);
        }

        public Money extras() {
            return Money.of(extrasSum);
        }

        /** What the stays brought in, tourist tax left out: accommodation price plus extras. */
        public Money revenue() {
            return Money.of(lodgingSum.add(extrasSum));
        }

        /** Accommodation price per dossier night; null when no dossier night was booked. */
        public Money averageNightlyPrice() {
            return dossierNights == 0 ? null
                    : Money.of(lodgingSum.divide(BigDecimal.valueOf(dossierNights), 10, RoundingMode.HALF_UP));
        }
    }

    public record AccommodationLine(long accommodationId, String name, Figures figures) {
    }

    public record MonthLine(YearMonth month, Figures figures) {
    }

    /**
     * Bookings of one origin whose stay has a night in the period: a dossier origin (channel null)
     * or one imported channel calendar (origin null, channel its feed's name; never cancelled).
     */
    public record OriginLine(Origin origin, String channel, long bookings, long cancelled) {
    }

    /** Dossiers with a night in the period, cancelled ones included (channel blocks are not dossiers). */
    public long dossiers() {
        return origins.stream().filter(o -> o.origin() != null).mapToLong(o -> o.bookings() + o.cancelled()).sum();
    }

    public long cancelled() {
        return origins.stream().mapToLong(OriginLine::cancelled).sum();
    }

    /** Cancelled dossiers over all dossiers, 0.0000 to 1.0000; null when there is no dossier. */
    public BigDecimal cancellationRate() {
        long all = dossiers();
        return all == 0 ? null
                : BigDecimal.valueOf(cancelled()).divide(BigDecimal.valueOf(all), 4, RoundingMode.HALF_UP);
    }
}
