package org.sejour.infrastructure.persistence;

import org.junit.jupiter.api.Test;
import org.sejour.domain.model.account.AccountMode;
import org.sejour.domain.model.account.AccountState;
import org.sejour.domain.model.shared.NotFoundException;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where an answer is computed when the replica is missing, down, or declines (lag or versions,
 * decided by {@link ReplicaRoute}, tested apart): pure logic, with the replica's transaction
 * stood in for. The real pair of servers is exercised by server-config/test/replica-drill.sh.
 */
class ReplicaReadsTest {

    private static final AccountState STATE = new AccountState(7, AccountMode.PRODUCTION, UUID.randomUUID(), Optional.empty(), Optional.empty());
    private static final DataSource REPLICA = (DataSource) Proxy.newProxyInstance(ReplicaReadsTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class}, (proxy, method, args) -> null);

    /** the replica's transaction as a script: each call answers with the next outcome */
    private static final class ScriptedTransaction extends ReplicaTransaction {
        final List<Object> outcomes;
        int calls;

        ScriptedTransaction(Object... outcomes) {
            this.outcomes = new ArrayList<>(List.of(outcomes));
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<T> read(DataSource replica, AccountState keptUnder, long maxLagMillis, Supplier<T> work) {
            calls++;
            Object next = outcomes.remove(0);
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return next.equals("declines") ? Optional.empty() : Optional.of(work.get()).map(answer -> (T) ("replica:" + answer));
        }
    }

    private static ReplicaReads reads(Optional<DataSource> replica, ScriptedTransaction transaction) {
        ReplicaReads reads = new ReplicaReads(1000) {
            @Override
            Optional<DataSource> lookup() {
                return replica;
            }
        };
        reads.transaction = transaction;
        return reads;
    }

    @Test
    void withoutAReplicaThePrimaryAnswersAndNoReplicaTransactionBegins() {
        ScriptedTransaction transaction = new ScriptedTransaction();
        assertEquals("primary", reads(Optional.empty(), transaction).read(STATE, () -> "primary"));
        assertEquals(0, transaction.calls);
    }

    @Test
    void aCurrentReplicaAnswers() {
        ScriptedTransaction transaction = new ScriptedTransaction("answers");
        assertEquals("replica:computed", reads(Optional.of(REPLICA), transaction).read(STATE, () -> "computed"));
    }

    @Test
    void aReplicaThatDeclinesForItsLagOrVersionsLeavesTheAnswerToThePrimary() {
        ScriptedTransaction transaction = new ScriptedTransaction("declines", "answers");
        ReplicaReads reads = reads(Optional.of(REPLICA), transaction);
        assertEquals("computed", reads.read(STATE, () -> "computed"));
        // declining is no failure: the next answer asks the replica again
        assertEquals("replica:computed", reads.read(STATE, () -> "computed"));
        assertEquals(2, transaction.calls);
    }

    @Test
    void aReplicaDownSendsReadsToThePrimaryAndIsLeftAloneForAWhile() {
        ScriptedTransaction transaction = new ScriptedTransaction(new IllegalStateException("Connection refused"), "answers");
        ReplicaReads reads = reads(Optional.of(REPLICA), transaction);
        assertEquals("computed", reads.read(STATE, () -> "computed"));
        assertEquals("computed", reads.read(STATE, () -> "computed"));
        assertEquals(1, transaction.calls, "a replica just found down is not asked again at once");
    }

    @Test
    void aReadThatWritesOnFirstUseGoesToThePrimaryWithoutRestingTheReplica() {
        // as the replica answered a search of an account without age ranges yet (AgeRangeService locks the account)
        RuntimeException refused = new IllegalStateException("query failed", new SQLException(
                "ERROR: cannot execute SELECT FOR UPDATE in a read-only transaction", "25006"));
        ScriptedTransaction transaction = new ScriptedTransaction(refused, "answers");
        ReplicaReads reads = reads(Optional.of(REPLICA), transaction);
        assertEquals("computed", reads.read(STATE, () -> "computed"));
        assertEquals("replica:computed", reads.read(STATE, () -> "computed"));
        assertEquals(2, transaction.calls);
    }

    @Test
    void aBusinessRefusalOnTheReplicaIsLeftForThePrimaryToDecide() {
        ScriptedTransaction transaction = new ScriptedTransaction(new NotFoundException("accommodation", 3L), "answers");
        ReplicaReads reads = reads(Optional.of(REPLICA), transaction);
        assertEquals("computed", reads.read(STATE, () -> "computed"));
        assertEquals("replica:computed", reads.read(STATE, () -> "computed"), "a refusal does not rest the replica");
        assertTrue(transaction.calls == 2);
    }
}
