package org.sejour.infrastructure.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sejour.domain.model.channel.Reconciliation;

import java.time.Duration;

/** The operator's channel settings (MicroProfile Config, e.g. asadmin set-config-property). */
@ApplicationScoped
public class ChannelSettings {

    @Inject
    @ConfigProperty(name = "sejour.channels.allow-private-addresses", defaultValue = "false")
    boolean allowPrivateAddresses;
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

    private volatile FeedFetcher fetcher;

    /** One client for all feeds: HttpClient pools its connections and is safe to share. */
    public FeedFetcher fetcher() {
        if (fetcher == null) {
            synchronized (this) {
                if (fetcher == null) {
                    fetcher = new FeedFetcher(new FeedFetcher.Settings(allowPrivateAddresses, maxFeedKib * 1024,
                            Duration.ofSeconds(Math.min(10, timeoutSeconds)), Duration.ofSeconds(timeoutSeconds)));
                }
            }
        }
        return fetcher;
    }

    public Duration syncInterval() {
        return Duration.ofMinutes(syncMinutes);
    }

    public Reconciliation.HoldRule holdRule() {
        return new Reconciliation.HoldRule(holdPercent, holdMinimum);
    }
}
