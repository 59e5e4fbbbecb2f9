package org.sejour.application.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The owners' calendar: booking dates, lead times and deadlines are French calendar days,
 * whatever the server's time zone.
 */
public final class BusinessCalendar {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private BusinessCalendar() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The first instant after the given day, in the owners' zone: an option due that day lapses then. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZONE).toInstant();
    }
}
