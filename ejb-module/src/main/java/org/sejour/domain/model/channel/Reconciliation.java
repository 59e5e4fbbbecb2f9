package org.sejour.domain.model.channel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a new snapshot of a feed changes: blocks kept (possibly under a rewritten UID), blocks
 * released because their event left the feed or moved, events added. The feed's snapshot is
 * the truth, so a moving window (Airbnb's "Not available" horizon) replaces its old block
 * instead of piling up beside it.
 *
 * <p>A snapshot that loses more than the hold threshold of the feed's events at once is not
 * applied at all: a platform that answers 200 with an empty calendar during an incident must
 * not reopen every night it had closed.
 */
public record Reconciliation(List<Kept> kept, List<KnownBlock> released, List<FeedEvent> added, boolean held) {

    /** An existing block matched by a new event; {@code event} carries its current UID and summary. */
    public record Kept(KnownBlock block, FeedEvent event) {
    }

    /** The rule for holding a snapshot back: more than {@code percent} % and at least {@code minimum} events lost. */
    public record HoldRule(int percent, int minimum) {
        public HoldRule {
            if (percent < 1 || percent > 100 || minimum < 1) {
                throw new IllegalArgumentException("hold rule out of range: " + percent + " %, " + minimum);
            }
        }

        boolean holds(int before, int lost) {
            return lost >= minimum && lost * 100L > (long) percent * before;
        }
    }

    public static Reconciliation of(List<KnownBlock> existing, List<FeedEvent> snapshot, HoldRule rule) {
        Objects.requireNonNull(rule, "hold rule is required");
        List<FeedEvent> events = distinct(snapshot);
        Map<String, KnownBlock> byUid = new HashMap<>();
        existing.forEach(block -> byUid.put(block.uid(), block));

        List<Kept> kept = new ArrayList<>();
        List<KnownBlock> released = new ArrayList<>();
        List<FeedEvent> unmatched = new ArrayList<>();
        for (FeedEvent event : events) {
            KnownBlock block = byUid.remove(event.uid());
            if (block == null) {
                unmatched.add(event);
            } else if (block.nights().equals(event.nights())) {
                kept.add(new Kept(block, event));
            } else {
                released.add(block); // the same event moved: give the old nights back, take the new ones
                unmatched.add(event);
            }
        }
        // UIDs rewritten by the platform: the same nights and summary are the same event
        Map<String, KnownBlock> byFallback = new LinkedHashMap<>();
        byUid.values().forEach(block -> byFallback.putIfAbsent(block.fallbackKey(), block));
        List<FeedEvent> added = new ArrayList<>();
        for (FeedEvent event : unmatched) {
            KnownBlock block = byFallback.remove(event.fallbackKey());
            if (block != null && block.nights().equals(event.nights())) {
                byUid.remove(block.uid());
                kept.add(new Kept(block, event));
            } else {
                added.add(event);
            }
        }
        List<KnownBlock> gone = new ArrayList<>(byUid.values());
        released.addAll(gone);
        boolean held = rule.holds(existing.size(), gone.size());
        return held ? new Reconciliation(List.of(), List.of(), List.of(), true)
                : new Reconciliation(List.copyOf(kept), List.copyOf(released), List.copyOf(added), false);
    }

    /** A merged feed may list the same event twice: once by UID, once under another UID with the same nights. */
    private static List<FeedEvent> distinct(List<FeedEvent> snapshot) {
        Map<String, FeedEvent> byUid = new LinkedHashMap<>();
        Map<String, FeedEvent> byFallback = new HashMap<>();
        for (FeedEvent event : snapshot) {
            if (!byUid.containsKey(event.uid()) && !byFallback.containsKey(event.fallbackKey())) {
                byUid.put(event.uid(), event);
                byFallback.put(event.fallbackKey(), event);
            }
        }
        return new ArrayList<>(byUid.values());
    }
}
