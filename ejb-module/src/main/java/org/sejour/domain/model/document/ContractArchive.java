package org.sejour.domain.model.document;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The versions of a dossier's contract that a change replaced, each kept as it was issued (the
 * PDF), with when it was issued and when and by whom it was replaced. The current version is the
 * dossier's own, rendered on demand.
 */
public interface ContractArchive {

    /** One version kept, without its PDF. */
    record KeptVersion(int version, Instant issuedAt, Instant replacedAt, String replacedBy) implements Serializable {
    }

    void keep(long dossierId, int version, Instant issuedAt, Instant replacedAt, String replacedBy, byte[] pdf);

    /** The versions kept of one of the account's dossiers, oldest first; none for another owner's. */
    List<KeptVersion> versions(long accountId, long dossierId);

    /** The PDF of a version kept, when the dossier is the account's. */
    Optional<byte[]> pdf(long accountId, long dossierId, int version);
}
