package org.sejour.interfaces.guest.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The public API's availability answers, written once and served again for as long as what they
 * were computed from stands: each is kept with the account's versions (catalog and nights, see
 * V22__account_nights_version.sql) and the day it was computed on, which the caller reads before
 * asking. A reader whose versions differ computes afresh, so no answer is older than a fresh read
 * would be; a booking changes the nights version at its commit. Bounded by the bytes it holds,
 * least recently used answers first out.
 */
@ApplicationScoped
public class AnswerCache {

    private record Entry(String stamp, Object fingerprint, Cached.Body body) {
    }

    /**
     * What an answer is written from: a small fingerprint, equal only when what the view would
     * show is the same (null: never reuse), and the view, built only if it must be written.
     */
    public record Draft(Object fingerprint, Supplier<Object> view) {

        static Draft of(Object view) {
            return new Draft(null, () -> view);
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private final long capacityBytes;
    private long heldBytes;

    @Inject
    public AnswerCache(@ConfigProperty(name = "sejour.api.answerCache.megabytes", defaultValue = "64") int megabytes) {
        this.capacityBytes = megabytes * 1024L * 1024L;
    }

    /** CDI's proxy needs a no-argument constructor; it never serves requests itself. */
    protected AnswerCache() {
        this.capacityBytes = 0;
    }

    /**
     * The answer kept under {@code key} if it was computed under {@code stamp}; else the one
     * {@code draft} makes, written and kept, unless its fingerprint is that of the answer kept:
     * then that answer's bytes, kept under the new stamp (a change of the account that leaves
     * this answer as it was costs no writing). Two requests missing at once both compute:
     * cheaper than making one wait.
     */
    public Cached.Body answer(String key, String stamp, Supplier<Draft> draft) {
        Entry kept = entry(key);
        if (kept != null && kept.stamp().equals(stamp)) {
            return kept.body();
        }
        Draft drafted = draft.get();
        Cached.Body body = kept != null && drafted.fingerprint() != null
                && drafted.fingerprint().equals(kept.fingerprint()) ? kept.body() : Cached.body(drafted.view().get());
        keep(key, new Entry(stamp, drafted.fingerprint(), body));
        return body;
    }

    /** The answer kept under {@code key} if it was computed under {@code stamp}, without computing one. */
    public Optional<Cached.Body> kept(String key, String stamp) {
        Entry kept = entry(key);
        return kept != null && kept.stamp().equals(stamp) ? Optional.of(kept.body()) : Optional.empty();
    }

    private synchronized Entry entry(String key) {
        return entries.get(key);
    }

    private synchronized void keep(String key, Entry entry) {
        Entry replaced = entries.put(key, entry);
        heldBytes += size(key, entry) - (replaced == null ? 0 : size(key, replaced));
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (heldBytes > capacityBytes && eldest.hasNext()) {
            Map.Entry<String, Entry> out = eldest.next();
            heldBytes -= size(out.getKey(), out.getValue());
            eldest.remove();
        }
    }

    /** Roughly what an entry costs the heap: the body, its key and stamp, and some overhead. */
    private static long size(String key, Entry entry) {
        return entry.body().gzipped().length + 2L * (key.length() + entry.stamp().length()) + 200;
    }
}
