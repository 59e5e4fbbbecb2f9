package org.sejour.infrastructure.channel;

import org.junit.jupiter.api.Test;
import org.sejour.domain.model.channel.EventKind;
import org.sejour.domain.model.channel.FeedEvent;
import org.sejour.domain.model.channel.ParsedFeed;
import org.sejour.domain.model.channel.RefusedEvent;
import org.sejour.domain.model.shared.StayPeriod;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feeds platforms really serve, one shape per test (fixtures in src/test/resources/channels). */
class ICalFeedParserTest {

    private final ICalFeedParser parser = new ICalFeedParser(ZoneId.of("Europe/Paris"));

    static String fixture(String name) {
        try (InputStream in = ICalFeedParserTest.class.getResourceAsStream("/channels/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StayPeriod nights(String arrival, String departure) {
        return new StayPeriod(LocalDate.parse(arrival), LocalDate.parse(departure));
    }

    @Test
    void airbnbReservedAndNotAvailableCloseTheirNightsWithDtendExclusive() {
        ParsedFeed feed = parser.parse(fixture("airbnb.ics"));
        assertEquals(List.of(), feed.rejected());
        assertEquals(List.of(nights("2027-07-03", "2027-07-10"), nights("2027-07-28", "2027-08-01"),
                nights("2028-12-01", "2029-12-01")), feed.events().stream().map(FeedEvent::nights).toList());
        assertEquals(List.of(EventKind.RESERVATION, EventKind.CLOSED, EventKind.CLOSED),
                feed.events().stream().map(FeedEvent::kind).toList());
        assertEquals("1418fb94e984-a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6@airbnb.com", feed.events().get(0).uid());
        assertEquals(List.of("-//Airbnb Inc//Hosting Calendar 1.0//EN"), feed.producers());
    }

    @Test
    void bookingComClosedWithHyphenOrEnDashIsTheSameKindOfEvent() {
        ParsedFeed feed = parser.parse(fixture("booking.ics"));
        assertEquals(List.of(nights("2027-08-14", "2027-08-21"), nights("2027-09-01", "2027-09-04")),
                feed.events().stream().map(FeedEvent::nights).toList());
        assertEquals(List.of(EventKind.CLOSED, EventKind.CLOSED), feed.events().stream().map(FeedEvent::kind).toList());
        assertEquals(List.of("CLOSED - Not available", "CLOSED - Not available"),
                feed.events().stream().map(FeedEvent::summary).toList(), "the en dash is read as a hyphen");
    }

    @Test
    void vrboReservationsLoseTheGuestNameAndBlockedAndDurationEventsCount() {
        ParsedFeed feed = parser.parse(fixture("vrbo.ics"));
        assertEquals(List.of(), feed.rejected());
        assertEquals(List.of("Reserved", "Blocked", "Réservée", "Blocked"),
                feed.events().stream().map(FeedEvent::summary).toList(), "no guest name is kept");
        assertEquals(List.of(EventKind.RESERVATION, EventKind.CLOSED, EventKind.RESERVATION, EventKind.CLOSED),
                feed.events().stream().map(FeedEvent::kind).toList());
        assertEquals(nights("2027-07-15", "2027-07-18"), feed.events().get(3).nights(), "DURATION:P3D from the 15th");
    }

    @Test
    void timedEventsAreCutIntoNightsInTheAccommodationsZone() {
        ParsedFeed feed = parser.parse(fixture("timezone.ics"));
        assertEquals(List.of(), feed.rejected());
        assertEquals(List.of(
                        nights("2027-07-10", "2027-07-14"), // 16:00 → 10:00, Paris time
                        nights("2027-07-20", "2027-07-21"), // 23:00Z is 01:00 the 20th in Paris; 08:00Z the 21st
                        nights("2027-07-25", "2027-07-27")), // 15:00 + 40 h = 07:00 the 27th
                feed.events().stream().map(FeedEvent::nights).toList());
    }

    @Test
    void anEventEndingBeforeItStartsIsRefusedAndTheOthersKept() {
        ParsedFeed feed = parser.parse(fixture("backwards.ics"));
        assertEquals(List.of("ok-before@example.test", "ok-after@example.test"),
                feed.events().stream().map(FeedEvent::uid).toList());
        assertEquals(2, feed.rejected().size(), feed.rejected()::toString);
        assertEquals(List.of(new RefusedEvent("backwards@example.test", RefusedEvent.Reason.ENDS_BEFORE_START),
                new RefusedEvent("same-day@example.test", RefusedEvent.Reason.ENDS_BEFORE_START)), feed.rejected());
    }

    @Test
    void foldedLinesAreUnfoldedEvenInsideAWordOrADate() {
        ParsedFeed feed = parser.parse(fixture("folded.ics"));
        assertEquals(List.of(), feed.rejected());
        FeedEvent event = feed.events().get(0);
        assertEquals("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789@booking.com",
                event.uid());
        assertEquals("CLOSED - Not available", event.summary());
        assertEquals(nights("2027-10-02", "2027-10-05"), event.nights());
    }

    @Test
    void aMergedFeedWithTwoCalendarsAndTwoProductIdsIsReadWhole() {
        ParsedFeed feed = parser.parse(fixture("merged.ics"));
        assertEquals(List.of(), feed.rejected());
        assertEquals(List.of("-//Airbnb Inc//Hosting Calendar 1.0//EN", "-//Calendar Merger 2.1//EN",
                "-//admin.booking.com//EN"), feed.producers());
        assertEquals(3, feed.events().size(), "the duplicate is still listed; reconciliation keeps one");
        assertEquals(feed.events().get(0).fallbackKey(), feed.events().get(2).fallbackKey());
    }

    @Test
    void somethingThatIsNotACalendarIsRefusedWhole() {
        assertThrows(IllegalArgumentException.class, () -> parser.parse("<html>Service unavailable</html>"));
    }
}
