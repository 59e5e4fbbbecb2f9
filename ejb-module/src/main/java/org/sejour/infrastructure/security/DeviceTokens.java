package org.sejour.infrastructure.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The values of OWASP's "device cookies": given to a browser after a successful login, they tell
 * the {@link LoginThrottle} that a later attempt comes from a device the user signed in with
 * before. A value is {@code d1.<user id>.<issued, epoch seconds>.<random id>.<HMAC>}; it proves
 * nothing about the password (it lets no one in), only where the attempt comes from. It holds
 * no login (a login may change; the user id does not) and expires after {@code lifetime}.
 */
public final class DeviceTokens {

    /** A valid device cookie: whose it is, and the id its failures are counted under. */
    public record Device(long userId, String id) {
    }

    private static final String VERSION = "d1";
    private static final int MAX_LENGTH = 200;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final Duration lifetime;
    private final Clock clock;

    public DeviceTokens(byte[] secret, Duration lifetime, Clock clock) {
        this.key = Hmac.subKey(Objects.requireNonNull(secret, "secret is required"), "device-cookie");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String issue(long userId) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String body = VERSION + "." + userId + "." + clock.instant().getEpochSecond() + "."
                + ENCODER.encodeToString(id);
        return body + "." + ENCODER.encodeToString(Hmac.sign(key, body));
    }

    /** The device a value names, if this server signed it and it has not expired. */
    public Optional<Device> read(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = value.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String body = value.substring(0, dot);
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(value.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(signature, Hmac.sign(key, body))) {
            return Optional.empty();
        }
        // signed by this server, hence well formed
        String[] parts = body.split("\\.");
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        if (issued.plus(lifetime).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new Device(Long.parseLong(parts[1]), parts[3]));
    }
}
