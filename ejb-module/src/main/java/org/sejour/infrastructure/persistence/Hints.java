package org.sejour.infrastructure.persistence;

/**
 * EclipseLink query hints, by name so that no EclipseLink class is needed at compile time.
 * Batch reading loads a collection of every result in one more query, not one per row.
 */
final class Hints {

    static final String BATCH = "eclipselink.batch";
    static final String BATCH_TYPE = "eclipselink.batch.type";
    static final String IN = "IN";
    /** batch by re-joining the original query: one query however many rows (IN splits into chunks) */
    static final String JOIN = "JOIN";
    /** a query's rows overwrite the copies already in the persistence context */
    static final String REFRESH = "eclipselink.refresh";

    private Hints() {
    }
}
