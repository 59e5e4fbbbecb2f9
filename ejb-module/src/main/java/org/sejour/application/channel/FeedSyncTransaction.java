package org.sejour.application.channel;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.sejour.application.mail.MailOutbox;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.AccommodationRepository;
import org.sejour.domain.model.channel.ChannelFeed;
import org.sejour.domain.model.channel.ChannelRepository;
import org.sejour.domain.model.channel.EventKind;
import org.sejour.domain.model.channel.FeedEvent;
import org.sejour.domain.model.channel.FeedProblem;
import org.sejour.domain.model.channel.KnownBlock;
import org.sejour.domain.model.channel.ParsedFeed;
import org.sejour.domain.model.channel.Reconciliation;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.shared.StayPeriod;
import org.sejour.infrastructure.channel.ChannelSettings;

import java.time.Instant;
import java.util.List;

/**
 * Applies one fetched snapshot of a feed in one transaction, the feed row locked. Nights are
 * taken and given back through the booking ledger (night_stock): a block holds its nights
 * exactly as a dossier does, so a booking on them is refused, and a block whose nights a
 * dossier already holds becomes a recorded conflict instead of an oversold night.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class FeedSyncTransaction {

    @Inject
    ChannelRepository channels;
    @Inject
    DossierRepository ledger;
    @Inject
    AccommodationRepository accommodations;
    @Inject
    ChannelSettings settings;
    @EJB
    MailOutbox mails;

    public FeedStatusView apply(long feedId, ParsedFeed snapshot, String etag, String lastModified, Instant now) {
        ChannelFeed feed = channels.lockFeed(feedId).orElseThrow();
        Accommodation accommodation = accommodations.find(feed.accountId(), feed.accommodationId()).orElseThrow();
        List<KnownBlock> existing = channels.blocks(feedId);
        Reconciliation plan = Reconciliation.of(existing, snapshot.events(), settings.holdRule());
        if (plan.held()) {
            feed.hold(snapshot.events().size(), existing.size(), now, settings.syncInterval());
            return FeedStatusView.of(feed);
        }
        for (KnownBlock gone : plan.released()) {
            if (gone.holdsNights()) {
                ledger.releaseNights(accommodation.id(), gone.nights());
            }
            channels.removeBlock(gone.id());
        }
        for (Reconciliation.Kept kept : plan.kept()) {
            // a block that lost to a dossier tries again: the dossier may have been cancelled since
            boolean holds = kept.block().holdsNights() || take(accommodation, kept.block().id(), kept.event().nights(), kept.event().kind());
            channels.updateBlock(kept.block().id(), kept.event(), holds);
        }
        for (FeedEvent added : plan.added()) {
            long blockId = channels.addBlock(feedId, accommodation.id(), added, false);
            if (take(accommodation, blockId, added.nights(), added.kind())) {
                channels.updateBlock(blockId, added, true);
            }
        }
        int events = plan.kept().size() + plan.added().size();
        feed.recordApplied(events, snapshot.rejected(), etag, lastModified, now, settings.syncInterval());
        return FeedStatusView.of(feed);
    }

    /**
     * Takes the nights if every one is free; otherwise records who holds them, unless the event
     * only closes nights that are all held already: a platform closing what Séjour sold (its own
     * export coming back, or another channel's block it passed on) sells nothing twice, and
     * owners who sync both ways would otherwise get a conflict for each of their bookings.
     */
    private boolean take(Accommodation accommodation, long blockId, StayPeriod nights, EventKind kind) {
        int free = channels.freeNights(accommodation.id(), accommodation.stockManaged(), nights);
        if (free == nights.nights()
                && ledger.takeNights(accommodation.id(), accommodation.stockManaged(), nights).isEmpty()) {
            channels.clearConflicts(blockId);
            return true;
        }
        if (kind == EventKind.CLOSED && free == 0) {
            channels.clearConflicts(blockId);
            return false;
        }
        List<Long> dossiers = channels.overlappingDossiers(accommodation.id(), nights);
        if (dossiers.isEmpty()) {
            recordConflict(accommodation, blockId, null); // another channel's block, or no stock defined
        }
        dossiers.forEach(dossierId -> recordConflict(accommodation, blockId, dossierId));
        return false;
    }

    /** A conflict seen for the first time is mailed to the owner, in this same transaction. */
    private void recordConflict(Accommodation accommodation, long blockId, Long dossierId) {
        channels.recordConflict(blockId, dossierId)
                .ifPresent(conflictId -> mails.channelConflict(accommodation.accountId(), conflictId, Instant.now()));
    }

    public FeedStatusView unchanged(long feedId, Instant now) {
        ChannelFeed feed = channels.lockFeed(feedId).orElseThrow();
        Accommodation accommodation = accommodations.find(feed.accountId(), feed.accommodationId()).orElseThrow();
        // a feed that never changes still gets its conflicts retried (the dossier may be cancelled)
        for (KnownBlock block : channels.blocks(feedId)) {
            if (!block.holdsNights() && take(accommodation, block.id(), block.nights(), block.kind())) {
                channels.holdNights(block.id());
            }
        }
        feed.recordUnchanged(now, settings.syncInterval());
        return FeedStatusView.of(feed);
    }

    public FeedStatusView failed(long feedId, FeedProblem.Kind problem, Instant now) {
        ChannelFeed feed = channels.lockFeed(feedId).orElseThrow();
        feed.recordFailure(problem, now, settings.syncInterval());
        return FeedStatusView.of(feed);
    }
}
