package org.sejour.infrastructure.security;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many login password checks run at once, so that parallel attempts cannot take
 * every core (each is a 600,000-iteration PBKDF2). Two lanes of {@code permits} each: one for
 * untrusted clients, one for trusted devices ({@link LoginThrottle}), so that a flood from many
 * addresses cannot queue an owner's own browser behind it. A check waits its turn at most
 * {@code maxWait}, then the client is told to come back.
 */
public final class HashGate {

    /** No turn came within the wait. */
    public static final class BusyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BusyException() {
            super("too many password checks at once", null, false, false);
        }
    }

    private final Semaphore untrusted;
    private final Semaphore trusted;
    private final Duration maxWait;

    public HashGate(int permits, Duration maxWait) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be positive");
        }
        // fair: first come, first hashed
        this.untrusted = new Semaphore(permits, true);
        this.trusted = new Semaphore(permits, true);
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait is required");
    }

    /** Half the processors, at least one: the rest stays free for every other request. */
    public static int defaultPermits() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    public Duration maxWait() {
        return maxWait;
    }

    /** Runs the check in its lane once a permit is free; BusyException when none came in time. */
    public <T> T run(boolean trustedDevice, Supplier<T> check) {
        Semaphore lane = trustedDevice ? trusted : untrusted;
        try {
            if (!lane.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException();
        }
        try {
            return check.get();
        } finally {
            lane.release();
        }
    }
}
