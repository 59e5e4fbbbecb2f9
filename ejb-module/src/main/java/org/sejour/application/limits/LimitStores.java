package org.sejour.application.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Where the limits keep their state, chosen once: this server's memory, or, when Payara's Domain
 * Data Grid runs, the grid, so that the servers of a deployment group count together (five wrong
 * passwords on one lock the login on all).
 */
public interface LimitStores {

    /**
     * The store of the table of this name. {@code local} itself when the state stays in memory.
     * Shared, the grid's table: an entry vanishes {@code idleAfter} after its last write (by then
     * its state must hold nothing), each server holds at most about {@code capacity} of them, and
     * {@code local} answers in its place while the grid does not.
     */
    <S> LimitStore<S> store(String name, LimitStore.Codec<S> codec, Duration idleAfter, int capacity,
                            LimitStore<S> local);

    /** The time the servers sharing the limits agree on, for lock-outs and allowances. */
    Clock clock();

    /**
     * Readings in nanoseconds for rates: the monotonic {@link System#nanoTime()} in memory; when
     * shared, the grid's cluster time, since each server's nanoTime counts from an origin of its own.
     */
    LongSupplier nanoClock();

    /** Everything in this server's memory: a single server, and tests. */
    static LimitStores inMemory() {
        return InMemory.INSTANCE;
    }
}
