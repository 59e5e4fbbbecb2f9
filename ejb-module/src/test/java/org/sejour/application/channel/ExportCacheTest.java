package org.sejour.application.channel;

import org.junit.jupiter.api.Test;
import org.sejour.application.channel.ChannelExportService.ExportedCalendar;
import org.sejour.domain.model.channel.ChannelRepository.ExportTarget;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportCacheTest {

    static final LocalDate FROM = LocalDate.of(2027, 4, 1);
    static final UUID V1 = UUID.randomUUID();
    static final UUID V2 = UUID.randomUUID();

    private static ExportedCalendar calendar(String body) {
        return new ExportedCalendar(body, "\"" + body + "\"", Instant.parse("2027-04-01T08:00:00Z"));
    }

    @Test
    void aFeedIsServedFromMemoryOnlyUnderTheVersionItWasRenderedFrom() {
        ExportCache cache = new ExportCache();
        ExportTarget feed = new ExportTarget(7, false, 0, V1);
        assertTrue(cache.get(feed, FROM).isEmpty());
        cache.keep(feed, FROM, calendar("a"));
        assertEquals(Optional.of(calendar("a")), cache.get(feed, FROM));

        assertTrue(cache.get(new ExportTarget(7, false, 0, V2), FROM).isEmpty(), "the nights changed");
        assertTrue(cache.get(feed, FROM.plusDays(1)).isEmpty(), "a new day moves the feed's first night");
        assertTrue(cache.get(new ExportTarget(7, true, 0, V1), FROM).isEmpty(), "stock management switched");
        assertTrue(cache.get(new ExportTarget(7, false, 2, V1), FROM).isEmpty(), "a unit is its own feed");
        assertTrue(cache.get(new ExportTarget(8, false, 0, V1), FROM).isEmpty(), "another accommodation");

        cache.keep(new ExportTarget(7, false, 0, V2), FROM, calendar("b"));
        assertEquals(Optional.of(calendar("b")), cache.get(new ExportTarget(7, false, 0, V2), FROM));
        assertTrue(cache.get(feed, FROM).isEmpty(), "one entry per feed: the old version is gone");
    }

    @Test
    void theLeastRecentlyPolledFeedGoesFirstBeyondTheCapacity() {
        ExportCache cache = new ExportCache();
        for (long id = 1; id <= ExportCache.CAPACITY; id++) {
            cache.keep(new ExportTarget(id, false, 0, V1), FROM, calendar("feed" + id));
        }
        assertTrue(cache.get(new ExportTarget(1, false, 0, V1), FROM).isPresent()); // polled: now the most recent
        cache.keep(new ExportTarget(ExportCache.CAPACITY + 1, false, 0, V1), FROM, calendar("new"));
        assertTrue(cache.get(new ExportTarget(1, false, 0, V1), FROM).isPresent());
        assertTrue(cache.get(new ExportTarget(2, false, 0, V1), FROM).isEmpty(), "the oldest poll was dropped");
    }
}
