package org.sejour.infrastructure.grid;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.sejour.application.limits.LimitStore;
import org.sejour.application.limits.LimitStores;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The limits' stores as the server is set up, chosen once at start: Payara's Domain Data Grid
 * when it runs (a deployment group), else this server's memory (one server: the grid is off, see
 * server-config). No Hazelcast type appears here, so that this bean loads even where Hazelcast's
 * classes cannot be seen; {@link HazelcastLimitStores} is touched only once the grid is found.
 */
@ApplicationScoped
public class DataGridLimitStores implements LimitStores {

    /** Where Payara binds its Hazelcast instance. */
    static final String GRID = "payara/Hazelcast";
    private static final Logger LOG = Logger.getLogger(DataGridLimitStores.class.getName());

    private LimitStores chosen;

    @PostConstruct
    void choose() {
        chosen = grid().orElseGet(LimitStores::inMemory);
    }

    private static Optional<LimitStores> grid() {
        Object found;
        try {
            found = InitialContext.doLookup(GRID);
        } catch (NamingException e) {
            LOG.log(Level.INFO, "Rate limits and login throttle kept in this server''s memory: no Data Grid at {0}", GRID);
            return Optional.empty();
        }
        try {
            Optional<LimitStores> running = HazelcastLimitStores.ifRunning(found);
            if (running.isEmpty()) {
                LOG.info("Rate limits and login throttle kept in this server's memory: the Data Grid is not running");
            }
            return running;
        } catch (LinkageError e) {
            LOG.log(Level.WARNING, "Rate limits and login throttle kept in this server's memory: the Data Grid runs but"
                    + " Hazelcast's classes are out of the application's reach", e);
            return Optional.empty();
        }
    }

    @Override
    public <S> LimitStore<S> store(String name, LimitStore.Codec<S> codec, Duration idleAfter, int capacity,
                                   LimitStore<S> local) {
        return chosen.store(name, codec, idleAfter, capacity, local);
    }

    @Override
    public Clock clock() {
        return chosen.clock();
    }

    @Override
    public LongSupplier nanoClock() {
        return chosen.nanoClock();
    }
}
