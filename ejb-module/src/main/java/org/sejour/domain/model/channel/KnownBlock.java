package org.sejour.domain.model.channel;

import org.sejour.domain.model.shared.StayPeriod;

/** A block already applied from a feed, as the reconciliation and the retries need to see it. */
public record KnownBlock(long id, String uid, String fallbackKey, StayPeriod nights, EventKind kind,
                         boolean holdsNights) {
}
