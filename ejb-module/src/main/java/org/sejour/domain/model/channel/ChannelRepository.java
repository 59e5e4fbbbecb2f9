package org.sejour.domain.model.channel;

import org.sejour.domain.model.shared.StayPeriod;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Feeds, their blocks and the export tokens. Blocks take and give back nights through the
 * booking ledger (DossierRepository.takeNights/releaseNights); this repository only finds
 * out, under lock, whether they are free.
 */
public interface ChannelRepository {

    ChannelFeed storeFeed(ChannelFeed feed);

    Optional<ChannelFeed> findFeed(long accountId, long feedId);

    /** Any owner's feed: for the scheduled sync only, never with an id that came from a request. */
    Optional<ChannelFeed> feed(long feedId);

    /** The feed locked until the transaction ends: two syncs of one feed run one after the other. */
    Optional<ChannelFeed> lockFeed(long feedId);

    List<ChannelFeed> feedsOf(long accountId, long accommodationId);

    void removeFeed(ChannelFeed feed);

    /** Ids of the feeds whose next sync is due, oldest first. */
    List<Long> dueFeeds(Instant now, int max);

    List<KnownBlock> blocks(long feedId);

    long addBlock(long feedId, long accommodationId, FeedEvent event, boolean holdsNights);

    /** A kept block follows its event: the UID a platform rewrote, the summary, whether it now holds its nights. */
    void updateBlock(long blockId, FeedEvent event, boolean holdsNights);

    /** The block took its nights at last (its conflict is over). */
    void holdNights(long blockId);

    void removeBlock(long blockId);

    /**
     * Locks the accommodation's night rows of the stay and counts those that still have a unit
     * left; a booking that comes after waits for this transaction.
     */
    int freeNights(long accommodationId, boolean stockManaged, StayPeriod nights);

    /** Live dossiers (option or confirmed) of the accommodation sharing a night with the stay. */
    List<Long> overlappingDossiers(long accommodationId, StayPeriod nights);

    /**
     * Records that the block overlaps the dossier (null: another channel's block); the new
     * conflict's id, or empty when that conflict was already recorded.
     */
    Optional<Long> recordConflict(long blockId, Long dossierId);

    void clearConflicts(long blockId);

    List<ChannelConflict> conflicts(long accountId);

    Optional<ChannelConflict> conflict(long accountId, long conflictId);

    /** What the export feed lists: live dossiers, sales bans and holding blocks ending after {@code from}. */
    List<ClosedPeriod> closedPeriods(long accommodationId, LocalDate from);

    /** For a stock-managed accommodation: runs of nights with no unit left or banned, after {@code from}. */
    List<ClosedPeriod> fullNights(long accommodationId, LocalDate from);

    /**
     * For a stock-managed accommodation, the runs of nights when unit {@code unit} is busy: fewer
     * than {@code unit} units left, or banned, after {@code from}. Units go from the highest
     * number down, so unit 1 is free whenever anything is.
     */
    List<ClosedPeriod> unitNights(long accommodationId, int unit, LocalDate from);

    /** The most units offered on a night from {@code from} on; 0 when no stock is set. */
    int unitsOffered(long accommodationId, LocalDate from);

    Optional<String> exportToken(long accommodationId);

    /** The per-unit export tokens by unit number. */
    Map<Integer, String> unitExportTokens(long accommodationId);

    void addUnitExportToken(long accommodationId, int unit, String token);

    /** Sets a new token, revoking the old one and every unit's. */
    void replaceExportToken(long accommodationId, String token);

    Optional<ExportTarget> exportTarget(String token);

    /**
     * Records the hash of the content just served (unit 0: the accommodation's feed) and returns
     * since when that content is served.
     */
    Instant contentServed(long accommodationId, int unit, String hash, Instant now);

    /**
     * What a token opens: the accommodation's feed ({@code unit} 0) or one unit's, and the
     * version of the nights it shows (changed by the database with any of them).
     */
    record ExportTarget(long accommodationId, boolean stockManaged, int unit, UUID nightsVersion) {
    }
}
