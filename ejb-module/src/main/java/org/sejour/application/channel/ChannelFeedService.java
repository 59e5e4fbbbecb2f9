package org.sejour.application.channel;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.domain.model.accommodation.AccommodationRepository;
import org.sejour.domain.model.channel.ChannelConflict;
import org.sejour.domain.model.channel.ChannelFeed;
import org.sejour.domain.model.channel.ChannelRepository;
import org.sejour.domain.model.channel.FeedProblem;
import org.sejour.domain.model.channel.KnownBlock;
import org.sejour.domain.model.channel.ParsedFeed;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.infrastructure.channel.ChannelSettings;
import org.sejour.infrastructure.channel.FeedFetcher;
import org.sejour.infrastructure.channel.ICalFeedParser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The feeds an owner imports from other platforms, and their synchronisation. */
@Stateless
@ManagedExecutorDefinition(name = ChannelFeedService.FETCHERS, maxAsync = ChannelFeedService.PARALLEL_SYNCS)
public class ChannelFeedService {

    private static final Logger LOG = Logger.getLogger(ChannelFeedService.class.getName());
    static final String FETCHERS = "java:app/concurrent/sejourFeedSync";
    /** Feeds synced at once by the scheduled job: enough to overlap the platforms' answers, few enough for the pool. */
    static final int PARALLEL_SYNCS = 4;

    @Inject
    ChannelRepository channels;
    @Inject
    AccommodationRepository accommodations;
    @Inject
    DossierRepository ledger;
    @Inject
    ChannelSettings settings;
    @EJB
    FeedSyncTransaction transaction;
    @Resource(lookup = FETCHERS)
    ManagedExecutorService fetchers;
    @Resource
    SessionContext context;

    private final ICalFeedParser parser = new ICalFeedParser(BusinessCalendar.ZONE);

    /**
     * Empty or malformed name and address are refused by the feed itself, with the field they
     * belong to; an address the fetcher would refuse (a private or local host, another port) is
     * refused here too, before anything is stored, with one message whatever the reason.
     */
    public FeedStatusView add(long accountId, long accommodationId, String name, String url) {
        owned(accountId, accommodationId);
        String address = url == null ? "" : url.strip();
        if (channels.feedsOf(accountId, accommodationId).stream().anyMatch(f -> f.url().equals(address))) {
            throw new InvalidInputException("url", "channels.feed.duplicate");
        }
        ChannelFeed feed = new ChannelFeed(accountId, accommodationId, name, url, Instant.now());
        try {
            settings.fetcher().check(feed.url());
        } catch (FeedFetcher.FetchException e) {
            LOG.log(Level.WARNING, "Feed address refused for account {0}: {1}", new Object[]{accountId, e.getMessage()});
            throw new InvalidInputException("url", "channels.feed.url.notAllowed");
        }
        return FeedStatusView.of(channels.storeFeed(feed));
    }

    public List<FeedStatusView> feeds(long accountId, long accommodationId) {
        owned(accountId, accommodationId);
        return channels.feedsOf(accountId, accommodationId).stream().map(FeedStatusView::of).toList();
    }

    /** Gives back every night the feed's blocks hold, then forgets the feed. */
    public void remove(long accountId, long feedId) {
        ChannelFeed feed = channels.findFeed(accountId, feedId).orElseThrow(() -> new NotFoundException("feed", feedId));
        channels.lockFeed(feedId);
        for (KnownBlock block : channels.blocks(feedId)) {
            if (block.holdsNights()) {
                ledger.releaseNights(feed.accommodationId(), block.nights());
            }
            channels.removeBlock(block.id());
        }
        channels.removeFeed(feed);
    }

    public List<ChannelConflict> conflicts(long accountId) {
        return channels.conflicts(accountId);
    }

