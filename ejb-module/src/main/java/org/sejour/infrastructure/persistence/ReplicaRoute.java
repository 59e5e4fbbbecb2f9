package org.sejour.infrastructure.persistence;

import org.sejour.domain.model.account.AccountState;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a public answer may be computed on the replica, from what the replica said about itself
 * and the account in the first statement of the answer's transaction ({@link Probe}). The answer
 * will be kept under the account's state as the primary announced it ({@link AccountStates}), so
 * the replica serves only when it holds exactly that state: the versions row and the data are read
 * in one snapshot (the replica's pool runs repeatable read), so an answer computed there is the
 * answer of that state, never an older one filed under a newer version. The lag bound comes first:
 * a replica far behind would fail the version test anyway, and a reader should not wait on it.
 */
public final class ReplicaRoute {

    /** Where the answer is computed, and why. */
    public enum Decision {
        REPLICA,
        /** the replica's replay is behind by more than the bound, or by an unknown time */
        PRIMARY_LAGGING,
        /** the replica does not hold the account's state the answer will be kept under (behind, or already ahead) */
        PRIMARY_OTHER_VERSION,
        /** the replica's resource names a server that is no standby (promoted): the primary stays the one written to */
        PRIMARY_NOT_STANDBY
    }

    /**
     * What the replica said, in one statement.
     *
     * @param lagMillis how long its replay is behind what it received; empty when unknown
     * @param state the account's mode and versions as the replica holds them; empty when it has no such account
     */
    public record Probe(boolean inRecovery, Optional<Double> lagMillis, Optional<AccountState> state) {

        public Probe {
            Objects.requireNonNull(lagMillis, "the lag is required (empty when unknown)");
            Objects.requireNonNull(state, "the state is required (empty when there is no account)");
        }
    }

    private ReplicaRoute() {
    }

    public static Decision decide(Probe probe, AccountState keptUnder, long maxLagMillis) {
        Objects.requireNonNull(keptUnder, "the state the answer is kept under is required");
        if (!probe.inRecovery()) {
            return Decision.PRIMARY_NOT_STANDBY;
        }
        if (probe.lagMillis().isEmpty() || probe.lagMillis().get() > maxLagMillis) {
            return Decision.PRIMARY_LAGGING;
        }
        if (!probe.state().equals(Optional.of(keptUnder))) {
            return Decision.PRIMARY_OTHER_VERSION;
        }
        return Decision.REPLICA;
    }
}
