package org.sejour.domain.model.channel;

import org.sejour.domain.model.shared.StayPeriod;

/** A block already applied from a feed, as the reconciliation needs to see it. */
public record KnownBlock(long id, String uid, String fallbackKey, StayPeriod nights, boolean holdsNights) {
}
