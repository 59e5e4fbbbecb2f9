package org.sejour.application.booking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sejour.application.booking.AvailabilityService.Offer;
import org.sejour.application.catalog.PricingInputs;

import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What recent searches priced, accommodation by accommodation, each with the nights version it
 * was priced under (V56__accommodation_nights_version.sql): a search after a booking prices
 * again only the booked accommodation and takes the others' offers from here. An entry stands
 * for the very pricing inputs it was computed from (the {@code PricingCache}'s map of a catalog
 * version, one object while that version stands, so a change of rates or terms prices all
 * again) and for its business day. Bounded by the number of accommodations it holds, least
 * recently used searches first out.
 */
@ApplicationScoped
public class KeptOffers {

    /** A search: the account, the stay and the day it was priced on. */
    record Stay(long accountId, LocalDate arrival, int nights, LocalDate today) {
    }

    /**
     * One search's pricing, in the order of {@code inputs}: each accommodation's nights version
     * and its offer, null when it is not bookable for the stay, and the revision of the offers
     * (see {@link AvailabilityService.StayOffers}). Shared read-only once kept.
     */
    record Priced(Reference<Map<Long, PricingInputs>> inputs, UUID[] versions, Offer[] offers, long revision) {

        /** Held weakly: inputs the PricingCache let go can serve no search again, and are not kept alive here. */
        Priced(Map<Long, PricingInputs> inputs, UUID[] versions, Offer[] offers, long revision) {
            this(new WeakReference<>(inputs), versions, offers, revision);
        }
    }

    private final AtomicLong revisions = new AtomicLong();
    private final Map<Stay, Priced> entries = new LinkedHashMap<>(256, 0.75f, true);
    private final long capacity;
    private long held;

    @Inject
    public KeptOffers(@ConfigProperty(name = "sejour.api.keptOffers.accommodations", defaultValue = "300000")
                      long capacity) {
        this.capacity = capacity;
    }

    /** CDI's proxy needs a no-argument constructor; it never serves requests itself. */
    protected KeptOffers() {
        this.capacity = 0;
    }

    /** A revision no offers of this server had before. */
    long newRevision() {
        return revisions.incrementAndGet();
    }

    /** What the last search of that stay priced, if it was priced from these very inputs. */
    synchronized Optional<Priced> of(Stay stay, Map<Long, PricingInputs> inputs) {
        Priced priced = entries.get(stay);
        return priced != null && priced.inputs().get() == inputs ? Optional.of(priced) : Optional.empty();
    }

    synchronized void keep(Stay stay, Priced priced) {
        Priced replaced = entries.put(stay, priced);
        held += priced.offers().length - (replaced == null ? 0 : replaced.offers().length);
        Iterator<Priced> eldest = entries.values().iterator();
        while (held > capacity && eldest.hasNext()) {
            held -= eldest.next().offers().length;
            eldest.remove();
        }
    }
}
