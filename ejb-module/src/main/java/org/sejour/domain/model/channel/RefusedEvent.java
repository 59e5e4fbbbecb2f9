package org.sejour.domain.model.channel;

import java.util.Objects;

/** An event of a feed that was not applied, and why; {@code uid} is null for an event without one or a whole calendar. */
public record RefusedEvent(String uid, Reason reason) {

    public enum Reason {
        NO_START,
        ENDS_BEFORE_START,
        TOO_LONG,
        /** The event could not be read at all. */
        UNREADABLE,
        /** One calendar of the file could not be read (its events are all missing). */
        UNREADABLE_CALENDAR
    }

    public RefusedEvent {
        Objects.requireNonNull(reason, "reason is required");
    }
}
