package org.sejour.infrastructure.grid;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sejour.application.limits.ConcurrentLimitStore;
import org.sejour.application.limits.LimitStore;
import org.sejour.application.limits.LimitStore.Step;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The grid store on two real members: what one writes the other reads, and entries vanish when idle. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GridLimitStoreTest {

    /** A count per key, as text; zero is nothing to remember. */
    private static final LimitStore.Codec<Long> COUNT = new LimitStore.Codec<>() {
        @Override
        public String encode(Long n) {
            return n.toString();
        }

        @Override
        public Long decode(String text) {
            return Long.valueOf(text);
        }
    };

    private GridMembers members;

    @BeforeAll
    void start() {
        members = GridMembers.start();
    }

    @AfterAll
    void stop() {
        members.close();
    }

    private static Step<Long, Long> increment(Long n) {
        long next = (n == null ? 0 : n) + 1;
        return new Step<>(next, next);
    }

    private static ConcurrentLimitStore<Long> local() {
        return new ConcurrentLimitStore<>(100, (n, now) -> n == 0);
    }

    /** The same table on both members: its name is new for each test, so no test sees another's. */
    private LimitStore<Long> onA(String table, Duration idleAfter) {
        return new HazelcastLimitStores(members.a).store(table, COUNT, idleAfter, 10_000, local());
    }

    private LimitStore<Long> onB(String table, Duration idleAfter) {
        return new HazelcastLimitStores(members.b).store(table, COUNT, idleAfter, 10_000, local());
    }

    private static String table() {
        return "test-" + UUID.randomUUID();
    }

    @Test
    void bothMembersUpdateOneState() {
        String table = table();
        LimitStore<Long> a = onA(table, Duration.ofMinutes(1));
        LimitStore<Long> b = onB(table, Duration.ofMinutes(1));
        assertEquals(1L, a.update("k", 0, GridLimitStoreTest::increment));
        assertEquals(2L, b.update("k", 0, GridLimitStoreTest::increment));
        assertEquals(3L, a.update("k", 0, GridLimitStoreTest::increment));
        assertEquals("3", members.b.getMap(table).get("k"), "a JDK string in the grid");
        Long forgotten = b.update("k", 0, n -> new Step<>(null, n));
        assertEquals(3L, forgotten, "a step with no next state");
        assertNull(members.a.getMap(table).get("k"), "forgets the key");
    }

    @Test
    void concurrentUpdatesOnBothMembersAreNeverLost() throws Exception {
        String table = table();
        LimitStore<Long> a = onA(table, Duration.ofMinutes(1));
        LimitStore<Long> b = onB(table, Duration.ofMinutes(1));
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            AtomicInteger calls = new AtomicInteger();
            Future<?>[] done = new Future<?>[16];
            for (int t = 0; t < 16; t++) {
                LimitStore<Long> store = t % 2 == 0 ? a : b;
                done[t] = threads.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        store.update("k", 0, GridLimitStoreTest::increment);
                        calls.incrementAndGet();
                    }
                });
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertEquals(800, calls.get());
            assertEquals("800", members.a.getMap(table).get("k"), "each of the 800 increments counted once");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anEntryVanishesAfterItsIdleTimeButNotWhileItIsWritten() throws InterruptedException {
        String table = table();
        LimitStore<Long> a = onA(table, Duration.ofSeconds(2));
        LimitStore<Long> b = onB(table, Duration.ofSeconds(2));
        a.update("idle", 0, GridLimitStoreTest::increment);
        for (int i = 0; i < 6; i++) {
            b.update("busy", 0, GridLimitStoreTest::increment);
            Thread.sleep(600);
        }
        assertNull(members.b.getMap(table).get("idle"), "idle for 3.6 s, past its 2 s");
        assertEquals("6", members.a.getMap(table).get("busy"), "written every 0.6 s: the time runs from the last write");
        assertEquals(7L, a.update("busy", 0, GridLimitStoreTest::increment));
        assertEquals(1L, a.update("idle", 0, GridLimitStoreTest::increment), "counted afresh");
    }

    @Test
    void aTextAnotherVersionWroteIsStartedAfresh() {
        String table = table();
        LimitStore<Long> a = onA(table, Duration.ofMinutes(1));
        members.b.<String, String>getMap(table).put("k", "written,otherwise");
        assertEquals(1L, a.update("k", 0, GridLimitStoreTest::increment));
        assertEquals("1", members.b.getMap(table).get("k"));
    }

    @Test
    void whenTheGridFailsThisServerCountsOnItsOwnUntilItAnswersAgain() {
        try (GridMembers own = GridMembers.start()) {
            ConcurrentLimitStore<Long> local = local();
            LimitStore<Long> a = new HazelcastLimitStores(own.a).store("failing", COUNT, Duration.ofMinutes(1),
                    10_000, local);
            assertEquals(1L, a.update("k", 0, GridLimitStoreTest::increment));
            assertEquals(2L, a.update("k", 0, GridLimitStoreTest::increment));
            assertEquals(0, local.size(), "nothing kept locally while the grid answers");
            own.a.getLifecycleService().terminate();
            assertEquals(1L, a.update("k", 0, GridLimitStoreTest::increment), "answered by the local table");
            assertEquals(2L, a.update("k", 0, GridLimitStoreTest::increment));
            assertEquals("2", own.b.getMap("failing").get("k"), "the grid kept what it had");
        }
    }
}
