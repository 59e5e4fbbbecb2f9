package org.sejour.infrastructure.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The login throttle's memory of one kind of key (logins, devices, addresses): at most
 * {@code capacity} entries, whatever is thrown at it. An entry goes as soon as it holds nothing
 * worth remembering, idle entries are swept once a minute, and past the capacity the entry
 * used least recently is dropped. Under a spray of new keys that can forget a lock-out (the
 * price of a bound); what it cannot do is exhaust the heap. One lock for the whole table: every
 * admitted attempt costs a password hash, hundreds of times longer than the work done under it.
 */
final class CappedTable<E> {

    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final Supplier<E> fresh;
    private final BiPredicate<E, Instant> idle;
    private final Map<String, E> entries;
    private Instant lastSweep = Instant.MIN;

    CappedTable(int capacity, Supplier<E> fresh, BiPredicate<E, Instant> idle) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.fresh = fresh;
        this.idle = idle;
        // access order: the eldest entry is the one used least recently
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, E> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Applies the action to the key's entry (a fresh one when there is none), under the table's lock. */
    synchronized <R> R apply(String key, Instant now, Function<E, R> action) {
        if (lastSweep.plus(SWEEP_EVERY).isBefore(now)) {
            entries.values().removeIf(e -> idle.test(e, now));
            lastSweep = now;
        }
        E entry = entries.get(key);
        if (entry == null) {
            entry = fresh.get();
            entries.put(key, entry);
        }
        R result = action.apply(entry);
        if (idle.test(entry, now)) {
            entries.remove(key);
        }
        return result;
    }

    synchronized int size() {
        return entries.size();
    }
}
