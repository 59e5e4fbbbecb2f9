package org.sejour.application.mail;

import org.sejour.domain.model.mail.MailKind;
import org.sejour.domain.model.mail.OutboxMail;
import org.sejour.domain.model.mail.OutboxStatus;

import java.io.Serializable;
import java.time.Instant;

/** One line of a dossier's mail log, as the owner sees it. */
public record MailLogEntry(long id, MailKind kind, String recipient, OutboxStatus status, int attempts,
                           Instant createdAt, Instant sentAt, Instant nextAttemptAt, String lastError)
        implements Serializable {

    static MailLogEntry of(OutboxMail mail) {
        return new MailLogEntry(mail.id(), mail.kind(), mail.recipient(), mail.status(), mail.attempts(),
                mail.createdAt(), mail.sentAt().orElse(null),
                mail.status() == OutboxStatus.PENDING ? mail.nextAttemptAt() : null, mail.lastError().orElse(null));
    }

    public boolean isFailed() {
        return status == OutboxStatus.FAILED;
    }
}
