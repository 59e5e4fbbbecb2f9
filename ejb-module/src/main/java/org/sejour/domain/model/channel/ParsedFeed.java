package org.sejour.domain.model.channel;

import java.util.List;

/** A feed read: the events that close nights, the events refused and why, the producers named. */
public record ParsedFeed(List<FeedEvent> events, List<RefusedEvent> rejected, List<String> producers) {

    public ParsedFeed {
        events = List.copyOf(events);
        rejected = List.copyOf(rejected);
        producers = List.copyOf(producers);
    }
}
