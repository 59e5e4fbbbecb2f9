package org.sejour.interfaces.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells a failure caused by a database that cannot be reached from any other: a lost or refused
 * connection answers 503 with Retry-After (the API, the pages), not 500, and is logged as one
 * line at most every {@link #LOG_EVERY_NANOS}, not as a stack trace per request. For
 * {@link #BREAKER_NANOS} after an outage was seen, requests are answered 503 at once, without
 * asking the pool for a connection again (each try costs a connection attempt, a wait, and three
 * lines in Payara's log); the next request after that tries the database again.
 */
public final class DatabaseOutage {

    /** What the answers tell clients to wait before trying again, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 10;
    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class.getName());
    private static final long LOG_EVERY_NANOS = 30_000_000_000L;
    private static final AtomicLong LAST_LOGGED = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private static final long BREAKER_NANOS = 5_000_000_000L;
    private static final AtomicLong LAST_SEEN = new AtomicLong(System.nanoTime() - BREAKER_NANOS);

    private DatabaseOutage() {
    }

    /**
     * Whether the failure comes from an unreachable database: somewhere in its causes an SQL
     * state of class 08 (connection exception) or 57P01-57P03 (the server shutting down or
     * starting), or a refused connection.
     */
    public static boolean isCause(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
            for (Throwable s = t; s instanceof SQLException sql; s = sql.getNextException()) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                    return true;
                }
                if (sql.getNextException() == sql) {
                    break;
                }
            }
        }
        return false;
    }

    /** Whether an outage was seen so recently that the database is not worth asking yet. */
    public static boolean isOngoing() {
        return System.nanoTime() - LAST_SEEN.get() < BREAKER_NANOS;
    }

    /** Notes the outage, and logs it once in a while: the deepest cause's message, which names the database. */
    public static void report(Throwable failure) {
        long now = System.nanoTime();
        LAST_SEEN.set(now);
        long last = LAST_LOGGED.get();
        if (now - last >= LOG_EVERY_NANOS && LAST_LOGGED.compareAndSet(last, now)) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            LOG.log(Level.WARNING, "Database unreachable, answering 503 for {0}s: {1}",
                    new Object[]{RETRY_AFTER_SECONDS, root.toString()});
        }
    }
}
