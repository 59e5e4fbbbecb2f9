package org.sejour.domain.model.channel;

import java.util.List;

/** A feed read: the events that close nights, and a short reason for each event refused. */
public record ParsedFeed(List<FeedEvent> events, List<String> rejected, List<String> producers) {

    public ParsedFeed {
        events = List.copyOf(events);
        rejected = List.copyOf(rejected);
        producers = List.copyOf(producers);
    }
}
