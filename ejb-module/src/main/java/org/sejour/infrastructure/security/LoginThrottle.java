package org.sejour.infrastructure.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides, before any password is hashed, whether a login attempt may go on, following OWASP's
 * "device cookies" with a limit per address:
 * <ul>
 * <li>A client that brings a valid device cookie for the user it names (given by an earlier
 * successful login from that browser, see {@link DeviceTokens}) is a <em>trusted device</em>:
 * its failures lock out that device only.</li>
 * <li>Every other client is <em>untrusted</em>. Their failures on one login add up, whoever makes
 * them: past {@code maxFailures} the login is locked for untrusted clients, for a delay that
 * doubles with each further failure, up to a ceiling. A distributed guesser therefore gets a
 * few guesses per lock-out, while the owner's own browsers (trusted devices) still get in.</li>
 * <li>An untrusted attempt also takes one unit of its address's allowance ({@code addressMaxFailures},
 * one unit forgiven every {@code addressForgiveness}); a success gives its unit back, a failure
 * keeps it. An address spraying many logins is stopped there. IPv6 addresses count per /64,
 * what one subscriber usually holds.</li>
 * </ul>
 * Attempts under way count as failures to come, so that parallel guesses cannot get past a
 * limit while the first hashes run. Keying the lock-out per login and address instead would let
 * an owner in from a new address during an attack, but would give a guesser with many addresses
 * a fresh set of guesses per address; the device cookie protects the owner without that.
 * <p>
 * Memory is bounded: each of the three tables holds at most {@code capacity} keys, and forgets a
 * key once it holds nothing (see {@link CappedTable}).
 */
public final class LoginThrottle {

    /** How long to come back after being refused because other attempts on the same key are under way. */
    static final Duration BUSY_WAIT = Duration.ofSeconds(1);

    public record Settings(int maxFailures, Duration firstDelay, Duration maxDelay, int addressMaxFailures,
                           Duration addressForgiveness, int capacity) {

        public Settings {
            if (maxFailures < 1 || addressMaxFailures < 1 || capacity < 1) {
                throw new IllegalArgumentException("login limits must be positive");
            }
            Objects.requireNonNull(firstDelay, "firstDelay is required");
            Objects.requireNonNull(maxDelay, "maxDelay is required");
            if (addressForgiveness.isNegative() || addressForgiveness.isZero()) {
                throw new IllegalArgumentException("addressForgiveness must be positive");
            }
        }
    }

    /** The answer to {@link #admit}: an attempt that may hash the password, or a refusal. */
    public sealed interface Admission permits Attempt, Refusal {
    }

    /** What refused an attempt: the login's lock-out, the device's, or the address's allowance. */
    public enum Limit { LOGIN, DEVICE, ADDRESS }

    public record Refusal(Duration retryAfter, Limit limit) implements Admission {
    }

    /** An admitted attempt; report how it ended with exactly one of failed, succeeded or abandoned. */
    public record Attempt(String key, String address, boolean trusted) implements Admission {
    }

    private final Settings settings;
    private final Clock clock;
    private final CappedTable<Lockout> logins;
    private final CappedTable<Lockout> devices;
    private final CappedTable<Allowance> addresses;

    public LoginThrottle(Settings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings are required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.logins = new CappedTable<>(settings.capacity(), Lockout::new, Lockout::idle);
        this.devices = new CappedTable<>(settings.capacity(), Lockout::new, Lockout::idle);
        this.addresses = new CappedTable<>(settings.capacity(), Allowance::new, Allowance::idle);
    }

    /**
     * May this attempt go on to the password check? {@code trustedDevice} is the id of a valid
     * device cookie that belongs to the user this login names, else null.
     */
    public Admission admit(String login, String address, String trustedDevice) {
        Instant now = clock.instant();
        if (trustedDevice != null) {
            Duration wait = devices.apply(trustedDevice, now, d -> d.admit(now));
            return wait.isZero() ? new Attempt(trustedDevice, null, true) : new Refusal(wait, Limit.DEVICE);
        }
        String loginKey = loginKey(login);
        Duration wait = logins.apply(loginKey, now, l -> l.admit(now));
        if (!wait.isZero()) {
            return new Refusal(wait, Limit.LOGIN);
        }
        String addressKey = addressKey(address);
        Duration addressWait = addresses.apply(addressKey, now, a -> a.take(now));
        if (!addressWait.isZero()) {
            logins.apply(loginKey, now, Lockout::abandon);
            return new Refusal(addressWait, Limit.ADDRESS);
        }
        return new Attempt(loginKey, addressKey, false);
    }

