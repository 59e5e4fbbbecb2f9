package org.sejour.infrastructure.security;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sejour.infrastructure.grid.GridMembers;
import org.sejour.infrastructure.grid.HazelcastLimitStores;
import org.sejour.infrastructure.security.LoginThrottle.Admission;
import org.sejour.infrastructure.security.LoginThrottle.Attempt;
import org.sejour.infrastructure.security.LoginThrottle.Limit;
import org.sejour.infrastructure.security.LoginThrottle.Refusal;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The login throttle of two servers sharing a Data Grid (two real Hazelcast members): what is
 * counted on one refuses on the other. Each test names its own login, address and device, since
 * the tables are the grid's, shared by the tests of this class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedLoginThrottleTest {

    private static final LoginThrottle.Settings SETTINGS = new LoginThrottle.Settings(5, Duration.ofSeconds(30),
            Duration.ofMinutes(15), 10, Duration.ofSeconds(60), 10_000);

    private final LoginThrottleTest.ManualClock clock = new LoginThrottleTest.ManualClock();
    private GridMembers members;
    private LoginThrottle onA;
    private LoginThrottle onB;

    @BeforeAll
    void start() {
        members = GridMembers.start();
        onA = new LoginThrottle(SETTINGS, clock, new HazelcastLimitStores(members.a));
        onB = new LoginThrottle(SETTINGS, clock, new HazelcastLimitStores(members.b));
    }

    @AfterAll
    void stop() {
        members.close();
    }

    private static String unique(String what) {
        return what + "-" + UUID.randomUUID();
    }

    private static String uniqueAddress() {
        return "2001:db8:" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff) + ":"
                + Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff) + "::1";
    }

    private static void fail(LoginThrottle throttle, String login, String address, String device) {
        throttle.failed(assertInstanceOf(Attempt.class, throttle.admit(login, address, device)));
    }

    @Test
    void fiveWrongPasswordsOnOneServerLockTheLoginOnTheOther() {
        String login = unique("owner");
        for (int i = 0; i < 5; i++) {
            fail(onA, login, uniqueAddress(), null);
        }
        Refusal refusal = assertInstanceOf(Refusal.class, onB.admit(login, uniqueAddress(), null));
        assertEquals(Limit.LOGIN, refusal.limit());
        assertEquals(Duration.ofSeconds(30), refusal.retryAfter());
        Attempt other = assertInstanceOf(Attempt.class, onB.admit(unique("other"), uniqueAddress(), null));
        onB.abandoned(other);
    }

    @Test
    void failuresOnBothServersAddUp() {
        String login = unique("owner");
        for (int i = 0; i < 4; i++) {
            fail(i % 2 == 0 ? onA : onB, login, uniqueAddress(), null);
        }
        Attempt fifth = assertInstanceOf(Attempt.class, onA.admit(login, uniqueAddress(), null));
        assertEquals(Duration.ofSeconds(30), onB.failed(fifth), "the fifth failure, reported on the other server");
        assertEquals(Limit.LOGIN, assertInstanceOf(Refusal.class, onA.admit(login, uniqueAddress(), null)).limit());
    }

    @Test
    void aDeviceLockedOutOnOneServerIsLockedOutOnTheOther() {
        String login = unique("owner");
        String device = unique("stolen");
        String address = uniqueAddress();
        for (int i = 0; i < 5; i++) {
            fail(onB, login, address, device);
        }
        Refusal refusal = assertInstanceOf(Refusal.class, onA.admit(login, address, device));
        assertEquals(Limit.DEVICE, refusal.limit());
        Attempt laptop = assertInstanceOf(Attempt.class, onA.admit(login, address, unique("laptop")));
        onA.succeeded(laptop);
    }

    @Test
    void anAddressAllowanceIsSpentAcrossServers() {
        String address = uniqueAddress();
        for (int i = 0; i < 10; i++) {
            fail(i < 5 ? onA : onB, unique("spray"), address, null);
        }
        Admission next = onA.admit(unique("spray"), address, null);
        assertEquals(Limit.ADDRESS, assertInstanceOf(Refusal.class, next).limit());
        assertEquals(Limit.ADDRESS, assertInstanceOf(Refusal.class, onB.admit(unique("spray"), address, null)).limit());
    }

    @Test
    void aSuccessOnOneServerForgetsTheFailuresAndLeavesNothingInTheGrid() {
        String login = unique("owner");
        String address = uniqueAddress();
        for (int i = 0; i < 4; i++) {
            fail(onA, login, uniqueAddress(), null);
        }
        onB.succeeded(assertInstanceOf(Attempt.class, onB.admit(login, address, null)));
        assertNull(members.a.getMap("sejour.login.logins").get(LoginThrottle.loginKey(login)));
        assertNull(members.a.getMap("sejour.login.addresses").get(LoginThrottle.addressKey(address)));
        fail(onA, login, uniqueAddress(), null);
        onA.abandoned(assertInstanceOf(Attempt.class, onA.admit(login, uniqueAddress(), null)));
    }

    @Test
    void theGridHoldsTextsThatVanishWhenTheyCanHoldNothingAnyMore() {
        String login = unique("owner");
        fail(onA, login, uniqueAddress(), null);
        assertInstanceOf(String.class, members.b.getMap("sejour.login.logins").get(LoginThrottle.loginKey(login)));
        // lock-outs: twice the 15 min ceiling, and a minute for the clocks; allowances: 10 units of 60 s, and a minute
        assertEquals(31 * 60, members.b.getConfig().getMapConfig("sejour.login.logins").getTimeToLiveSeconds());
        assertEquals(31 * 60, members.b.getConfig().getMapConfig("sejour.login.devices").getTimeToLiveSeconds());
        assertEquals(11 * 60, members.b.getConfig().getMapConfig("sejour.login.addresses").getTimeToLiveSeconds());
        assertEquals(10_000, members.b.getConfig().getMapConfig("sejour.login.logins").getEvictionConfig().getSize());
    }
}
