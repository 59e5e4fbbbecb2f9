package org.sejour.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.account.AccountMode;
import org.sejour.domain.model.account.AccountState;
import org.sejour.infrastructure.persistence.ReplicaRoute.Decision;
import org.sejour.infrastructure.persistence.ReplicaRoute.Probe;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One transaction of its own on the replica. Its persistence context is pointed at the replica's
 * data source before its first statement (EclipseLink builds the context's connection policy from
 * these properties when the context begins; every repository in the transaction shares it), so
 * the probe, and the work when the probe allows it, read the replica only: no second resource joins
 * the transaction. Whatever the work reads then comes from the snapshot the probe saw.
 */
@Stateless
public class ReplicaTransaction {

    private static final Logger LOG = Logger.getLogger(ReplicaTransaction.class.getName());
    /** the replay lag is zero when everything received is replayed; else the age of the last replayed commit */
    private static final String PROBE = "select pg_is_in_recovery(), "
            + "case when not pg_is_in_recovery() or pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0 "
            + "else extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000 end, "
            + "a.id, a.mode, a.catalog_version, n.version, a.website "
            + "from (select 1) one left join account a on a.id = ?1 left join account_nights n on n.account_id = a.id";

    @PersistenceContext(unitName = "sejour")
    EntityManager em;
    @Resource
    SessionContext context;

    /** {@code work}'s answer computed on the replica, if the replica holds {@code keptUnder}; else empty, nothing computed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T> Optional<T> read(DataSource replica, AccountState keptUnder, long maxLagMillis, Supplier<T> work) {
        em.setProperty("jakarta.persistence.jtaDataSource", replica);
        em.setProperty("eclipselink.jdbc.exclusive-connection.mode", "Always");
        em.setProperty("eclipselink.transaction.join-existing", "true");
        Probe probe = probe(keptUnder.accountId());
        Decision decision = ReplicaRoute.decide(probe, keptUnder, maxLagMillis);
        if (decision != Decision.REPLICA) {
            LOG.log(Level.FINE, "Account {0}: not from the replica ({1}, lag {2} ms)",
                    new Object[] {keptUnder.accountId(), decision, probe.lagMillis().orElse(null)});
            context.setRollbackOnly();
            return Optional.empty();
        }
        return Optional.of(work.get());
    }

    private Probe probe(long accountId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(PROBE).setParameter(1, accountId).getResultList();
        Object[] row = rows.get(0);
        Optional<AccountState> state = row[2] == null ? Optional.empty()
                : Optional.of(new AccountState(((Number) row[2]).longValue(), AccountMode.valueOf((String) row[3]),
                        (UUID) row[4], Optional.ofNullable((UUID) row[5]), Optional.ofNullable((String) row[6])));
        return new Probe((Boolean) row[0], Optional.ofNullable((Number) row[1]).map(Number::doubleValue), state);
    }
}
