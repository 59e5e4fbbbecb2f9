package org.sejour.application.limits;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Where a limit (the public API's rate, the login throttle) keeps its state per key: this
 * server's memory, or the Data Grid the servers of a deployment group share. The state is a
 * small immutable value; the limit's arithmetic makes the next value from the current one and
 * the store only writes it atomically, so that the arithmetic is written once for both.
 *
 * @param <S> the state kept per key
 */
public interface LimitStore<S> {

    /**
     * Replaces the key's state (null when there is none) by the one the step makes of it,
     * atomically, and answers the step's answer. The step may be applied more than once, to a
     * state another server wrote meanwhile: it computes, it does nothing else. {@code now} is the
     * caller's clock reading, in its unit, by which a store in memory judges which keys are idle.
     */
    <R> R update(String key, long now, Function<S, Step<S, R>> step);

    /** The next state (null: nothing left to remember, the key is forgotten) and what to answer. */
    record Step<S, R>(S next, R answer) {
    }

    /** Whether a state holds nothing any more at a clock reading: a store in memory may drop it. */
    @FunctionalInterface
    interface Idle<S> {
        boolean at(S state, long now);
    }

    /**
     * The state as text for the Data Grid: other members deserialise what it holds with classes
     * of their own, where Séjour's are not to be found, so it holds JDK types only.
     */
    interface Codec<S> {

        String encode(S state);

        /** Throws IllegalArgumentException for a text it did not write. */
        S decode(String text);

        /** The codec of a state that is an amount as of a clock reading, as {@code amount@reading}. */
        static <S> Codec<S> amountAt(ToDoubleFunction<S> amount, ToLongFunction<S> at, AmountAt<S> state) {
            return new Codec<>() {
                @Override
                public String encode(S s) {
                    // Double.toString gives back the same double when parsed
                    return amount.applyAsDouble(s) + "@" + at.applyAsLong(s);
                }

                @Override
                public S decode(String text) {
                    int sign = text.indexOf('@');
                    if (sign < 0) {
                        throw new IllegalArgumentException("not an amount at a time: " + text);
                    }
                    return state.of(Double.parseDouble(text.substring(0, sign)), Long.parseLong(text.substring(sign + 1)));
                }
            };
        }
    }

    @FunctionalInterface
    interface AmountAt<S> {
        S of(double amount, long at);
    }
}
