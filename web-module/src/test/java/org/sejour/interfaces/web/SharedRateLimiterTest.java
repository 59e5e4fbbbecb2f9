package org.sejour.interfaces.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sejour.infrastructure.grid.GridMembers;
import org.sejour.infrastructure.grid.HazelcastLimitStores;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rate limit of two servers sharing a Data Grid (two real Hazelcast members): an address's
 * requests on both count against one bucket. Each test has a limiter of its own name (its table).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedRateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private GridMembers members;

    @BeforeAll
    void start() {
        members = GridMembers.start();
    }

    @AfterAll
    void stop() {
        members.close();
    }

    /** The same limit on both servers, as RateLimitFilter builds it on each. */
    private RateLimiter[] onBoth(int burst, double perSecond) {
        String name = "test-rate-" + UUID.randomUUID();
        return new RateLimiter[]{new RateLimiter(name, burst, perSecond, new HazelcastLimitStores(members.a)),
                new RateLimiter(name, burst, perSecond, new HazelcastLimitStores(members.b))};
    }

    @Test
    void aBurstSpentOnOneServerIsSpentOnTheOther() {
        RateLimiter[] limiters = onBoth(3, 2.0);
        assertEquals(0, limiters[0].acquire("192.0.2.1", 0));
        assertEquals(0, limiters[0].acquire("192.0.2.1", 0));
        assertEquals(0, limiters[1].acquire("192.0.2.1", 0));
        assertEquals(1, limiters[1].acquire("192.0.2.1", 0), "the third request of the burst was the other server's");
        assertEquals(1, limiters[0].acquire("192.0.2.1", 0));
        assertEquals(0, limiters[1].acquire("192.0.2.2", 0), "another address");
        assertEquals(0, limiters[0].acquire("192.0.2.1", SECOND / 2), "one token back after half a second");
        assertEquals(1, limiters[1].acquire("192.0.2.1", SECOND / 2));
    }

    @Test
    void bothServersReadTheSameClock() {
        RateLimiter[] limiters = onBoth(1, 100.0);
        assertEquals(0, limiters[0].acquire("192.0.2.3"));
        long refused = 0;
        // at 100 a second, a token comes back within 10 ms of the cluster's time on either server (a loaded
        // machine still asks twice within that)
        for (int i = 0; i < 200 && refused == 0; i++) {
            refused = limiters[i % 2].acquire("192.0.2.3");
        }
        assertEquals(1, refused, "refused at once when asked too fast, with a second to wait at most");
        long waited = System.nanoTime();
        long answer;
        do {
            answer = limiters[1].acquire("192.0.2.3");
        } while (answer != 0 && System.nanoTime() - waited < 5 * SECOND);
        assertEquals(0, answer, "the other server's reading refills the bucket");
    }

    @Test
    void manyThreadsOnBothServersNeverGetMoreThanTheBurst() throws Exception {
        RateLimiter[] limiters = onBoth(50, 0.001);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> clients = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                RateLimiter limiter = limiters[t % 2];
                clients.add(() -> {
                    int granted = 0;
                    for (int i = 0; i < 20; i++) {
                        granted += limiter.acquire("198.51.100.9") == 0 ? 1 : 0;
                    }
                    return granted;
                });
            }
            int granted = 0;
            for (Future<Integer> done : threads.invokeAll(clients, 60, TimeUnit.SECONDS)) {
                granted += done.get();
            }
            // 320 requests in well under the 1000 s a token takes to come back
            assertEquals(50, granted);
            assertTrue(limiters[0].acquire("198.51.100.9") > 0);
        } finally {
            threads.shutdownNow();
        }
    }
}
