package org.sejour.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.sejour.domain.model.account.AccountState;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Each account's mode and versions (what a kept public answer depends on) held in memory, so a
 * kept answer is served without a database round trip. PostgreSQL says when they change: the
 * triggers that move them notify {@value #CHANNEL} with the account number at commit (V54), and
 * this server listens on a connection of its own, dropping that account's state; the next
 * request reads it afresh. Every member of a group listens for itself.
 * <p>
 * Nothing is kept while not listening: at start, and from the moment the connection is found
 * lost (its error, or a check every {@value #CHECK_SECONDS} s) until it listens again, when
 * everything kept is dropped, since notifications may have been missed meanwhile. A state read
 * from the database is kept only if no notification came while it was being read, so a change
 * that commits during the read cannot be hidden by the older state. Bookings never rely on this:
 * the database refuses what a stale search would have offered.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccountStates {

    static final String CHANNEL = "sejour_account_state";
    static final int CHECK_SECONDS = 10;
    private static final Logger LOG = Logger.getLogger(AccountStates.class.getName());

    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;
    @Resource
    ManagedThreadFactory threads;

    private final Map<Integer, AccountState> states = new ConcurrentHashMap<>();
    /** guards {@link #changes} and the keeping of a state read against a notification meanwhile */
    private final Object lock = new Object();
    private long changes;
    private volatile boolean listening;
    private volatile boolean stopped;
    private Thread listener;

    @PostConstruct
    void start() {
        listener = threads.newThread(this::listen);
        listener.setName("sejour-account-states");
        listener.setDaemon(true);
        listener.start();
    }

    @PreDestroy
    void stop() {
        stopped = true;
        listener.interrupt();
    }

    /** The account's state, from memory when this server is listening and has it; else {@code reader}'s. */
    public Optional<AccountState> byNumber(int accountNumber, IntFunction<Optional<AccountState>> reader) {
        AccountState kept = states.get(accountNumber);
        if (kept != null) {
            return Optional.of(kept);
        }
        long before;
        synchronized (lock) {
            before = changes;
        }
        Optional<AccountState> read = reader.apply(accountNumber);
        if (read.isPresent() && listening) {
            synchronized (lock) {
                if (changes == before && listening) {
                    states.put(accountNumber, read.get());
                }
            }
        }
        return read;
    }

    /** Whether states are kept now (for the health of this mechanism and the tests). */
    public boolean isListening() {
        return listening;
    }

    private void changed(Integer accountNumber) {
        synchronized (lock) {
            changes++;
            if (accountNumber == null) {
                states.clear();
            } else {
                states.remove(accountNumber);
            }
        }
    }

    private void listen() {
        while (!stopped) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                PGConnection pg = connection.unwrap(PGConnection.class);
                statement.execute("LISTEN " + CHANNEL);
                // what was kept before this LISTEN may have missed a change: start from nothing
                changed(null);
                listening = true;
                LOG.info("Listening to account state changes");
                long nextCheck = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHECK_SECONDS);
                while (!stopped) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            changed(accountNumber(n.getParameter()));
                        }
                    }
                    if (System.nanoTime() > nextCheck) {
                        // a connection gone silent delivers nothing and throws nothing: ask it
                        statement.execute("select 1");
                        nextCheck = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHECK_SECONDS);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!stopped) {
                    LOG.log(Level.WARNING, "Account state changes unheard, kept states dropped: {0}", e.toString());
                }
            } finally {
                listening = false;
                changed(null);
            }
            pause();
        }
    }

    /** An unparsable payload drops everything: safe, if wasteful. */
    private static Integer accountNumber(String payload) {
        try {
            return Integer.valueOf(payload);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}
