package org.sejour.application.channel;

import jakarta.enterprise.context.ApplicationScoped;
import org.sejour.application.channel.ChannelExportService.ExportedCalendar;
import org.sejour.domain.model.channel.ChannelRepository.ExportTarget;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The export feeds last rendered on this server, one per feed (accommodation, unit), each
 * under the nights version it was rendered from. A poll whose version, first day and
 * stock mode still match is answered from here; anything else renders again. At most
 * {@link #CAPACITY} feeds, least recently polled dropped first: a bound on memory, not a
 * correctness matter (a dropped feed is rendered again).
 */
@ApplicationScoped
public class ExportCache {

    static final int CAPACITY = 2000;

    private record Key(long accommodationId, int unit) {
    }

    private record Entry(UUID version, boolean stockManaged, LocalDate from, ExportedCalendar calendar) {
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    public synchronized Optional<ExportedCalendar> get(ExportTarget target, LocalDate from) {
        Entry entry = entries.get(new Key(target.accommodationId(), target.unit()));
        if (entry == null || !entry.version().equals(target.nightsVersion())
                || entry.stockManaged() != target.stockManaged() || !entry.from().equals(from)) {
            return Optional.empty();
        }
        return Optional.of(entry.calendar());
    }

    public synchronized ExportedCalendar keep(ExportTarget target, LocalDate from, ExportedCalendar calendar) {
        entries.put(new Key(target.accommodationId(), target.unit()),
                new Entry(target.nightsVersion(), target.stockManaged(), from, calendar));
        return calendar;
    }
}
