package org.sejour.interfaces.web;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.sejour.application.limits.ConcurrentLimitStore;
import org.sejour.application.limits.LimitStore;
import org.sejour.application.limits.LimitStore.Step;
import org.sejour.application.limits.LimitStores;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: {@code burst} requests at once, then {@code perSecond}
 * a second. On a single server the buckets are in its memory; when the Data Grid runs they are
 * in the grid (see {@link LimitStores}), and the servers of the deployment group count each
 * address together. Enough to stop one address from flooding the engine, not a quota: a
 * restart of every server forgets.
 */
public final class RateLimiter {

    /** Above this many addresses, buckets full again are forgotten (they would allow a burst anyway). */
    private static final int PRUNE_ABOVE = 10_000;
    /** In the grid, the least recently used buckets go past this many per server (Hazelcast counts roughly). */
    private static final int SHARED_CAPACITY = 100_000;

    private final int burst;
    private final double perSecond;
    private final LongSupplier clock;
    private final LimitStore<Bucket> buckets;

    /**
     * The limiter configured by {@code <name>.burst} and {@code <name>.perSecond}
     * (MicroProfile Config), with these defaults; {@code name} also names its table in the grid.
     */
    public static RateLimiter configured(String name, int burst, double perSecond, LimitStores stores) {
        Config config = ConfigProvider.getConfig();
        return new RateLimiter(name, config.getOptionalValue(name + ".burst", Integer.class).orElse(burst),
                config.getOptionalValue(name + ".perSecond", Double.class).orElse(perSecond), stores);
    }

    RateLimiter(int burst, double perSecond) {
        this("sejour.rateLimit", burst, perSecond, LimitStores.inMemory());
    }

    RateLimiter(String name, int burst, double perSecond, LimitStores stores) {
        if (burst < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("a rate limit needs a burst of at least 1 and a positive rate");
        }
        this.burst = burst;
        this.perSecond = perSecond;
        this.clock = stores.nanoClock();
        // a bucket left alone this long is full, as good as none
        Duration refill = Duration.ofSeconds((long) Math.ceil(burst / perSecond) + 1);
        this.buckets = stores.store(name, Bucket.CODEC, refill, SHARED_CAPACITY,
                new ConcurrentLimitStore<>(PRUNE_ABOVE, (b, now) -> b.fullAt(now, burst, perSecond)));
    }

    /** 0 when the request may go on, else the whole seconds to wait before asking again. */
    public long acquire(String address) {
        return acquire(address, clock.getAsLong());
    }

    long acquire(String address, long nowNanos) {
        return buckets.update(client(address), nowNanos, bucket -> take(bucket, nowNanos));
    }

    private Step<Bucket, Long> take(Bucket bucket, long now) {
        Bucket current = bucket == null ? new Bucket(burst, now) : bucket.refilled(now, burst, perSecond);
        if (current.tokens() >= 1) {
            return new Step<>(new Bucket(current.tokens() - 1, current.at()), 0L);
        }
        // a refusal writes nothing: the refill is worked out again from the same state next time,
        // and in the grid a flood of refused requests costs reads only
        return new Step<>(bucket, (long) Math.ceil((1 - current.tokens()) / perSecond));
    }

    /**
     * Whom a bucket counts: the IPv4 address, or the /64 network of an IPv6 one, since a single
     * IPv6 host usually holds a whole /64 and would otherwise get a fresh bucket per address.
     */
    static String client(String address) {
        if (address == null) {
            // a member of a Deployment Group reached without its balancer's Proxy-ip header: no
            // client address at all, counted as one unknown client rather than failing the request
            return "";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // a literal: parsed, never looked up
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** The tokens left at a clock reading. */
    record Bucket(double tokens, long at) {

        static final LimitStore.Codec<Bucket> CODEC = LimitStore.Codec.amountAt(Bucket::tokens, Bucket::at, Bucket::new);

        Bucket refilled(long now, int burst, double perSecond) {
            // a request may read the clock before one that got to the bucket first: an older reading
            // adds nothing (a negative interval took tokens away, and 429s came under load); in the
            // grid it also makes a server whose clock lags add nothing, rather than take away
            return now > at ? new Bucket(Math.min(burst, tokens + (now - at) / 1e9 * perSecond), now) : this;
        }

        boolean fullAt(long now, int burst, double perSecond) {
            return tokens + Math.max(0, now - at) / 1e9 * perSecond >= burst;
        }
    }
}
