package org.sejour.application.booking;

import org.junit.jupiter.api.Test;
import org.sejour.domain.model.pricing.NightAvailability;
import org.sejour.domain.model.pricing.NightAvailability.NightStatus;
import org.sejour.domain.model.shared.StayPeriod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** What is read from the database and what is taken from memory, block by block and version by version. */
class KeptNightsTest {

    private static final UUID UNCHANGED = new UUID(0, 0);
    /** The first night of a block: 2027-04-20 is epoch day 20,928 = 654 × 32. */
    private static final LocalDate BLOCK_START = LocalDate.of(2027, 4, 20);

    /** Each read, and nights whose units are the read's number: which read a night came from shows. */
    private final List<String> reads = new ArrayList<>();
    private final KeptNights.Reader reader = (ids, first, end) -> {
        reads.add(ids + " " + first + ".." + end);
        Map<Long, NightAvailability> read = new HashMap<>();
        int number = reads.size();
        for (Long id : ids) {
            read.put(id, night -> {
                assertTrue(!night.isBefore(first) && night.isBefore(end), night + " outside the read " + first + ".." + end);
                return new NightStatus(number, false);
            });
        }
        return read;
    };

    @Test
    void blocksAreReadOnceAndServeEveryStayWithinThem() {
        KeptNights kept = new KeptNights(1000, 10);
        Map<Long, NightAvailability> first = kept.of(List.of(1L, 2L), Map.of(), UNCHANGED,
                StayPeriod.of(BLOCK_START.plusDays(3), 7), reader);
        assertEquals(List.of("[1, 2] 2027-04-20..2027-05-22"), reads, "whole blocks are read");
        assertEquals(1, units(first.get(1L), BLOCK_START.plusDays(3)));

        Map<Long, NightAvailability> again = kept.of(List.of(1L, 2L), Map.of(), UNCHANGED,
                StayPeriod.of(BLOCK_START.plusDays(20), 7), reader);
        assertEquals(1, reads.size(), "another stay of the same block is not read again");
        assertEquals(1, units(again.get(2L), BLOCK_START.plusDays(26)));
    }

    @Test
    void onlyTheAccommodationsWhoseVersionMovedAreReadAgain() {
        KeptNights kept = new KeptNights(1000, 10);
        StayPeriod stay = StayPeriod.of(BLOCK_START, 3);
        kept.of(List.of(1L, 2L, 3L), Map.of(), UNCHANGED, stay, reader);
        UUID moved = UUID.randomUUID();
        Map<Long, NightAvailability> after = kept.of(List.of(1L, 2L, 3L), Map.of(2L, moved), UNCHANGED, stay, reader);
        assertEquals("[2] 2027-04-20..2027-05-22", reads.get(1));
        assertEquals(List.of(1, 2, 1), List.of(units(after.get(1L), BLOCK_START), units(after.get(2L), BLOCK_START),
                units(after.get(3L), BLOCK_START)));

        kept.of(List.of(2L), Map.of(2L, moved), UNCHANGED, stay, reader);
        assertEquals(2, reads.size(), "kept under the version it was read under");
        kept.of(List.of(2L), Map.of(), UNCHANGED, stay, reader);
        assertEquals(3, reads.size(), "a version that is not the one kept, whichever, is read again");
    }

    @Test
    void aStayAcrossBlocksTakesEachNightFromItsOwnBlock() {
        KeptNights kept = new KeptNights(1000, 10);
        kept.of(List.of(1L), Map.of(), UNCHANGED, StayPeriod.of(BLOCK_START, 7), reader);
        kept.of(List.of(1L), Map.of(), UNCHANGED, StayPeriod.of(BLOCK_START.plusDays(32), 7), reader);
        NightAvailability across = kept.of(List.of(1L), Map.of(), UNCHANGED,
                StayPeriod.of(BLOCK_START.plusDays(28), 7), reader).get(1L);
        assertEquals(2, reads.size(), "both blocks were kept");
        assertEquals(1, units(across, BLOCK_START.plusDays(31)));
        assertEquals(2, units(across, BLOCK_START.plusDays(32)));

        kept.of(List.of(1L), Map.of(), UNCHANGED, StayPeriod.of(BLOCK_START.plusDays(80), 30), reader);
        assertEquals("[1] 2027-06-23..2027-08-26", reads.get(2), "a stay over two blocks unread reads both at once");
    }

    @Test
    void theLeastRecentlyUsedBlocksGoFirstBeyondTheBound() {
        KeptNights kept = new KeptNights(2, 10);
        StayPeriod stay = StayPeriod.of(BLOCK_START, 3);
        kept.of(List.of(1L, 2L), Map.of(), UNCHANGED, stay, reader);
        kept.of(List.of(1L), Map.of(), UNCHANGED, stay, reader);
        kept.of(List.of(3L), Map.of(), UNCHANGED, stay, reader);
        assertEquals(2, reads.size());
        kept.of(List.of(1L, 3L), Map.of(), UNCHANGED, stay, reader);
        assertEquals(2, reads.size(), "the two used last are kept");
        kept.of(List.of(2L), Map.of(), UNCHANGED, stay, reader);
        assertEquals("[2] 2027-04-20..2027-05-22", reads.get(2), "the one used least recently went");
    }

    @Test
    void anAccommodationTheReaderDoesNotFindIsLeftOutAndNotKept() {
        KeptNights kept = new KeptNights(1000, 10);
        KeptNights.Reader none = (ids, first, end) -> {
            reads.add(ids.toString());
            return Map.of();
        };
        StayPeriod stay = StayPeriod.of(BLOCK_START, 3);
        assertTrue(kept.of(List.of(9L), Map.of(), UNCHANGED, stay, none).isEmpty());
        assertTrue(kept.of(List.of(9L), Map.of(), UNCHANGED, stay, none).isEmpty());
        assertEquals(List.of("[9]", "[9]"), reads);
    }

    @Test
    void theAccommodationsVersionsAreReadOnceForEachVersionOfTheAccount() {
        KeptNights kept = new KeptNights(1000, 2);
        List<String> versionReads = new ArrayList<>();
        Optional<UUID> first = Optional.of(UUID.randomUUID());
        Map<Long, UUID> read = Map.of(1L, UUID.randomUUID());
        assertEquals(read, kept.versions(7, first, () -> {
            versionReads.add("7");
            return read;
        }));
        assertEquals(read, kept.versions(7, first, () -> fail("read again under the same account version")));
        Optional<UUID> second = Optional.of(UUID.randomUUID());
        kept.versions(7, second, () -> {
            versionReads.add("7 again");
            return Map.of();
        });
        assertEquals(List.of("7", "7 again"), versionReads, "another version of the account: read again");
        kept.versions(7, second, () -> fail("read again under the same account version"));
        kept.versions(8, Optional.empty(), Map::of);
        kept.versions(9, Optional.empty(), Map::of);
        kept.versions(7, second, () -> {
            versionReads.add("7 out");
            return Map.of();
        });
        assertEquals(List.of("7", "7 again", "7 out"), versionReads,
                "beyond the bound of accounts, the least recently used went");
    }

    private static int units(NightAvailability nights, LocalDate night) {
        return nights.statusOf(night).remainingStock();
    }
}
