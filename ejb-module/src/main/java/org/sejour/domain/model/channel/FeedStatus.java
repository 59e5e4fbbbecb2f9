package org.sejour.domain.model.channel;

/** Where a feed stands after its last sync. */
public enum FeedStatus {
    /** Never fetched yet. */
    NEW,
    /** Last snapshot applied. */
    OK,
    /** Last fetch or read failed; the blocks of the last good snapshot stay in place. */
    ERROR,
    /** Last snapshot lost too many events at once and was not applied; the owner should look. */
    HELD
}
