package org.sejour.infrastructure.security;

import org.junit.jupiter.api.Test;
import org.sejour.infrastructure.security.DeviceTokens.Device;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceTokensTest {

    static final byte[] SECRET = "a secret of thirty-two bytes....".getBytes(StandardCharsets.US_ASCII);

    private final LoginThrottleTest.ManualClock clock = new LoginThrottleTest.ManualClock();
    private final DeviceTokens tokens = new DeviceTokens(SECRET, Duration.ofDays(180), clock);

    @Test
    void aTokenNamesItsUserAndADeviceOfItsOwn() {
        String first = tokens.issue(42);
        String second = tokens.issue(42);
        Device device = tokens.read(first).orElseThrow();
        assertEquals(42, device.userId());
        assertNotEquals(device.id(), tokens.read(second).orElseThrow().id(), "each sign-in, its own device id");
        assertTrue(first.matches("[A-Za-z0-9._-]+"), "a cookie value needs no quoting: " + first);
    }

    @Test
    void aTamperedOrForeignTokenIsNobodys() {
        String token = tokens.issue(42);
        String otherUser = token.replaceFirst("^d1\\.42\\.", "d1.43.");
        assertEquals(Optional.empty(), tokens.read(otherUser));
        assertEquals(Optional.empty(), tokens.read(token.substring(0, token.length() - 2)));
        assertEquals(Optional.empty(), tokens.read("d1.42.0.x.!!"));
        assertEquals(Optional.empty(), tokens.read(""));
        assertEquals(Optional.empty(), tokens.read(null));
        DeviceTokens otherServer = new DeviceTokens("another secret of 32 bytes......".getBytes(StandardCharsets.US_ASCII),
                Duration.ofDays(180), clock);
        assertEquals(Optional.empty(), otherServer.read(token));
    }

    @Test
    void aTokenExpires() {
        String token = tokens.issue(7);
        clock.advance(Duration.ofDays(180));
        assertTrue(tokens.read(token).isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), tokens.read(token));
    }
}
