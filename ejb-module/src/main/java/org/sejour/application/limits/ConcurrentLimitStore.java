package org.sejour.application.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A store in this server's memory for a limit asked on every request: a concurrent map, where
 * updates of different keys do not wait for each other. Above {@code pruneAbove} keys, the idle
 * ones are dropped before an update; a key that is not idle is kept whatever the count.
 */
public final class ConcurrentLimitStore<S> implements LimitStore<S> {

    private final int pruneAbove;
    private final Idle<S> idle;
    private final Map<String, S> states = new ConcurrentHashMap<>();

    public ConcurrentLimitStore(int pruneAbove, Idle<S> idle) {
        if (pruneAbove < 1) {
            throw new IllegalArgumentException("pruneAbove must be positive");
        }
        this.pruneAbove = pruneAbove;
        this.idle = idle;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R update(String key, long now, Function<S, Step<S, R>> step) {
        if (states.size() > pruneAbove) {
            states.values().removeIf(s -> idle.at(s, now));
        }
        Object[] answer = new Object[1];
        // compute holds the key's lock while the step runs: an update of this key at a time
        states.compute(key, (k, state) -> {
            Step<S, R> next = step.apply(state);
            answer[0] = next.answer();
            return next.next();
        });
        return (R) answer[0];
    }

    /** How many keys are remembered, for tests of the bound. */
    public int size() {
        return states.size();
    }
}
