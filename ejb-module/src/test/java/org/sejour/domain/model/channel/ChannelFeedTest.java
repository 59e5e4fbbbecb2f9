package org.sejour.domain.model.channel;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A feed's problem is kept as a kind and arguments, read back as they were written. */
class ChannelFeedTest {

    private static final Instant NOW = Instant.parse("2027-05-01T08:00:00Z");
    private static final Duration EVERY = Duration.ofMinutes(15);

    private final ChannelFeed feed = new ChannelFeed(1, 2, "Airbnb", "https://www.airbnb.com/calendar/ical/1.ics?s=x", NOW);

    @Test
    void refusedEventsAreNamedByReasonAndUidAndReadBack() {
        List<RefusedEvent> refused = List.of(new RefusedEvent("b@x", RefusedEvent.Reason.ENDS_BEFORE_START),
                new RefusedEvent(null, RefusedEvent.Reason.UNREADABLE_CALENDAR),
                new RefusedEvent("line\nbreak", RefusedEvent.Reason.NO_START));
        feed.recordApplied(3, refused, null, null, NOW, EVERY);
        FeedProblem problem = feed.problem().orElseThrow();
        assertEquals(FeedProblem.Kind.EVENTS_REFUSED, problem.kind());
        assertEquals(List.of(new RefusedEvent("b@x", RefusedEvent.Reason.ENDS_BEFORE_START),
                new RefusedEvent(null, RefusedEvent.Reason.UNREADABLE_CALENDAR),
                new RefusedEvent("line break", RefusedEvent.Reason.NO_START)), problem.refusedEvents());
        assertEquals(3, feed.rejectedCount());
    }

    @Test
    void aFailureIsAKindAndA304AfterItGoesBackToTheLastSnapshotsRefusals() {
        feed.recordApplied(3, List.of(new RefusedEvent("b@x", RefusedEvent.Reason.TOO_LONG)), "\"e\"", null, NOW, EVERY);
        feed.recordFailure(FeedProblem.Kind.UNREACHABLE, NOW, EVERY);
        assertEquals(FeedStatus.ERROR, feed.status());
        assertEquals(Optional.of(FeedProblem.of(FeedProblem.Kind.UNREACHABLE)), feed.problem());
        feed.recordUnchanged(NOW, EVERY);
        assertEquals(FeedStatus.OK, feed.status());
        assertEquals(Optional.of(new FeedProblem(FeedProblem.Kind.EVENTS_REFUSED, List.of())), feed.problem());
        assertThrows(IllegalArgumentException.class, () -> feed.recordFailure(FeedProblem.Kind.HELD, NOW, EVERY));
    }

    @Test
    void aHeldFeedKeepsItsCountsAndAFullSnapshotClearsTheProblem() {
        feed.hold(0, 12, NOW, EVERY);
        assertEquals(Optional.of(FeedProblem.held(0, 12)), feed.problem());
        assertEquals(List.of("0", "12"), feed.problem().orElseThrow().arguments());
        feed.recordApplied(12, List.of(), "\"e\"", null, NOW, EVERY);
        assertEquals(Optional.empty(), feed.problem());
    }
}
