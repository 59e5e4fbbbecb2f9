package org.sejour.infrastructure.grid;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Two real Hazelcast members in this JVM, as two servers of a deployment group would hold them:
 * joined to each other over TCP on 127.0.0.1 only (no multicast), on free ports, in a cluster of
 * their own name so that tests running beside cannot join it.
 */
public final class GridMembers implements AutoCloseable {

    /** Kept: a logger only weakly held would lose its level. */
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

    public final HazelcastInstance a;
    public final HazelcastInstance b;

    private GridMembers(HazelcastInstance a, HazelcastInstance b) {
        this.a = a;
        this.b = b;
    }

    public static GridMembers start() {
        HAZELCAST_LOG.setLevel(Level.WARNING);
        String cluster = "sejour-test-" + UUID.randomUUID();
        int portA = freePort();
        int portB = freePort();
        CompletableFuture<HazelcastInstance> a = CompletableFuture.supplyAsync(
                () -> Hazelcast.newHazelcastInstance(config(cluster, portA, portB)));
        CompletableFuture<HazelcastInstance> b = CompletableFuture.supplyAsync(
                () -> Hazelcast.newHazelcastInstance(config(cluster, portB, portA)));
        GridMembers members = new GridMembers(a.join(), b.join());
        if (members.a.getCluster().getMembers().size() != 2) {
            members.close();
            throw new IllegalStateException("the two members did not join");
        }
        return members;
    }

    private static Config config(String cluster, int port, int other) {
        Config config = new Config().setClusterName(cluster).setInstanceName(cluster + "-" + port);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "1");
        // a member that went away is noticed in seconds, not the minute of a production grid
        config.setProperty("hazelcast.operation.call.timeout.millis", "5000");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
        NetworkConfig network = config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2)
                .setMembers(List.of("127.0.0.1:" + port, "127.0.0.1:" + other));
        return config;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        b.getLifecycleService().terminate();
        a.getLifecycleService().terminate();
    }
}
