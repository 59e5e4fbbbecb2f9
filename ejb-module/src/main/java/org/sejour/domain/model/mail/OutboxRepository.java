package org.sejour.domain.model.mail;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The mail outbox. */
public interface OutboxRepository {

    OutboxMail store(OutboxMail mail);

    /** The ids of pending mails due at {@code now}, oldest due first; reading them locks nothing. */
    List<Long> dueIds(Instant now, int max);

    /**
     * Locks, for the rest of the transaction, those of the mails that are still pending, due and
     * not locked by another sender (FOR UPDATE SKIP LOCKED), and answers them in id order with
     * their attempts; the others are left alone.
     */
    List<OutboxMail> claim(Collection<Long> mailIds, Instant now);

    List<OutboxMail> ofDossier(long accountId, long dossierId);
}
