package org.sejour.domain.model.channel;

import org.junit.jupiter.api.Test;
import org.sejour.domain.model.shared.StayPeriod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconciliationTest {

    private static final Reconciliation.HoldRule HALF = new Reconciliation.HoldRule(50, 2);

    private static FeedEvent event(String uid, String arrival, int nights, String summary) {
        return new FeedEvent(uid, StayPeriod.of(LocalDate.parse(arrival), nights), summary, EventKind.of(summary));
    }

    private static List<KnownBlock> applied(FeedEvent... events) {
        List<KnownBlock> blocks = new ArrayList<>();
        for (FeedEvent e : events) {
            blocks.add(new KnownBlock(blocks.size() + 1, e.uid(), e.fallbackKey(), e.nights(), e.kind(), true));
        }
        return blocks;
    }

    @Test
    void theSameEventIsNeverAddedTwice() {
        FeedEvent reserved = event("a@airbnb.com", "2027-07-03", 7, "Reserved");
        Reconciliation again = Reconciliation.of(applied(reserved), List.of(reserved, reserved), HALF);
        assertEquals(1, again.kept().size());
        assertTrue(again.added().isEmpty());
        assertTrue(again.released().isEmpty());
    }

    @Test
    void aRewrittenUidIsRecognisedByItsNightsAndSummary() {
        FeedEvent before = event("uid-1@vrbo", "2027-06-05", 7, "Reserved");
        FeedEvent after = event("uid-2@vrbo", "2027-06-05", 7, "Reserved");
        Reconciliation next = Reconciliation.of(applied(before), List.of(after), HALF);
        assertEquals(1, next.kept().size());
        assertEquals("uid-2@vrbo", next.kept().get(0).event().uid());
        assertTrue(next.added().isEmpty() && next.released().isEmpty());
    }

    @Test
    void aMovingAirbnbWindowReplacesItsBlockInsteadOfPilingUp() {
        FeedEvent window = event("w1@airbnb.com", "2028-12-01", 365, "Airbnb (Not available)");
        FeedEvent moved = event("w2@airbnb.com", "2028-12-02", 365, "Airbnb (Not available)");
        FeedEvent reserved = event("r@airbnb.com", "2027-07-03", 7, "Reserved");
        Reconciliation next = Reconciliation.of(applied(reserved, window), List.of(reserved, moved), HALF);
        assertEquals(List.of(moved), next.added());
        assertEquals(List.of("w1@airbnb.com"), next.released().stream().map(KnownBlock::uid).toList());
        assertFalse(next.held(), "one event out of two replaced is not a loss");
    }

    @Test
    void anEventThatMovesGivesBackItsOldNights() {
        FeedEvent before = event("m@booking.com", "2027-08-14", 7, "CLOSED - Not available");
        FeedEvent after = event("m@booking.com", "2027-08-15", 7, "CLOSED - Not available");
        Reconciliation next = Reconciliation.of(applied(before), List.of(after), HALF);
        assertEquals(List.of(after), next.added());
        assertEquals(1, next.released().size());
    }

    @Test
    void aFeedThatSuddenlyComesBackEmptyIsHeld() {
        List<KnownBlock> four = applied(event("1", "2027-07-01", 2, "Reserved"), event("2", "2027-07-05", 2, "Reserved"),
                event("3", "2027-07-09", 2, "Reserved"), event("4", "2027-07-13", 2, "Reserved"));
        Reconciliation empty = Reconciliation.of(four, List.of(), HALF);
        assertTrue(empty.held());
        assertTrue(empty.released().isEmpty() && empty.added().isEmpty());
    }

    @Test
    void ordinaryCancellationsBelowTheThresholdAreApplied() {
        FeedEvent one = event("1", "2027-07-01", 2, "Reserved");
        FeedEvent two = event("2", "2027-07-05", 2, "Reserved");
        FeedEvent three = event("3", "2027-07-09", 2, "Reserved");
        Reconciliation next = Reconciliation.of(applied(one, two, three), List.of(one, two), HALF);
        assertFalse(next.held());
        assertEquals(List.of("3"), next.released().stream().map(KnownBlock::uid).toList());
        // the last stay of a one-event feed cancelled: a single lost event is never held
        Reconciliation last = Reconciliation.of(applied(one), List.of(), HALF);
        assertFalse(last.held());
        assertEquals(1, last.released().size());
    }
}
