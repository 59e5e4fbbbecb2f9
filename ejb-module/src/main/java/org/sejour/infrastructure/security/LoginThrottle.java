package org.sejour.infrastructure.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code maxFailures} failed logins for one login name, the
 * next attempts are refused for a delay that doubles with each further failure, up to a
 * ceiling. A success clears the count. Counting per login (not per address) protects an
 * account from a distributed guesser; the cost is that someone can lock an owner out for a
 * few minutes, which the ceiling bounds.
 */
public final class LoginThrottle {

    private record Failures(int count, Instant blockedUntil, Instant lastFailure) {
    }

    private final int maxFailures;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration firstDelay, Duration maxDelay, Clock clock) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be positive");
        }
        this.maxFailures = maxFailures;
        this.firstDelay = Objects.requireNonNull(firstDelay, "firstDelay is required");
        this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    /** How long the caller must still wait before trying this login again; zero if not blocked. */
    public Duration remainingBlock(String login) {
        Failures f = failures.get(key(login));
        if (f == null || f.blockedUntil() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), f.blockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void recordFailure(String login) {
        Instant now = clock.instant();
        failures.compute(key(login), (k, f) -> {
            // a quiet period longer than the ceiling starts the count again
            int count = f == null || Duration.between(f.lastFailure(), now).compareTo(maxDelay.multipliedBy(2)) > 0
                    ? 1 : f.count() + 1;
            Instant blockedUntil = null;
            if (count >= maxFailures) {
                int doublings = Math.min(count - maxFailures, 20);
                Duration delay = firstDelay.multipliedBy(1L << doublings);
                blockedUntil = now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
            }
            return new Failures(count, blockedUntil, now);
        });
    }

    public void recordSuccess(String login) {
        failures.remove(key(login));
    }

    private static String key(String login) {
        return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    }
}