    /** "Sync now" from the back office: the owner's own feed only. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public FeedStatusView syncNow(long accountId, long feedId) {
        channels.findFeed(accountId, feedId).orElseThrow(() -> new NotFoundException("feed", feedId));
        return sync(feedId);
    }

    /**
     * Fetches and applies one feed. The fetch runs outside any transaction (a slow platform
     * must not hold database locks); the snapshot is applied in one transaction of its own.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public FeedStatusView sync(long feedId) {
        ChannelFeed feed = channels.feed(feedId).orElseThrow(() -> new NotFoundException("feed", feedId));
        Instant now = Instant.now();
        FeedFetcher.Validators previous = new FeedFetcher.Validators(feed.etag().orElse(null),
                feed.lastModified().orElse(null));
        FeedFetcher fetcher = settings.fetcher(); // a bad setting is the operator's error, not the feed's
        FeedFetcher.Outcome outcome;
        try {
            outcome = fetcher.fetch(feed.url(), previous);
        } catch (FeedFetcher.FetchException e) {
            // the owner sees the kind only; the detail (host, address, status) is for the operator
            LOG.log(e.kind() == FeedProblem.Kind.NOT_ALLOWED ? Level.WARNING : Level.INFO,
                    "Feed {0} not synced, {1}: {2}", new Object[]{feedId, e.kind(), e.getMessage()});
            return transaction.failed(feedId, e.kind(), now);
        }
        if (!(outcome instanceof FeedFetcher.Fetched fetched)) {
            return transaction.unchanged(feedId, now);
        }
        ParsedFeed snapshot;
        try {
            snapshot = parser.parse(fetched.body());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.INFO, "Feed {0} is not a calendar: {1}", new Object[]{feedId, e.getMessage()});
            return transaction.failed(feedId, FeedProblem.Kind.NOT_A_CALENDAR, now);
        }
        return transaction.apply(feedId, snapshot, fetched.validators().etag(), fetched.validators().lastModified(), now);
    }

    /**
     * Syncs the feeds given, {@value #PARALLEL_SYNCS} at a time: a sync is mostly waiting for the
     * platform to answer, so the waits overlap; each feed is still applied in its own transaction.
     * A feed removed meanwhile is skipped; any other failure is thrown once every feed has had its turn.
     * The whole call is bounded: each round of {@value #PARALLEL_SYNCS} feeds gets one fetch deadline
     * plus time to apply ({@link ChannelSettings#syncBound()}); past that, the feeds not started are
     * left for the next run (they are still due) and those running finish on their own deadline.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<FeedStatusView> syncAll(List<Long> feedIds) {
        ChannelFeedService self = context.getBusinessObject(ChannelFeedService.class);
        List<Future<Optional<FeedStatusView>>> pending = new ArrayList<>();
        for (long feedId : feedIds) {
            pending.add(fetchers.submit(() -> {
                try {
                    return Optional.of(self.sync(feedId));
                } catch (NotFoundException removed) {
                    LOG.log(Level.FINE, "Feed {0} removed before its sync", feedId);
                    return Optional.<FeedStatusView>empty();
                }
            }));
        }
        long rounds = (feedIds.size() + PARALLEL_SYNCS - 1) / PARALLEL_SYNCS;
        long until = System.nanoTime() + settings.syncBound().toNanos() * Math.max(1, rounds);
        List<FeedStatusView> synced = new ArrayList<>();
        RuntimeException failure = null;
        int late = 0;
        for (Future<Optional<FeedStatusView>> result : pending) {
            try {
                result.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS).ifPresent(synced::add);
            } catch (TimeoutException e) {
                result.cancel(false);
                late++;
            } catch (ExecutionException e) {
                failure = failure != null ? failure : new IllegalStateException("a feed sync failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while syncing feeds", e);
            }
        }
        if (late > 0) {
            LOG.log(Level.WARNING, "{0} of {1} feeds not synced in time, left for the next run",
                    new Object[]{late, feedIds.size()});
        }
        if (failure != null) {
            throw failure;
        }
        return synced;
    }

    /** Ids of the feeds due for their scheduled sync. */
    public List<Long> dueFeeds(int max) {
        return channels.dueFeeds(Instant.now(), max);
    }

    private void owned(long accountId, long accommodationId) {
        accommodations.find(accountId, accommodationId)
                .orElseThrow(() -> new NotFoundException("accommodation", accommodationId));
    }
}
