package org.sejour.interfaces.web;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstPassesThenTheClientWaitsForTheRefill() {
        RateLimiter limiter = new RateLimiter(3, 2.0);
        assertEquals(0, limiter.acquire("a", 0));
        assertEquals(0, limiter.acquire("a", 0));
        assertEquals(0, limiter.acquire("a", 0));
        assertEquals(1, limiter.acquire("a", 0), "half a second to the next token: rounded up to 1 s");
        assertEquals(0, limiter.acquire("a", SECOND / 2), "one token back after half a second at 2/s");
        assertEquals(1, limiter.acquire("a", SECOND / 2));
    }

    @Test
    void eachAddressHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(1, 0.1);
        assertEquals(0, limiter.acquire("a", 0));
        assertEquals(10, limiter.acquire("a", 0), "one token per 10 s");
        assertEquals(0, limiter.acquire("b", 0));
    }

    @Test
    void aLongPauseRefillsOnlyUpToTheBurst() {
        RateLimiter limiter = new RateLimiter(2, 1.0);
        limiter.acquire("a", 0);
        limiter.acquire("a", 0);
        long later = 3600 * SECOND;
        assertEquals(0, limiter.acquire("a", later));
        assertEquals(0, limiter.acquire("a", later));
        assertEquals(1, limiter.acquire("a", later));
    }

    @Test
    void aClockReadingOlderThanTheBucketsTakesNoTokenAway() {
        RateLimiter limiter = new RateLimiter(3, 2.0);
        assertEquals(0, limiter.acquire("a", SECOND));
        // read before the first request's but came to the bucket after it, as under load
        assertEquals(0, limiter.acquire("a", 0));
        assertEquals(0, limiter.acquire("a", 0));
        assertEquals(1, limiter.acquire("a", SECOND));
    }

    @Test
    void anIpv6HostIsCountedByItsSlash64() {
        RateLimiter limiter = new RateLimiter(1, 0.1);
        assertEquals(0, limiter.acquire("2001:db8:1:2:0:0:0:1", 0));
        assertEquals(10, limiter.acquire("2001:db8:1:2:ffff:ffff:ffff:fffe", 0), "another address of the same /64");
        assertEquals(0, limiter.acquire("2001:db8:1:3::1", 0), "the next /64 is another client");
        assertEquals(0, limiter.acquire("127.0.0.1", 0));
        assertEquals(0, limiter.acquire("127.0.0.2", 0), "IPv4 addresses count one by one");
    }

    @Test
    void manyThreadsNeverGetMoreThanTheBurst() throws Exception {
        RateLimiter limiter = new RateLimiter(1000, 0.001);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> clients = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                clients.add(() -> {
                    int granted = 0;
                    for (int i = 0; i < 500; i++) {
                        granted += limiter.acquire("a", 0) == 0 ? 1 : 0;
                    }
                    return granted;
                });
            }
            int granted = 0;
            for (Future<Integer> done : threads.invokeAll(clients, 60, TimeUnit.SECONDS)) {
                granted += done.get();
            }
            assertEquals(1000, granted, "4000 requests at once, none lost, none granted past the burst");
        } finally {
            threads.shutdownNow();
        }
    }
}
