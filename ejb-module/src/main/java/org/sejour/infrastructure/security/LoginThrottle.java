package org.sejour.infrastructure.security;

import org.sejour.application.limits.LimitStore;
import org.sejour.application.limits.LimitStore.Step;
import org.sejour.application.limits.LimitStores;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
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
 * The state of a key is a small immutable value ({@link Lockout}, {@link Allowance}), kept in a
 * {@link LimitStore}: in this server's memory, where each of the three tables holds at most
 * {@code capacity} keys and forgets a key once it holds nothing (see {@link CappedTable}); or,
 * when the Data Grid runs, in the grid, where all servers of the deployment group see the same
 * counts and a key vanishes once its state can hold nothing any more. A server that stops while a
 * password is being checked leaves that attempt counted as under way in the grid: a login with
 * four failures is then refused as busy until they are forgotten (twice the ceiling without one),
 * and the entry lasts until the login is left alone for its lifetime.
 */
public final class LoginThrottle {

    /** How long to come back after being refused because other attempts on the same key are under way. */
    static final Duration BUSY_WAIT = Duration.ofSeconds(1);
    /** A moment that has not come: no failure yet, no lock-out. */
    private static final long NEVER = Long.MIN_VALUE;
    /** Added to how long a state lasts in the grid: the servers' clocks may differ a little. */
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

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
    private final CappedTable<Lockout> localLogins;
    private final CappedTable<Lockout> localDevices;
    private final CappedTable<Allowance> localAddresses;
    private final LimitStore<Lockout> logins;
    private final LimitStore<Lockout> devices;
    private final LimitStore<Allowance> addresses;

    /** A throttle of this server alone, in its memory. */
    public LoginThrottle(Settings settings, Clock clock) {
        this(settings, clock, LimitStores.inMemory());
    }

