package org.sejour.application.booking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sejour.domain.model.pricing.NightAvailability;
import org.sejour.domain.model.shared.StayPeriod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The nights that searches read, accommodation by accommodation, in blocks of
 * {@value #BLOCK_NIGHTS} nights, each with the nights version it was read under
 * (V56__accommodation_nights_version.sql, V57 for the switch of stock management): a search
 * of a stay no one searched since the last booking prices every accommodation again, but reads
 * from the database only the nights of the accommodations whose version moved. Bounded by the
 * number of blocks it holds, least recently used first out.
 */
@ApplicationScoped
public class KeptNights {

    /** Nights per block: a cold read of an account costs a few stays' worth, and a stay spans few blocks. */
    static final int BLOCK_NIGHTS = 32;

    /** Reads the nights [first, end) of those accommodations, one query for them all. */
    @FunctionalInterface
    interface Reader {
        Map<Long, NightAvailability> read(Collection<Long> accommodationIds, LocalDate first, LocalDate end);
    }

    private record Block(long accommodationId, long number) {
    }

    /** One read's nights, which cover the block, and the version they were read under. */
    private record Kept(UUID version, NightAvailability nights) {
    }

    /** The nights versions of an account's accommodations, read under the account's own nights version. */
    private record Versions(Optional<UUID> ofAccount, Map<Long, UUID> ofAccommodations) {
    }

    private final Map<Block, Kept> blocks = new LinkedHashMap<>(1024, 0.75f, true);
    private final Map<Long, Versions> versions = new LinkedHashMap<>(64, 0.75f, true);
    private final long capacity;
    private final int accounts;

    @Inject
    public KeptNights(@ConfigProperty(name = "sejour.api.keptNights.blocks", defaultValue = "50000") long capacity,
                      @ConfigProperty(name = "sejour.api.keptNights.accounts", defaultValue = "1000") int accounts) {
        this.capacity = capacity;
        this.accounts = accounts;
    }

    /** CDI's proxy needs a no-argument constructor; it never serves requests itself. */
    protected KeptNights() {
        this.capacity = 0;
        this.accounts = 0;
    }

    /**
     * The nights versions of the account's accommodations (V56), read with {@code reader} once
     * for each nights version of the account: the same deferred trigger moves the account's
     * version with any of its accommodations', so the accommodations' read under one account
     * version stand while it does. The caller has read the account's version first (its kept
     * state), so what is kept under it is at least as new as it. After a booking, the searches
     * of every stay computed again read them once, not once each.
     */
    Map<Long, UUID> versions(long accountId, Optional<UUID> accountVersion, Supplier<Map<Long, UUID>> reader) {
        synchronized (this) {
            Versions kept = versions.get(accountId);
            if (kept != null && kept.ofAccount().equals(accountVersion)) {
                return kept.ofAccommodations();
            }
        }
        Map<Long, UUID> read = Map.copyOf(reader.get());
        synchronized (this) {
            versions.put(accountId, new Versions(accountVersion, read));
            trim(versions, accounts);
        }
        return read;
    }

    /**
     * The nights of the stay for each of those accommodations, under the versions given (read
     * before this call, so that what is kept under a version is at least as new as it). Those
     * not kept under their version are read with {@code reader}, whole blocks at once; an
     * accommodation the reader does not find is left out.
     */
    Map<Long, NightAvailability> of(Collection<Long> accommodationIds, Map<Long, UUID> versions, UUID unchanged,
                                    StayPeriod stay, Reader reader) {
        long firstBlock = Math.floorDiv(stay.arrival().toEpochDay(), BLOCK_NIGHTS);
        long lastBlock = Math.floorDiv(stay.departure().toEpochDay() - 1, BLOCK_NIGHTS);
        Map<Long, NightAvailability> nights = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        synchronized (this) {
            for (Long id : accommodationIds) {
                NightAvailability found = kept(id, versions.getOrDefault(id, unchanged), firstBlock, lastBlock);
                if (found == null) {
                    missing.add(id);
                } else {
                    nights.put(id, found);
                }
            }
        }
        if (missing.isEmpty()) {
            return nights;
        }
        Map<Long, NightAvailability> read = reader.read(missing, LocalDate.ofEpochDay(firstBlock * BLOCK_NIGHTS),
                LocalDate.ofEpochDay((lastBlock + 1) * BLOCK_NIGHTS));
        nights.putAll(read);
        synchronized (this) {
            for (Map.Entry<Long, NightAvailability> accommodation : read.entrySet()) {
                Kept kept = new Kept(versions.getOrDefault(accommodation.getKey(), unchanged), accommodation.getValue());
                for (long b = firstBlock; b <= lastBlock; b++) {
                    blocks.put(new Block(accommodation.getKey(), b), kept);
                }
            }
            trim(blocks, capacity);
        }
        return nights;
    }

    /** Removes the least recently used entries of an access-ordered map beyond {@code bound}. */
    private static void trim(Map<?, ?> map, long bound) {
        Iterator<?> eldest = map.values().iterator();
        for (long over = map.size() - bound; over > 0 && eldest.hasNext(); over--) {
            eldest.next();
            eldest.remove();
        }
    }

    /** The nights of blocks first to last of one accommodation, if all are kept under that version. */
    private NightAvailability kept(Long id, UUID version, long firstBlock, long lastBlock) {
        NightAvailability[] read = new NightAvailability[(int) (lastBlock - firstBlock + 1)];
        for (long b = firstBlock; b <= lastBlock; b++) {
            Kept kept = blocks.get(new Block(id, b));
            if (kept == null || !kept.version().equals(version)) {
                return null;
            }
            read[(int) (b - firstBlock)] = kept.nights();
        }
        boolean oneRead = true;
        for (NightAvailability block : read) {
            oneRead &= block == read[0];
        }
        // blocks kept from different reads: each night from its own block's
        return oneRead ? read[0]
                : night -> read[(int) (Math.floorDiv(night.toEpochDay(), BLOCK_NIGHTS) - firstBlock)].statusOf(night);
    }
}
