package org.sejour.domain.model.pricing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the planning says about one night of one accommodation: units left for
 * sale and whether a sales ban closes it. Implemented by the application layer
 * from stock, bookings, bans and imported iCal blocks; pricing only reads it.
 * Without stock management the remaining stock is 1 or 0.
 */
@FunctionalInterface
public interface NightAvailability {

    NightStatus statusOf(LocalDate night);

    /** @param heldByChannel an imported calendar's event (Airbnb, Booking.com…) holds a unit of the night */
    record NightStatus(int remainingStock, boolean salesBan, boolean heldByChannel) {
        public NightStatus {
            if (remainingStock < 0) {
                throw new IllegalArgumentException("remaining stock must not be negative, was " + remainingStock);
            }
        }

        public NightStatus(int remainingStock, boolean salesBan) {
            this(remainingStock, salesBan, false);
        }
    }

    /** Every night has {@code stock} units and no ban; for tests and simple callers. */
    static NightAvailability open(int stock) {
        NightStatus status = new NightStatus(stock, false);
        return night -> {
            Objects.requireNonNull(night, "night is required");
            return status;
        };
    }
}
