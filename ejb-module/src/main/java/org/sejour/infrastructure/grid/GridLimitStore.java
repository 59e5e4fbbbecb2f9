package org.sejour.infrastructure.grid;

import com.hazelcast.map.IMap;
import org.sejour.application.limits.LimitStore;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A limit's table in a Hazelcast map, updated by compare-and-set: read the key's text, apply the
 * step, write the result only if the text is still the one read (putIfAbsent, replace, remove
 * with the old value), else start again from what another member wrote. A step that changes
 * nothing writes nothing. No entry processor: it would carry Séjour's classes to other members.
 * The threads of this server update a key one at a time (a lock per stripe of keys), so that
 * under a flood from one address the compare-and-set is fought over by servers, not by threads:
 * with sixteen threads on one key, some lost all of 64 rounds without it.
 * <p>
 * When the grid fails (a member lost, a timeout, a key fought over past {@link #MAX_ROUNDS}
 * rounds), that call is answered by this server's own table: for as long as the grid does not
 * answer, each server limits on its own, as a single server does; nobody is locked out by the
 * failure and nobody gets past every limit. One warning when that starts, one line when the
 * grid answers again. A call waits for the grid as long as Hazelcast's operation timeout.
 */
final class GridLimitStore<S> implements LimitStore<S> {

    /** Rounds lost to other members before this call gives up on the grid (each is two calls). */
    static final int MAX_ROUNDS = 64;
    private static final Logger LOG = Logger.getLogger(GridLimitStore.class.getName());

    private final String name;
    private final IMap<String, String> map;
    private final Codec<S> codec;
    private final LimitStore<S> local;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final Object[] stripes = new Object[64];

    GridLimitStore(String name, IMap<String, String> map, Codec<S> codec, LimitStore<S> local) {
        this.name = name;
        this.map = map;
        this.codec = codec;
        this.local = local;
        Arrays.setAll(stripes, i -> new Object());
    }

    @Override
    public <R> R update(String key, long now, Function<S, Step<S, R>> step) {
        String why;
        try {
            synchronized (stripes[Math.floorMod(key.hashCode(), stripes.length)]) {
                for (int round = 0; round < MAX_ROUNDS; round++) {
                    String old = map.get(key);
                    Step<S, R> next = step.apply(decode(old));
                    if (write(key, old, next.next() == null ? null : codec.encode(next.next()))) {
                        if (failing.compareAndSet(true, false)) {
                            LOG.log(Level.INFO, "The Data Grid answers again: limits {0} shared again", name);
                        }
                        return next.answer();
                    }
                    // another server came first: a random pause, longer each time, spreads the retries
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1L << Math.min(round + 10, 20)));
                }
            }
            // the key is not named: for the login throttle, it is what was typed as a login
            why = "a key still changing after " + MAX_ROUNDS + " rounds";
        } catch (RuntimeException e) {
            why = e.toString();
        }
        if (failing.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "The Data Grid did not answer ({0}): limits {1} counted by each server on its own"
                    + " until it does", new Object[]{why, name});
        }
        return local.update(key, now, step);
    }

    private S decode(String text) {
        if (text == null) {
            return null;
        }
        try {
            return codec.decode(text);
        } catch (RuntimeException e) {
            // written by another version of Séjour: started afresh, and replaced by the compare-and-set
            LOG.log(Level.FINE, "Unreadable state in {0}: {1}", new Object[]{name, text});
            return null;
        }
    }

    /** Writes the next text if the key still holds the old one; no text: the key is forgotten. */
    private boolean write(String key, String old, String next) {
        if (old == null) {
            return next == null || map.putIfAbsent(key, next) == null;
        }
        if (next == null) {
            return map.remove(key, old);
        }
        return next.equals(old) || map.replace(key, old, next);
    }
}
