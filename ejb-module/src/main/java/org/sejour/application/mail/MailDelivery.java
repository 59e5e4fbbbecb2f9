package org.sejour.application.mail;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.sejour.domain.model.mail.DeliveryOutcome;
import org.sejour.domain.model.mail.OutboxMail;
import org.sejour.domain.model.mail.OutboxRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One delivery attempt, in its own transaction. The row is locked (FOR UPDATE SKIP LOCKED)
 * from the claim until the outcome is committed, so no other sender can send it meanwhile;
 * a row another sender holds is skipped, not waited for.
 */
@Stateless
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());

    @Inject
    OutboxRepository outbox;
    @EJB
    MailComposer composer;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> dueIds(Instant now, int max) {
        return outbox.dueIds(now, max);
    }

    /**
     * Tries to send the mail through the sender's SMTP connection; empty when it was not ours
     * to send (already sent, not due, locked).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<DeliveryOutcome> deliver(long mailId, Instant now, Mailer.Connection smtp) {
        Optional<OutboxMail> claimed = outbox.claim(mailId, now);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        OutboxMail mail = claimed.get();
        OutgoingMessage message;
        // the batch's "now" may be old by the time this mail's turn comes: back off from the attempt itself
        Instant at = now.isAfter(Instant.now()) ? now : Instant.now();
        try {
            message = composer.compose(mail);
        } catch (RuntimeException e) {
            // a dossier that cannot be rendered now may be later (a photo restored…): retried with the backoff
            LOG.log(Level.WARNING, "Mail " + mailId + " cannot be composed", e);
            mail.failedTemporarily(at, "cannot be composed: " + e);
            return Optional.of(outcome(mail));
        }
        try {
            smtp.send(message);
            mail.delivered(at);
        } catch (MailDeliveryException e) {
            if (e.permanent()) {
                mail.rejected(at, e.getMessage());
            } else {
                mail.failedTemporarily(at, e.getMessage());
            }
            LOG.log(Level.INFO, "Mail {0} to {1} not delivered (attempt {2}): {3}",
                    new Object[]{mailId, mail.recipient(), mail.attempts(), e.getMessage()});
        }
        return Optional.of(outcome(mail));
    }

    private static DeliveryOutcome outcome(OutboxMail mail) {
        List<org.sejour.domain.model.mail.MailAttempt> history = mail.history();
        return history.get(history.size() - 1).outcome();
    }
}
