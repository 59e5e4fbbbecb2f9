package org.sejour.infrastructure.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashGateTest {

    @Test
    void aCheckWaitsForAFreePermitAtMostTheWaitAndTrustedDevicesHaveTheirOwnLane() throws Exception {
        HashGate gate = new HashGate(1, Duration.ofMillis(200));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = pool.submit(() -> gate.run(false, () -> {
                running.countDown();
                await(release);
                return "first";
            }));
            assertTrue(running.await(5, TimeUnit.SECONDS));
            long start = System.nanoTime();
            assertThrows(HashGate.BusyException.class, () -> gate.run(false, () -> "second"));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(190), "waited its turn first");
            assertEquals("trusted", gate.run(true, () -> "trusted"), "the other lane is free");
            release.countDown();
            assertEquals("first", first.get(5, TimeUnit.SECONDS));
            assertEquals("third", gate.run(false, () -> "third"), "the permit came back");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
