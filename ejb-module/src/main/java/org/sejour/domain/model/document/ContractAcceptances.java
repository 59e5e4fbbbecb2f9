package org.sejour.domain.model.document;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The contract as offered to a guest online, frozen per version (the PDF and its SHA-256), and the
 * guest's acceptances of it: evidence, written once and never changed (V41).
 */
public interface ContractAcceptances {

    /** A version as the guest was offered it. */
    record Offer(int version, Instant offeredAt, String sha256, byte[] pdf) {
        public Offer {
            Objects.requireNonNull(offeredAt, "offeredAt is required");
            Objects.requireNonNull(sha256, "sha256 is required");
            Objects.requireNonNull(pdf, "pdf is required");
        }
    }

    /** Who accepted which version, with the hash of the document offered, when and from where. */
    record Acceptance(int version, String sha256, Instant acceptedAt, String address, String userAgent,
                      String guestName) implements Serializable {
        public Acceptance {
            Objects.requireNonNull(sha256, "sha256 is required");
            Objects.requireNonNull(acceptedAt, "acceptedAt is required");
            Objects.requireNonNull(address, "address is required");
            Objects.requireNonNull(userAgent, "userAgent is required");
            Objects.requireNonNull(guestName, "guestName is required");
        }
    }

    /** Keeps the offer unless one of that version is kept already; answers the one kept (first wins). */
    Offer offer(long dossierId, Offer offer);

    Optional<Offer> findOffer(long dossierId, int version);

    /**
     * Records an acceptance; false when that version of the dossier was accepted already (the
     * database's unique constraint decides, so two requests at once leave one row).
     */
    boolean accept(long dossierId, Acceptance acceptance);

    Optional<Acceptance> findAcceptance(long dossierId, int version);

    /** The acceptances of one of the account's dossiers, oldest first; none for another owner's. */
    List<Acceptance> acceptances(long accountId, long dossierId);

    /** The PDF a version was offered as, when the dossier is the account's. */
    Optional<byte[]> offeredPdf(long accountId, long dossierId, int version);
}