    /** Wrong credentials; answers the lock-out this failure starts (zero if none). */
    public Duration failed(Attempt attempt) {
        Instant now = clock.instant();
        return (attempt.trusted() ? devices : logins).apply(attempt.key(), now, l -> l.fail(now));
    }

    /** The right password: the key's failures are forgotten and the address gets its unit back. */
    public void succeeded(Attempt attempt) {
        Instant now = clock.instant();
        (attempt.trusted() ? devices : logins).apply(attempt.key(), now, Lockout::succeed);
        giveBack(attempt, now);
    }

    /** No password was checked after all (the server was too busy): as if the attempt had not been made. */
    public void abandoned(Attempt attempt) {
        Instant now = clock.instant();
        (attempt.trusted() ? devices : logins).apply(attempt.key(), now, Lockout::abandon);
        giveBack(attempt, now);
    }

    private void giveBack(Attempt attempt, Instant now) {
        if (!attempt.trusted()) {
            addresses.apply(attempt.address(), now, a -> a.giveBack(now));
        }
    }

    /** How many keys the throttle remembers (logins, devices, addresses), for tests of its memory. */
    int remembered() {
        return logins.size() + devices.size() + addresses.size();
    }

    static String loginKey(String login) {
        return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    }

    /** The address as the limit counts it: IPv4 as it is, IPv6 by its /64 (an IPv4-mapped one as IPv4). */
    static String addressKey(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address == null ? "" : address;
        }
        try {
            // a literal with a colon is parsed as IPv6, never looked up in the DNS
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 4 ? InetAddress.getByAddress(bytes).getHostAddress()
                    : HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** Failures on one key (a login, for untrusted clients; a device), and attempts on it under way. */
    private final class Lockout {
        int failures;
        int underWay;
        Instant lastFailure = Instant.MIN;
        Instant blockedUntil = Instant.MIN;

        Duration admit(Instant now) {
            forgetIfQuiet(now);
            if (now.isBefore(blockedUntil)) {
                return Duration.between(now, blockedUntil);
            }
            // after a lock-out, or near the limit, one attempt at a time
            if (underWay > 0 && failures + underWay >= settings.maxFailures()) {
                return BUSY_WAIT;
            }
            underWay++;
            return Duration.ZERO;
        }

        Duration fail(Instant now) {
            underWay = Math.max(0, underWay - 1);
            forgetIfQuiet(now);
            failures++;
            lastFailure = now;
            if (failures < settings.maxFailures()) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - settings.maxFailures(), 20);
            Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
            delay = delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
            blockedUntil = now.plus(delay);
            return delay;
        }

        Void succeed() {
            underWay = Math.max(0, underWay - 1);
            failures = 0;
            blockedUntil = Instant.MIN;
            return null;
        }

        Void abandon() {
            underWay = Math.max(0, underWay - 1);
            return null;
        }

        /** A quiet period longer than twice the ceiling starts the count again. */
        private boolean quiet(Instant now) {
            return failures > 0 && lastFailure.plus(settings.maxDelay().multipliedBy(2)).isBefore(now);
        }

        private void forgetIfQuiet(Instant now) {
            if (quiet(now)) {
                failures = 0;
                blockedUntil = Instant.MIN;
            }
        }

        boolean idle(Instant now) {
            return underWay == 0 && (failures == 0 || quiet(now));
        }
    }

    /** An address's allowance: units used (failures kept, attempts under way), one forgiven per period. */
    private final class Allowance {
        double used;
        Instant at = Instant.MIN;

        Duration take(Instant now) {
            forgive(now);
            double over = used + 1 - settings.addressMaxFailures();
            if (over > 0) {
                return Duration.ofMillis((long) Math.ceil(over * settings.addressForgiveness().toMillis()));
            }
            used += 1;
            return Duration.ZERO;
        }

        Void giveBack(Instant now) {
            forgive(now);
            used = Math.max(0, used - 1);
            return null;
        }

        private void forgive(Instant now) {
            if (at.isBefore(now)) {
                if (!at.equals(Instant.MIN)) {
                    double periods = (double) Duration.between(at, now).toMillis()
                            / settings.addressForgiveness().toMillis();
                    used = Math.max(0, used - periods);
                }
                at = now;
            }
        }

        boolean idle(Instant now) {
            forgive(now);
            return used <= 0;
        }
    }
}
