package org.sejour.domain.model.channel;

import org.sejour.domain.model.shared.StayPeriod;

import java.time.Instant;
import java.util.Objects;

/**
 * Nights an accommodation cannot sell, as published in its export feed. It carries no guest
 * data: the other platforms learn that a night is taken, never by whom.
 *
 * @param uid   stable across exports, so that importers update rather than duplicate
 * @param since when the period came to be (DTSTAMP): fixed, so an unchanged feed has an unchanged ETag
 */
public record ClosedPeriod(String uid, StayPeriod nights, Reason reason, Instant since) {

    public enum Reason { BOOKED, CLOSED }

    public ClosedPeriod {
        Objects.requireNonNull(uid, "uid is required");
        Objects.requireNonNull(nights, "nights are required");
        Objects.requireNonNull(reason, "reason is required");
        Objects.requireNonNull(since, "since is required");
    }
}