    /** A throttle whose tables are where {@code stores} keeps them; {@code clock} should be the stores' own. */
    public LoginThrottle(Settings settings, Clock clock, LimitStores stores) {
        this.settings = Objects.requireNonNull(settings, "settings are required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.localLogins = new CappedTable<>(settings.capacity(), (l, now) -> l.idle(now, settings));
        this.localDevices = new CappedTable<>(settings.capacity(), (l, now) -> l.idle(now, settings));
        this.localAddresses = new CappedTable<>(settings.capacity(), (a, now) -> a.idle(now, settings));
        // a lock-out is forgotten after twice the ceiling without a failure; an allowance is whole
        // again once every unit is forgiven
        Duration lockoutLasts = settings.maxDelay().multipliedBy(2).plus(CLOCK_MARGIN);
        Duration allowanceLasts = settings.addressForgiveness().multipliedBy(settings.addressMaxFailures())
                .plus(CLOCK_MARGIN);
        this.logins = stores.store("sejour.login.logins", Lockout.CODEC, lockoutLasts, settings.capacity(),
                localLogins);
        this.devices = stores.store("sejour.login.devices", Lockout.CODEC, lockoutLasts, settings.capacity(),
                localDevices);
        this.addresses = stores.store("sejour.login.addresses", Allowance.CODEC, allowanceLasts,
                settings.capacity(), localAddresses);
    }

    /**
     * May this attempt go on to the password check? {@code trustedDevice} is the id of a valid
     * device cookie that belongs to the user this login names, else null.
     */
    public Admission admit(String login, String address, String trustedDevice) {
        long now = clock.millis();
        if (trustedDevice != null) {
            Duration wait = devices.update(trustedDevice, now, d -> lockout(d).admit(now, settings));
            return wait.isZero() ? new Attempt(trustedDevice, null, true) : new Refusal(wait, Limit.DEVICE);
        }
        String loginKey = loginKey(login);
        Duration wait = logins.update(loginKey, now, l -> lockout(l).admit(now, settings));
        if (!wait.isZero()) {
            return new Refusal(wait, Limit.LOGIN);
        }
        String addressKey = addressKey(address);
        Duration addressWait = addresses.update(addressKey, now, a -> allowance(a).take(now, settings));
        if (!addressWait.isZero()) {
            logins.update(loginKey, now, l -> lockout(l).abandon(now, settings));
            return new Refusal(addressWait, Limit.ADDRESS);
        }
        return new Attempt(loginKey, addressKey, false);
    }

    /** Wrong credentials; answers the lock-out this failure starts (zero if none). */
    public Duration failed(Attempt attempt) {
        long now = clock.millis();
        return lockouts(attempt).update(attempt.key(), now, l -> lockout(l).fail(now, settings));
    }

    /** The right password: the key's failures are forgotten and the address gets its unit back. */
    public void succeeded(Attempt attempt) {
        long now = clock.millis();
        lockouts(attempt).update(attempt.key(), now, l -> lockout(l).succeed(now, settings));
        giveBack(attempt, now);
    }

    /** No password was checked after all (the server was too busy): as if the attempt had not been made. */
    public void abandoned(Attempt attempt) {
        long now = clock.millis();
        lockouts(attempt).update(attempt.key(), now, l -> lockout(l).abandon(now, settings));
        giveBack(attempt, now);
    }

    private LimitStore<Lockout> lockouts(Attempt attempt) {
        return attempt.trusted() ? devices : logins;
    }

    private void giveBack(Attempt attempt, long now) {
        if (!attempt.trusted()) {
            addresses.update(attempt.address(), now, a -> allowance(a).giveBack(now, settings));
        }
    }

    private static Lockout lockout(Lockout stored) {
        return stored == null ? Lockout.NONE : stored;
    }

    private static Allowance allowance(Allowance stored) {
        return stored == null ? Allowance.NONE : stored;
    }

    /** How many keys the throttle remembers in memory (logins, devices, addresses), for tests of its memory. */
    int remembered() {
        return localLogins.size() + localDevices.size() + localAddresses.size();
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

    /**
     * Failures on one key (a login, for untrusted clients; a device), and attempts on it under way.
     * Times in milliseconds of the epoch, {@link #NEVER} for none.
     */
    record Lockout(int failures, int underWay, long lastFailure, long blockedUntil) {

        static final Lockout NONE = new Lockout(0, 0, NEVER, NEVER);

        static final LimitStore.Codec<Lockout> CODEC = new LimitStore.Codec<>() {
            @Override
            public String encode(Lockout l) {
                return l.failures + "," + l.underWay + "," + l.lastFailure + "," + l.blockedUntil;
            }

            @Override
            public Lockout decode(String text) {
                String[] parts = text.split(",", -1);
                if (parts.length != 4) {
                    throw new IllegalArgumentException("not a lock-out: " + text);
                }
                return new Lockout(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]),
                        Long.parseLong(parts[3]));
            }
        };

        Step<Lockout, Duration> admit(long now, Settings settings) {
            Lockout current = forgottenIfQuiet(now, settings);
            if (now < current.blockedUntil) {
                return current.kept(now, settings, Duration.ofMillis(current.blockedUntil - now));
            }
            // after a lock-out, or near the limit, one attempt at a time
            if (current.underWay > 0 && current.failures + current.underWay >= settings.maxFailures()) {
                return current.kept(now, settings, BUSY_WAIT);
            }
            return new Lockout(current.failures, current.underWay + 1, current.lastFailure, current.blockedUntil)
                    .kept(now, settings, Duration.ZERO);
        }

        Step<Lockout, Duration> fail(long now, Settings settings) {
            Lockout current = ended().forgottenIfQuiet(now, settings);
            int count = current.failures + 1;
            if (count < settings.maxFailures()) {
                return new Lockout(count, current.underWay, now, current.blockedUntil)
                        .kept(now, settings, Duration.ZERO);
            }
            int doublings = Math.min(count - settings.maxFailures(), 20);
            Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
            delay = delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
            return new Lockout(count, current.underWay, now, now + delay.toMillis()).kept(now, settings, delay);
        }

        Step<Lockout, Void> succeed(long now, Settings settings) {
            return new Lockout(0, ended().underWay, lastFailure, NEVER).kept(now, settings, null);
        }

        Step<Lockout, Void> abandon(long now, Settings settings) {
            return ended().kept(now, settings, null);
        }

        /** One attempt under way fewer. */
        private Lockout ended() {
            return new Lockout(failures, Math.max(0, underWay - 1), lastFailure, blockedUntil);
        }

        /** A quiet period longer than twice the ceiling starts the count again. */
        private boolean quiet(long now, Settings settings) {
            return failures > 0 && lastFailure + settings.maxDelay().multipliedBy(2).toMillis() < now;
        }

        private Lockout forgottenIfQuiet(long now, Settings settings) {
            return quiet(now, settings) ? new Lockout(0, underWay, lastFailure, NEVER) : this;
        }

        boolean idle(long now, Settings settings) {
            return underWay == 0 && (failures == 0 || quiet(now, settings));
        }

        /** This state as the next one, or none when it holds nothing. */
        private <R> Step<Lockout, R> kept(long now, Settings settings, R answer) {
            return new Step<>(idle(now, settings) ? null : this, answer);
        }
    }

    /**
     * An address's allowance: units used (failures kept, attempts under way), one forgiven per
     * period, as of {@code at} (milliseconds of the epoch, {@link #NEVER} before the first).
     */
    record Allowance(double used, long at) {

        static final Allowance NONE = new Allowance(0, NEVER);

        static final LimitStore.Codec<Allowance> CODEC = LimitStore.Codec.amountAt(Allowance::used, Allowance::at,
                Allowance::new);

        Step<Allowance, Duration> take(long now, Settings settings) {
            Allowance current = forgiven(now, settings);
            double over = current.used + 1 - settings.addressMaxFailures();
            if (over > 0) {
                return current.kept(now, settings,
                        Duration.ofMillis((long) Math.ceil(over * settings.addressForgiveness().toMillis())));
            }
            return new Allowance(current.used + 1, current.at).kept(now, settings, Duration.ZERO);
        }

        Step<Allowance, Void> giveBack(long now, Settings settings) {
            Allowance current = forgiven(now, settings);
            return new Allowance(Math.max(0, current.used - 1), current.at).kept(now, settings, null);
        }

        private Allowance forgiven(long now, Settings settings) {
            if (at >= now) {
                return this;
            }
            double left = at == NEVER ? used
                    : Math.max(0, used - (double) (now - at) / settings.addressForgiveness().toMillis());
            return new Allowance(left, now);
        }

        boolean idle(long now, Settings settings) {
            return forgiven(now, settings).used <= 0;
        }

        private <R> Step<Allowance, R> kept(long now, Settings settings, R answer) {
            return new Step<>(idle(now, settings) ? null : this, answer);
        }
    }
}
