package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sejour.application.catalog.PricingInputs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The pricing inputs of recently priced accounts, each tagged with the account's catalog
 * version (V9__catalog_version.sql), read before them. An entry serves only a reader that has
 * just read the same version: from the database, so it is never staler than a fresh read would
 * be, or from the account's kept state (the guests' search, whose answer is kept under that
 * state). The inputs are immutable records, safe to share between threads. Least recently used
 * accounts go first.
 */
@ApplicationScoped
public class PricingCache {

    private record Entry(UUID version, Map<Long, PricingInputs> inputs) {
    }

    private final Map<Long, Entry> entries;

    @Inject
    public PricingCache(@ConfigProperty(name = "sejour.pricing.cache.accounts", defaultValue = "500") int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** CDI's proxy needs a no-argument constructor; it never serves requests itself. */
    protected PricingCache() {
        this.entries = Map.of();
    }

    public synchronized Optional<Map<Long, PricingInputs>> get(long accountId, UUID version) {
        Entry entry = entries.get(accountId);
        return entry != null && entry.version().equals(version) ? Optional.of(entry.inputs()) : Optional.empty();
    }

    public synchronized Map<Long, PricingInputs> put(long accountId, UUID version, Map<Long, PricingInputs> inputs) {
        Map<Long, PricingInputs> copy = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        entries.put(accountId, new Entry(version, copy));
        return copy;
    }
}
