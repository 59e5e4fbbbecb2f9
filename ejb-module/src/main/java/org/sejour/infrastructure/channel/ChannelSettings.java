package org.sejour.infrastructure.channel;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sejour.domain.model.channel.Reconciliation;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/** The operator's channel settings (MicroProfile Config, e.g. asadmin set-config-property). */
@ApplicationScoped
public class ChannelSettings {

    private static final Logger LOG = Logger.getLogger(ChannelSettings.class.getName());
    /** Time to parse and apply one feed once fetched, on top of the fetch deadline. */
    private static final Duration APPLY_ALLOWANCE = Duration.ofSeconds(30);

    @Inject
    @ConfigProperty(name = "sejour.channels.allowed-networks")
    Optional<String> allowedNetworks;
    @Inject
    @ConfigProperty(name = "sejour.channels.extra-ports")
    Optional<String> extraPorts;
    @Inject
    @ConfigProperty(name = "sejour.channels.allow-private-addresses")
    Optional<String> formerAllowPrivate;
    @Inject
    @ConfigProperty(name = "sejour.channels.max-feed-kib", defaultValue = "2048")
    int maxFeedKib;
    @Inject
    @ConfigProperty(name = "sejour.channels.timeout-seconds", defaultValue = "20")
    int timeoutSeconds;
    @Inject
    @ConfigProperty(name = "sejour.channels.sync-minutes", defaultValue = "15")
    int syncMinutes;
    @Inject
    @ConfigProperty(name = "sejour.channels.hold-percent", defaultValue = "50")
    int holdPercent;
    @Inject
    @ConfigProperty(name = "sejour.channels.hold-minimum", defaultValue = "2")
    int holdMinimum;
    // runs each fetch's deadline: threads of the server, not of the application
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService timer;

    private volatile FeedFetcher fetcher;

    /** One fetcher for all feeds (each fetch gets its own connection and look-ups). */
    public FeedFetcher fetcher() {
        if (fetcher == null) {
            synchronized (this) {
                if (fetcher == null) {
                    formerAllowPrivate.ifPresent(value -> LOG.warning("sejour.channels.allow-private-addresses="
                            + value + " is no longer read: list the networks in sejour.channels.allowed-networks"));
                    AddressPolicy policy = AddressPolicy.of(allowedNetworks.orElse(""), extraPorts.orElse(""));
                    fetcher = new FeedFetcher(new FeedFetcher.Settings(policy, maxFeedKib * 1024,
                            fetchDeadline()), timer);
                }
            }
        }
        return fetcher;
    }

    /** The whole of one fetch, every redirect, connection, header and byte of the body included. */
    public Duration fetchDeadline() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    /** How long one feed may take, fetched and applied: the bound on each wait of a scheduled sync. */
    public Duration syncBound() {
        return fetchDeadline().plus(APPLY_ALLOWANCE);
    }

    public Duration syncInterval() {
        return Duration.ofMinutes(syncMinutes);
    }

    public Reconciliation.HoldRule holdRule() {
        return new Reconciliation.HoldRule(holdPercent, holdMinimum);
    }
}
