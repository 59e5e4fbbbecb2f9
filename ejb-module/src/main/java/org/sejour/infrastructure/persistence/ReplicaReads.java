package org.sejour.infrastructure.persistence;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sejour.domain.model.account.AccountState;
import org.sejour.domain.model.shared.SejourException;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Public answers computed on the replica of the database ({@value #RESOURCE}, made by ./sejour
 * with SEJOUR_REPLICA=true; docs/operations.md, "Replica") when it holds the account's state the
 * answer will be kept under and replays within {@code sejour.replica.max-lag-ms} (1 s); on the
 * primary otherwise: no replica configured, a replica down or refusing (then left alone for
 * {@value #REST_SECONDS} s), lagging, or at another version of the account. Bookings, quotes and the
 * owners' writes never come here.
 */
@ApplicationScoped
public class ReplicaReads {

    static final String RESOURCE = "jdbc/sejour-replica";
    static final int REST_SECONDS = 5;
    private static final String READ_ONLY_TRANSACTION = "25006";
    /** a domain given a replica later is seen within this long without a redeployment */
    static final int LOOKUP_SECONDS = 60;
    private static final Logger LOG = Logger.getLogger(ReplicaReads.class.getName());

    @EJB
    ReplicaTransaction transaction;
    long maxLagMillis;

    private volatile Optional<DataSource> replica = Optional.empty();
    /** System.nanoTime() values: compared by difference, which survives their wrapping */
    private volatile long nextLookup = System.nanoTime();
    private volatile long restUntil = System.nanoTime();
    private final AtomicBoolean served = new AtomicBoolean();

    @Inject
    public ReplicaReads(@ConfigProperty(name = "sejour.replica.max-lag-ms", defaultValue = "1000") long maxLagMillis) {
        this.maxLagMillis = maxLagMillis;
    }

    /** CDI's proxy needs a no-argument constructor; it never serves requests itself. */
    protected ReplicaReads() {
    }

    /** {@code work}'s answer, to be kept under {@code keptUnder}: from the replica when it may, else from the primary. */
    public <T> T read(AccountState keptUnder, Supplier<T> work) {
        Optional<DataSource> source = replica();
        if (source.isPresent() && System.nanoTime() - restUntil >= 0) {
            try {
                Optional<T> answer = transaction.read(source.get(), keptUnder, maxLagMillis, work);
                if (answer.isPresent()) {
                    if (served.compareAndSet(false, true)) {
                        LOG.info("First public answer computed on the replica");
                    }
                    return answer.get();
                }
            } catch (SejourException e) {
                // the primary decides: it may answer otherwise, or refuse the same way
                LOG.log(Level.FINE, "Replica read refused, asking the primary: {0}", e.toString());
            } catch (RuntimeException e) {
                if (needsAWrite(e)) {
                    // a read that writes on first use (an account's default age ranges): once the
                    // primary has written them, the replica answers again
                    LOG.log(Level.FINE, "Replica read needs a write, asking the primary: {0}", e.toString());
                } else {
                    // down, refusing, a statement cancelled by the replay: whatever it is, the primary answers
                    restUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(REST_SECONDS);
                    LOG.log(Level.WARNING, "Replica unavailable, reading the primary for {0} s: {1}",
                            new Object[] {REST_SECONDS, rootCause(e).toString()});
                }
            }
        }
        return work.get();
    }

    private Optional<DataSource> replica() {
        long now = System.nanoTime();
        if (replica.isEmpty() && now - nextLookup >= 0) {
            nextLookup = now + TimeUnit.SECONDS.toNanos(LOOKUP_SECONDS);
            replica = lookup();
            replica.ifPresent(r -> LOG.info("Public availability answers may be read from the replica (" + RESOURCE + ")"));
        }
        return replica;
    }

    /** The replica's data source, if the domain has one. */
    Optional<DataSource> lookup() {
        try {
            return Optional.of((DataSource) new InitialContext().lookup(RESOURCE));
        } catch (NamingException e) {
            return Optional.empty();
        }
    }

    /** PostgreSQL's read_only_sql_transaction: the replica, or its read-only connection, refused a write or a lock */
    static boolean needsAWrite(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && READ_ONLY_TRANSACTION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
