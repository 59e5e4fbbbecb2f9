package org.sejour.infrastructure.channel;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.sejour.domain.model.channel.ClosedPeriod;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes an accommodation's closed nights as an iCalendar feed: all-day events, DTEND
 * exclusive (the departure day), no guest data, and nothing that changes between two exports
 * of the same nights (DTSTAMP is when the period came to be), so ETags stay put.
 */
public class ICalExportWriter {

    static final String PRODUCT = "-//Sejour//Channel export 1.0//FR";

    public String write(List<ClosedPeriod> periods) {
        Calendar calendar = new Calendar()
                .withProdId(PRODUCT)
                .withProperty(ImmutableVersion.VERSION_2_0)
                .withProperty(ImmutableCalScale.GREGORIAN)
                .getFluentTarget();
        for (ClosedPeriod period : periods) {
            VEvent event = new VEvent(period.nights().arrival(), period.nights().departure(),
                    period.reason() == ClosedPeriod.Reason.BOOKED ? "Réservé" : "Fermé");
            event.add(new Uid(period.uid()));
            event.replace(new DtStamp(period.since())); // the constructor stamps "now": keep the feed stable
            event.add(new Transp(Transp.VALUE_OPAQUE));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            // validation off: the events are built here, and it would double the cost of a request
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
