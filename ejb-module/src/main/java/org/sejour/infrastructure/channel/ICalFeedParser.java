package org.sejour.infrastructure.channel;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Duration;
import net.fortuna.ical4j.util.CompatibilityHints;
import org.sejour.domain.model.channel.EventKind;
import org.sejour.domain.model.channel.FeedEvent;
import org.sejour.domain.model.channel.ParsedFeed;
import org.sejour.domain.model.channel.RefusedEvent;
import org.sejour.domain.model.channel.RefusedEvent.Reason;
import org.sejour.domain.model.shared.StayPeriod;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the iCal feeds of Airbnb, Booking.com, Vrbo/Abritel and the like with ical4j, and
 * turns each event into the nights it closes. A bad event is refused on its own; the rest of
 * the feed still counts. The rules are listed in docs/channels.md.
 */
public class ICalFeedParser {

    private static final Logger LOG = Logger.getLogger(ICalFeedParser.class.getName());
    /** Longest event taken: three years. Longer is a mistake in the feed, not a stay. */
    static final int MAX_NIGHTS = 1096;
    // several calendars glued into one file (merged feeds): each is read on its own
    private static final Pattern CALENDAR = Pattern.compile("(?ims)^BEGIN:VCALENDAR\\s*$.*?^END:VCALENDAR\\s*$");

    static {
        // real feeds break the RFC in small ways (lower-case names, stray spaces, bad folding)
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, true);
    }

    private final ZoneId zone;

    /** @param zone where the accommodation is: timed events are cut into nights in its local time */
    public ICalFeedParser(ZoneId zone) {
        this.zone = zone;
    }

    public ParsedFeed parse(String text) {
        List<FeedEvent> events = new ArrayList<>();
        List<RefusedEvent> rejected = new ArrayList<>();
        List<String> producers = new ArrayList<>();
        Matcher calendars = CALENDAR.matcher(text.replace("\uFEFF", ""));
        boolean any = false;
        while (calendars.find()) {
            any = true;
            Calendar calendar;
            try {
                calendar = new CalendarBuilder().build(new StringReader(calendars.group()));
            } catch (IOException | ParserException | RuntimeException e) {
                LOG.log(Level.FINE, "A calendar of a feed cannot be read: {0}", e.getMessage());
                rejected.add(new RefusedEvent(null, Reason.UNREADABLE_CALENDAR));
                continue;
            }
            calendar.getProperties(Property.PRODID).forEach(p -> producers.add(p.getValue()));
            for (VEvent event : calendar.<VEvent>getComponents(VEvent.VEVENT)) {
                read(event, events, rejected);
            }
        }
        if (!any) {
            throw new IllegalArgumentException("not an iCalendar document (no BEGIN:VCALENDAR … END:VCALENDAR)");
        }
        return new ParsedFeed(events, rejected, producers);
    }

    private void read(VEvent event, List<FeedEvent> events, List<RefusedEvent> rejected) {
        String uid = value(event, Property.UID).orElse(null);
        try {
            if (value(event, Property.STATUS).filter("CANCELLED"::equalsIgnoreCase).isPresent()) {
                return; // a cancelled event closes nothing
            }
            Optional<Temporal> start = date(event, Property.DTSTART);
            if (start.isEmpty()) {
                rejected.add(new RefusedEvent(uid, Reason.NO_START));
                return;
            }
            Optional<Temporal> end = date(event, Property.DTEND);
            Optional<TemporalAmount> duration = event.<Duration>getProperty(Property.DURATION).map(Duration::getDuration);
            Optional<StayPeriod> nights = nights(start.get(), end, duration);
            if (nights.isEmpty()) {
                rejected.add(new RefusedEvent(uid, Reason.ENDS_BEFORE_START));
                return;
            }
            if (nights.get().nights() > MAX_NIGHTS) {
                rejected.add(new RefusedEvent(uid, Reason.TOO_LONG));
                return;
            }
            String summary = value(event, Property.SUMMARY).orElse("");
            events.add(new FeedEvent(uid, nights.get(), EventKind.withoutGuestName(summary), EventKind.of(summary)));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Event {0} of a feed cannot be read: {1}", new Object[]{uid, e.getMessage()});
            rejected.add(new RefusedEvent(uid, Reason.UNREADABLE));
        }
    }

    /**
     * DATE values are nights already (DTEND exclusive). Timed values are read in the
     * accommodation's zone: the nights run from the start day to the end day, and an event
     * within one day still closes that night. No end: one day for a DATE (RFC 5545 3.6.1).
     */
    Optional<StayPeriod> nights(Temporal start, Optional<Temporal> end, Optional<TemporalAmount> duration) {
        boolean allDay = start instanceof LocalDate;
        Temporal finish = end.orElseGet(() -> duration.map(start::plus)
                .orElseGet(() -> allDay ? start.plus(java.time.Period.ofDays(1)) : start));
        LocalDateTime from = local(start);
        LocalDateTime to = local(finish);
        if (to.isBefore(from) || (allDay && !to.isAfter(from))) {
            return Optional.empty();
        }
        LocalDate arrival = from.toLocalDate();
        LocalDate departure = to.toLocalDate();
        if (!departure.isAfter(arrival)) {
            departure = arrival.plusDays(1);
        }
        return Optional.of(new StayPeriod(arrival, departure));
    }

    private LocalDateTime local(Temporal value) {
        if (value instanceof LocalDate date) {
            return date.atTime(LocalTime.MIDNIGHT);
        } else if (value instanceof LocalDateTime floating) {
            return floating;
        } else if (value instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone).toLocalDateTime();
        } else if (value instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone).toLocalDateTime();
        } else if (value instanceof Instant instant) {
            return instant.atZone(zone).toLocalDateTime();
        }
        throw new IllegalArgumentException("unreadable date " + value);
    }

    @SuppressWarnings("unchecked")
    private static Optional<Temporal> date(VEvent event, String name) {
        return event.<DateProperty<Temporal>>getProperty(name).map(DateProperty::getDate);
    }

    private static Optional<String> value(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).filter(v -> !v.isBlank());
    }
}
