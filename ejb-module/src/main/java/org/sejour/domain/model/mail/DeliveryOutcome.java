package org.sejour.domain.model.mail;

/** What one attempt at sending a mail came to. */
public enum DeliveryOutcome {
    SENT,
    /** A temporary failure (server down, 4xx reply): tried again later. */
    RETRY,
    /** The server refused for good (5xx reply, address rejected): not tried again. */
    REJECTED,
    /** Temporary failures went on for too long: not tried again. */
    GAVE_UP,
    /** Not sent: moot by the time it could go out (see {@link OutboxStatus#DROPPED}). */
    DROPPED
}
