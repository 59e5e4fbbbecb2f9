package org.sejour.domain.model.channel;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Why a feed's last sync did not apply, or applied only in part: a kind the back office
 * translates and its arguments. Never an exception's text: what went wrong in detail (which
 * address, which HTTP status) goes to the server log only, so the owner's page cannot be used to
 * tell a closed port from an open one behind the server.
 */
public record FeedProblem(Kind kind, List<String> arguments) implements Serializable {

    /** At most this many refused events are named; the feed's count has them all. */
    public static final int MAX_NAMED_EVENTS = 5;
    private static final int MAX_ARGUMENT = 150;
    private static final String SEPARATOR = "\n";

    public enum Kind {
        /** The address (scheme, port, or where the host leads) is refused. */
        NOT_ALLOWED,
        /** Nothing usable came back: no connection, an HTTP error, too many redirects, the deadline passed. */
        UNREACHABLE,
        /** The answer is larger than the operator's limit. */
        TOO_LARGE,
        /** The answer is not an iCalendar document. */
        NOT_A_CALENDAR,
        /** Too many events lost at once, nothing applied. Arguments: events now, events before. */
        HELD,
        /** The snapshot was applied without some events. Arguments: pairs of reason and event UID ("" if none). */
        EVENTS_REFUSED
    }

    public FeedProblem {
        Objects.requireNonNull(kind, "kind is required");
        arguments = arguments.stream()
                .map(a -> a.replace(SEPARATOR, " "))
                .map(a -> a.length() <= MAX_ARGUMENT ? a : a.substring(0, MAX_ARGUMENT))
                .toList();
    }

    public static FeedProblem of(Kind kind) {
        return new FeedProblem(kind, List.of());
    }

    public static FeedProblem held(int eventsNow, int eventsBefore) {
        return new FeedProblem(Kind.HELD, List.of(String.valueOf(eventsNow), String.valueOf(eventsBefore)));
    }

    /** The first {@value #MAX_NAMED_EVENTS} refused events, by reason and UID. */
    public static FeedProblem eventsRefused(List<RefusedEvent> refused) {
        List<String> arguments = new ArrayList<>();
        refused.stream().limit(MAX_NAMED_EVENTS).forEach(r -> {
            arguments.add(r.reason().name());
            arguments.add(r.uid() == null ? "" : r.uid());
        });
        return new FeedProblem(Kind.EVENTS_REFUSED, arguments);
    }

    /** The refused events named by an {@link Kind#EVENTS_REFUSED} problem. */
    public List<RefusedEvent> refusedEvents() {
        List<RefusedEvent> events = new ArrayList<>();
        for (int i = 0; kind == Kind.EVENTS_REFUSED && i + 1 < arguments.size(); i += 2) {
            events.add(new RefusedEvent(arguments.get(i + 1).isEmpty() ? null : arguments.get(i + 1),
                    RefusedEvent.Reason.valueOf(arguments.get(i))));
        }
        return events;
    }

    /** The arguments as stored in one column. */
    String encodedArguments() {
        return arguments.isEmpty() ? null : String.join(SEPARATOR, arguments);
    }

    static FeedProblem decode(String kind, String arguments) {
        return kind == null ? null : new FeedProblem(Kind.valueOf(kind),
                arguments == null || arguments.isEmpty() ? List.of() : Arrays.asList(arguments.split(SEPARATOR, -1)));
    }
}
