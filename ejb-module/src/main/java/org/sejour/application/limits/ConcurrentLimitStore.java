package org.sejour.application.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A store in this server's memory for a limit asked on every request: a concurrent map, where
 * updates of different keys do not wait for each other. States must be values (records). Above {@code pruneAbove} keys, the idle
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
    public <R> R update(String key, long now, Function<S, Step<S, R>> step) {
        if (states.size() > pruneAbove) {
            states.values().removeIf(s -> idle.at(s, now));
        }
        // optimistic, as the request it serves: read without a lock, write only if the state is
        // still the one read (the map compares states by value), else again; a step that keeps
        // the state (a refusal) writes nothing
        while (true) {
            S state = states.get(key);
            Step<S, R> next = step.apply(state);
            if (next.next() == state || written(key, state, next.next())) {
                return next.answer();
            }
        }
    }

    private boolean written(String key, S state, S next) {
        if (state == null) {
            return next == null || states.putIfAbsent(key, next) == null;
        }
        return next == null ? states.remove(key, state) : states.replace(key, state, next);
    }

    /** How many keys are remembered, for tests of the bound. */
    public int size() {
        return states.size();
    }
}
