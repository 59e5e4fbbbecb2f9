package org.sejour.interfaces.web;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address: {@code burst} requests at once, then {@code perSecond}
 * a second. Held in this server's memory: each server of a cluster limits on its own, and a
 * restart forgets; enough to stop one address from flooding the engine, not a global quota.
 */
public final class RateLimiter {

    /** Above this many addresses, buckets full again are forgotten (they would allow a burst anyway). */
    private static final int PRUNE_ABOVE = 10_000;

    private final int burst;
    private final double perSecond;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * The limiter configured by {@code <prefix>.burst} and {@code <prefix>.perSecond}
     * (MicroProfile Config), with these defaults.
     */
    public static RateLimiter configured(String prefix, int burst, double perSecond) {
        Config config = ConfigProvider.getConfig();
        return new RateLimiter(config.getOptionalValue(prefix + ".burst", Integer.class).orElse(burst),
                config.getOptionalValue(prefix + ".perSecond", Double.class).orElse(perSecond));
    }

    RateLimiter(int burst, double perSecond) {
        if (burst < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("a rate limit needs a burst of at least 1 and a positive rate");
        }
        this.burst = burst;
        this.perSecond = perSecond;
    }

    /** 0 when the request may go on, else the whole seconds to wait before asking again. */
    public long acquire(String address, long nowNanos) {
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(b -> b.fullAt(nowNanos, burst, perSecond));
        }
        Bucket bucket = buckets.computeIfAbsent(client(address), c -> new Bucket(burst, nowNanos));
        synchronized (bucket) {
            bucket.refill(nowNanos, burst, perSecond);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / perSecond);
        }
    }

    /**
     * Whom a bucket counts: the IPv4 address, or the /64 network of an IPv6 one, since a single
     * IPv6 host usually holds a whole /64 and would otherwise get a fresh bucket per address.
     */
    static String client(String address) {
        if (address == null || address.indexOf(':') < 0) {
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

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(int tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        void refill(long now, int burst, double perSecond) {
            // a request may read the clock before one that took the lock first: an older reading
            // adds nothing (a negative interval took tokens away, and 429s came under load)
            if (now > at) {
                tokens = Math.min(burst, tokens + (now - at) / 1e9 * perSecond);
                at = now;
            }
        }

        synchronized boolean fullAt(long now, int burst, double perSecond) {
            return tokens + Math.max(0, now - at) / 1e9 * perSecond >= burst;
        }
    }
}
