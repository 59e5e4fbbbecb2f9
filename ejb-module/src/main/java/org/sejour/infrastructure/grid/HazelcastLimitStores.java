package org.sejour.infrastructure.grid;

import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.HazelcastInstance;
import org.sejour.application.limits.LimitStore;
import org.sejour.application.limits.LimitStores;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The limits' tables in a Hazelcast cluster (Payara's Domain Data Grid): one map per table, of
 * texts by key, so that the members deserialise JDK strings only. Each map is configured here,
 * before its first use, with the time an entry lasts after its last write and a bound per member
 * (least recently used first); a member that joins later gets the configuration from the cluster.
 */
public final class HazelcastLimitStores implements LimitStores {

    private static final Logger LOG = Logger.getLogger(HazelcastLimitStores.class.getName());

    private final HazelcastInstance grid;
    private final Clock clock;

    public HazelcastLimitStores(HazelcastInstance grid) {
        this.grid = Objects.requireNonNull(grid, "grid is required");
        this.clock = new ClusterClock(grid, ZoneOffset.UTC);
    }

    /** The stores in this Hazelcast instance when it is one, and running. */
    static Optional<LimitStores> ifRunning(Object found) {
        if (found instanceof HazelcastInstance instance && instance.getLifecycleService().isRunning()) {
            LOG.log(Level.INFO, "Rate limits and login throttle kept in the Data Grid, shared by its {0} members",
                    instance.getCluster().getMembers().size());
            return Optional.of(new HazelcastLimitStores(instance));
        }
        return Optional.empty();
    }

    @Override
    public <S> LimitStore<S> store(String name, LimitStore.Codec<S> codec, Duration idleAfter, int capacity,
                                   LimitStore<S> local) {
        MapConfig config = new MapConfig(name)
                // compared as stored: replace(key, old, new) compares the serialised texts
                .setInMemoryFormat(InMemoryFormat.BINARY)
                // measured from an entry's last write, which each update is
                .setTimeToLiveSeconds((int) Math.max(1, Math.min(Integer.MAX_VALUE, ceilSeconds(idleAfter))));
        config.getEvictionConfig().setEvictionPolicy(EvictionPolicy.LRU).setMaxSizePolicy(MaxSizePolicy.PER_NODE)
                .setSize(capacity);
        try {
            grid.getConfig().addMapConfig(config);
        } catch (RuntimeException e) {
            // another member (another version of Séjour) configured it otherwise: its settings stay
            LOG.log(Level.WARNING, "The Data Grid map {0} keeps the configuration it had: {1}",
                    new Object[]{name, e.toString()});
        }
        return new GridLimitStore<>(name, grid.getMap(name), codec, local);
    }

    private static long ceilSeconds(Duration d) {
        return d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public LongSupplier nanoClock() {
        return () -> clock.millis() * 1_000_000;
    }

    /**
     * The grid's cluster time: this member's clock with the offset Hazelcast measured to the
     * oldest member's, so that members count time alike. It is read locally, without a call.
     */
    private static final class ClusterClock extends Clock {

        private final HazelcastInstance grid;
        private final ZoneId zone;

        ClusterClock(HazelcastInstance grid, ZoneId zone) {
            this.grid = grid;
            this.zone = zone;
        }

        @Override
        public long millis() {
            try {
                return grid.getCluster().getClusterTime();
            } catch (RuntimeException e) {
                // the member is shutting down: its own clock serves the last requests
                return System.currentTimeMillis();
            }
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new ClusterClock(grid, other);
        }
    }
}
