package org.sejour.domain.model.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The mail outbox. */
public interface OutboxRepository {

    OutboxMail store(OutboxMail mail);

    /** The ids of pending mails due at {@code now}, oldest due first; reading them locks nothing. */
    List<Long> dueIds(Instant now, int max);

    /**
     * Locks the mail for the rest of the transaction if it is still pending, due and not
     * locked by another sender; empty otherwise (FOR UPDATE SKIP LOCKED).
     */
    Optional<OutboxMail> claim(long mailId, Instant now);

    List<OutboxMail> ofDossier(long accountId, long dossierId);
}
