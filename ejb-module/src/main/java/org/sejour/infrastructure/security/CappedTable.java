package org.sejour.infrastructure.security;

import org.sejour.application.limits.LimitStore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The login throttle's memory of one kind of key (logins, devices, addresses): at most
 * {@code capacity} entries, whatever is thrown at it. An entry goes as soon as it holds nothing
 * worth remembering, idle entries are swept once a minute, and past the capacity the entry
 * used least recently is dropped. Under a spray of new keys that can forget a lock-out (the
 * price of a bound); what it cannot do is exhaust the heap. One lock for the whole table: every
 * admitted attempt costs a password hash, hundreds of times longer than the work done under it.
 * Clock readings are in milliseconds.
 */
final class CappedTable<S> implements LimitStore<S> {

    private static final long SWEEP_EVERY_MILLIS = 60_000;

    private final Idle<S> idle;
    private final Map<String, S> entries;
    private long lastSweep = Long.MIN_VALUE;

    CappedTable(int capacity, Idle<S> idle) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.idle = idle;
        // access order: the eldest entry is the one used least recently
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, S> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized <R> R update(String key, long now, Function<S, Step<S, R>> step) {
        if (lastSweep + SWEEP_EVERY_MILLIS < now) {
            entries.values().removeIf(e -> idle.at(e, now));
            lastSweep = now;
        }
        Step<S, R> next = step.apply(entries.get(key));
        if (next.next() == null) {
            entries.remove(key);
        } else {
            entries.put(key, next.next());
        }
        return next.answer();
    }

    synchronized int size() {
        return entries.size();
    }
}
