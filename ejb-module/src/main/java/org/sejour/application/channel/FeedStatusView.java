package org.sejour.application.channel;

import org.sejour.domain.model.channel.ChannelFeed;
import org.sejour.domain.model.channel.FeedProblem;
import org.sejour.domain.model.channel.FeedStatus;

import java.io.Serializable;
import java.time.Instant;

/** A feed as the back office shows it: no entity leaves the application layer. {@code problem} may be null. */
public record FeedStatusView(long id, long accommodationId, String name, String url, FeedStatus status,
                             Instant lastSyncAt, Instant lastSuccessAt, FeedProblem problem, int eventCount,
                             int rejectedCount) implements Serializable {

    static FeedStatusView of(ChannelFeed feed) {
        return new FeedStatusView(feed.id(), feed.accommodationId(), feed.name(), feed.url(), feed.status(),
                feed.lastSyncAt().orElse(null), feed.lastSuccessAt().orElse(null), feed.problem().orElse(null),
                feed.eventCount(), feed.rejectedCount());
    }
}
