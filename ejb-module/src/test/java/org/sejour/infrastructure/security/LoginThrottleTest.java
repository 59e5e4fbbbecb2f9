package org.sejour.infrastructure.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-06-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofSeconds(30), Duration.ofMinutes(15), clock);

    @Test
    void fourFailuresDoNotBlock() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("owner@example.test");
        }
        assertEquals(Duration.ZERO, throttle.remainingBlock("owner@example.test"));
    }

    @Test
    void fifthFailureBlocksForThirtySecondsThenDoubles() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("owner@example.test");
        }
        assertEquals(Duration.ofSeconds(30), throttle.remainingBlock("Owner@Example.test "));
        clock.advance(Duration.ofSeconds(31));
        assertEquals(Duration.ZERO, throttle.remainingBlock("owner@example.test"));
        throttle.recordFailure("owner@example.test");
        assertEquals(Duration.ofSeconds(60), throttle.remainingBlock("owner@example.test"));
    }

    @Test
    void delayNeverExceedsTheCeiling() {
        for (int i = 0; i < 40; i++) {
            throttle.recordFailure("a");
        }
        assertTrue(throttle.remainingBlock("a").compareTo(Duration.ofMinutes(15)) <= 0);
        assertEquals(Duration.ofMinutes(15), throttle.remainingBlock("a"));
    }

    @Test
    void successClearsAndOtherLoginsAreUntouched() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("a");
        }
        assertEquals(Duration.ZERO, throttle.remainingBlock("b"));
        throttle.recordSuccess("a");
        assertEquals(Duration.ZERO, throttle.remainingBlock("a"));
    }
}
