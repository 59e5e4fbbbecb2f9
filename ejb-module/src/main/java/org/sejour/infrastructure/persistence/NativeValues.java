package org.sejour.infrastructure.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Columns of native queries as java.time values: depending on the column type and the driver's
 * mood, a date comes back as java.sql.Date or LocalDate, a timestamp as Timestamp,
 * OffsetDateTime or Instant.
 */
public final class NativeValues {

    private NativeValues() {
    }

    public static LocalDate localDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    public static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }
}
