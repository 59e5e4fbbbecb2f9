package org.sejour.infrastructure.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.infrastructure.security.LoginThrottle.Admission;
import org.sejour.infrastructure.security.LoginThrottle.Attempt;
import org.sejour.infrastructure.security.LoginThrottle.Limit;
import org.sejour.infrastructure.security.LoginThrottle.Refusal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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

    private static final String OWNER = "owner@example.test";
    private static final String HOME = "192.0.2.10";
    private static final String ATTACKER = "198.51.100.7";

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = throttle(10_000);

    private LoginThrottle throttle(int capacity) {
        return new LoginThrottle(new LoginThrottle.Settings(5, Duration.ofSeconds(30), Duration.ofMinutes(15), 10,
                Duration.ofSeconds(60), capacity), clock);
    }

    /** One attempt that ends in a failure; answers the refusal when it was not admitted. */
    private Refusal fail(String login, String address, String device) {
        Admission admission = throttle.admit(login, address, device);
        if (admission instanceof Attempt attempt) {
            throttle.failed(attempt);
            return null;
        }
        return (Refusal) admission;
    }

    private Duration waitFor(String login, String address, String device) {
        Admission admission = throttle.admit(login, address, device);
        if (admission instanceof Attempt attempt) {
            throttle.abandoned(attempt);
            return Duration.ZERO;
        }
        return ((Refusal) admission).retryAfter();
    }

    @Test
    void fourFailuresDoNotBlock() {
        for (int i = 0; i < 4; i++) {
            assertEquals(null, fail(OWNER, ATTACKER, null));
        }
        assertEquals(Duration.ZERO, waitFor(OWNER, ATTACKER, null));
    }

    @Test
    void fifthFailureBlocksTheLoginForThirtySecondsThenTheDelayDoubles() {
        for (int i = 0; i < 5; i++) {
            fail(OWNER, ATTACKER, null);
        }
        assertEquals(Duration.ofSeconds(30), waitFor(" Owner@Example.test", ATTACKER, null), "letter case and spaces");
        assertEquals(Duration.ofSeconds(30), waitFor(OWNER, "203.0.113.99", null), "from any untrusted address");
        clock.advance(Duration.ofSeconds(31));
        assertEquals(Duration.ZERO, waitFor(OWNER, ATTACKER, null));
        fail(OWNER, ATTACKER, null);
        assertEquals(Duration.ofSeconds(60), waitFor(OWNER, ATTACKER, null));
    }

    @Test
    void theDelayNeverExceedsTheCeiling() {
        for (int i = 0; i < 40; i++) {
            assertEquals(null, fail(OWNER, "10.0.0." + i, null));
            clock.advance(Duration.ofMinutes(16));
        }
        clock.advance(Duration.ofMinutes(-16));
        assertEquals(Duration.ofMinutes(15), waitFor(OWNER, ATTACKER, null));
    }

    @Test
    void aSuccessClearsTheLoginAndOtherLoginsAreUntouched() {
        for (int i = 0; i < 4; i++) {
            fail("a", ATTACKER, null);
        }
        Attempt success = assertInstanceOf(Attempt.class, throttle.admit("a", HOME, null));
        throttle.succeeded(success);
        fail("a", ATTACKER, null);
        assertEquals(Duration.ZERO, waitFor("a", ATTACKER, null), "the count started again");
        assertEquals(Duration.ZERO, waitFor("b", HOME, null));
    }

    @Test
    void theOwnersDeviceIsNotLockedOutByFailuresOfUntrustedClients() {
        for (int i = 0; i < 12; i++) {
            fail(OWNER, "10.1.0." + i, null);
        }
        assertTrue(waitFor(OWNER, HOME, null).compareTo(Duration.ZERO) > 0, "untrusted clients are locked out");
        Attempt owner = assertInstanceOf(Attempt.class, throttle.admit(OWNER, ATTACKER, "device-1"));
        assertTrue(owner.trusted());
        throttle.succeeded(owner);
        assertTrue(waitFor(OWNER, HOME, null).compareTo(Duration.ZERO) > 0,
                "the device's success does not open the login to untrusted clients again");
    }

    @Test
    void aDevicesFailuresLockThatDeviceOnly() {
        for (int i = 0; i < 5; i++) {
            fail(OWNER, HOME, "stolen");
        }
        Refusal refusal = assertInstanceOf(Refusal.class, throttle.admit(OWNER, HOME, "stolen"));
        assertEquals(Limit.DEVICE, refusal.limit());
        assertEquals(Duration.ofSeconds(30), refusal.retryAfter());
        assertEquals(Duration.ZERO, waitFor(OWNER, HOME, "laptop"), "another device of the owner");
        assertEquals(Duration.ZERO, waitFor(OWNER, HOME, null), "untrusted clients of the login");
    }

    @Test
    void anAddressSprayingLoginsIsStoppedAtItsAllowance() {
        for (int i = 0; i < 10; i++) {
            assertEquals(null, fail("spray-" + i, ATTACKER, null), "attempt " + i);
        }
        Refusal refusal = assertInstanceOf(Refusal.class, throttle.admit("spray-10", ATTACKER, null));
        assertEquals(Limit.ADDRESS, refusal.limit());
        assertEquals(Duration.ofSeconds(60), refusal.retryAfter(), "one unit is forgiven per minute");
        assertEquals(Limit.ADDRESS, assertInstanceOf(Refusal.class, throttle.admit(OWNER, ATTACKER, null)).limit(),
                "whatever login it tries next");
        assertEquals(Duration.ZERO, waitFor(OWNER, HOME, null), "another address");
        assertEquals(Duration.ZERO, waitFor(OWNER, ATTACKER, "device-1"), "a trusted device is limited on its own");

        clock.advance(Duration.ofSeconds(60));
        assertEquals(null, fail("spray-11", ATTACKER, null), "a unit forgiven");
        assertEquals(Limit.ADDRESS, assertInstanceOf(Refusal.class, throttle.admit("spray-12", ATTACKER, null)).limit());
        // refusals cost nothing and add nothing: after ten minutes the allowance is whole again
        clock.advance(Duration.ofMinutes(10));
        for (int i = 0; i < 10; i++) {
            assertEquals(null, fail("again-" + i, ATTACKER, null), "attempt " + i);
        }
    }

    @Test
    void successesFromAnAddressGiveTheirUnitBack() {
        for (int i = 0; i < 50; i++) {
            Attempt attempt = assertInstanceOf(Attempt.class, throttle.admit("staff-" + i, HOME, null), "login " + i);
            throttle.succeeded(attempt);
        }
        assertEquals(0, throttle.remembered(), "nothing left to remember");
    }

    @Test
    void parallelAttemptsCountAsFailuresToComeOnTheAddressAndTheLogin() {
        List<Admission> burst = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            burst.add(throttle.admit("spray-" + i, ATTACKER, null));
        }
        assertEquals(10, burst.stream().filter(Attempt.class::isInstance).count(), "the address's allowance");

        List<Admission> onOneLogin = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            onOneLogin.add(throttle.admit(OWNER, "10.2.0." + i, null));
        }
        assertEquals(5, onOneLogin.stream().filter(Attempt.class::isInstance).count(), "the login's limit");
        Refusal busy = (Refusal) onOneLogin.get(5);
        assertEquals(Limit.LOGIN, busy.limit());
        assertEquals(LoginThrottle.BUSY_WAIT, busy.retryAfter());
    }

    @Test
    void afterALockOutOnlyOneAttemptAtATime() {
        for (int i = 0; i < 5; i++) {
            fail(OWNER, ATTACKER, null);
        }
        clock.advance(Duration.ofSeconds(31));
        assertInstanceOf(Attempt.class, throttle.admit(OWNER, "10.3.0.1", null));
        assertEquals(LoginThrottle.BUSY_WAIT,
                assertInstanceOf(Refusal.class, throttle.admit(OWNER, "10.3.0.2", null)).retryAfter());
    }

    @Test
    void keysExpireAfterAQuietPeriod() {
        for (int i = 0; i < 5; i++) {
            fail(OWNER, ATTACKER, null);
            fail(OWNER, HOME, "device-1");
        }
        assertEquals(3, throttle.remembered(), "a login, a device, the untrusted client's address");
        clock.advance(Duration.ofMinutes(31));
        // using a table sweeps what has gone quiet in it (at most once a minute)
        throttle.abandoned(assertInstanceOf(Attempt.class, throttle.admit("other", HOME, null)));
        throttle.abandoned(assertInstanceOf(Attempt.class, throttle.admit("other", HOME, "device-2")));
        assertEquals(0, throttle.remembered());
        assertEquals(Duration.ZERO, waitFor(OWNER, ATTACKER, null), "the lock-out is forgotten too");
    }

    @Test
    void memoryIsCappedUnderASprayOfLoginsAndAddresses() {
        LoginThrottle small = throttle(100);
        for (int i = 0; i < 20_000; i++) {
            Admission admission = small.admit("spray-" + i, "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255), null);
            small.failed((Attempt) admission);
        }
        assertTrue(small.remembered() <= 200, "logins and addresses, 100 each at most: " + small.remembered());
        // the most recent keys are the ones kept
        for (int i = 0; i < 4; i++) {
            small.failed((Attempt) small.admit("spray-19999", "10.9.9.9", null));
        }
        assertEquals(Limit.LOGIN, ((Refusal) small.admit("spray-19999", "10.9.9.8", null)).limit());
    }

    @ParameterizedTest
    @CsvSource({
            "192.0.2.1, 192.0.2.1",
            "2001:db8:1:2:3:4:5:6, 20010db800010002::/64",
            "2001:db8:1:2:ffff:ffff:ffff:ffff, 20010db800010002::/64",
            "0:0:0:0:0:0:0:1, 0000000000000000::/64",
            "::ffff:192.0.2.1, 192.0.2.1",
    })
    void addressesAreCountedPerIpv4AddressAndPerIpv6Slash64(String address, String key) {
        assertEquals(key, LoginThrottle.addressKey(address));
    }
}
