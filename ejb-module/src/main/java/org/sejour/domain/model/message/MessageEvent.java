package org.sejour.domain.model.message;

/**
 * What a message rule is timed from. The offset counts days after the confirmation, before the
 * arrival or after the departure; the arrival day has none.
 */
public enum MessageEvent {
    /** The booking confirmed (created confirmed, or its deposit paid): the offset's days after it. */
    BOOKING_CONFIRMED,
    /** The offset's days before the arrival day (access instructions, the way there). */
    BEFORE_ARRIVAL,
    /** The arrival day itself. */
    ARRIVAL_DAY,
    /** The offset's days after the departure day (thanks, a review asked for). */
    AFTER_DEPARTURE;

    public boolean hasOffset() {
        return this != ARRIVAL_DAY;
    }
}
