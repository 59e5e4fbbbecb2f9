package org.sejour.application.mail;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.sejour.domain.model.mail.DeliveryOutcome;
import org.sejour.domain.model.mail.MailAttempt;
import org.sejour.domain.model.mail.OutboxMail;
import org.sejour.domain.model.mail.OutboxRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivery attempts for a few mails at a time, in one transaction: the rows are claimed with
 * one statement, the dossiers and owners they need are read once, and the outcomes are
 * written together at the commit. Every row is locked (FOR UPDATE SKIP LOCKED) from the claim
 * until its outcome is committed, so no other sender can send it meanwhile; a row another
 * sender holds is skipped, not waited for. Each mail's outcome is its own: a refused address or
 * a mail that cannot be rendered is recorded for that mail, and the others go on; a mail that
 * has become moot meanwhile is dropped, not sent.
 */
@Stateless
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());

    @Inject
    OutboxRepository outbox;
    @Inject
    MailComposer composer;
    @Resource
    SessionContext session;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> dueIds(Instant now, int max) {
        return outbox.dueIds(now, max);
    }

    /**
     * Tries to send these mails through the sender's SMTP connection, one after the other;
     * answers the outcome of each mail that was ours to send (not already sent, due, not locked).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<DeliveryOutcome> deliver(List<Long> mailIds, Instant now, Mailer.Connection smtp) {
        List<OutboxMail> claimed = outbox.claim(mailIds, now);
        if (claimed.isEmpty()) {
            return List.of();
        }
        MailComposer.Batch batch = composer.batch(claimed);
        // every message is rendered before any goes out: should rendering doom this transaction,
        // no mail has been sent whose outcome could then not be recorded (it would go out again
        // with every retry of the batch)
        Map<Long, OutgoingMessage> messages = new HashMap<>();
        for (OutboxMail mail : claimed) {
            Optional<String> moot = batch.moot(mail);
            if (moot.isPresent()) {
                mail.dropped(attemptTime(now), moot.get());
                LOG.log(Level.INFO, "Mail {0} of dossier {1} dropped: {2}",
                        new Object[]{mail.id(), mail.dossierId().orElse(null), moot.get()});
            } else {
                compose(mail, batch, now).ifPresent(message -> messages.put(mail.id(), message));
            }
        }
        if (session.getRollbackOnly()) {
            throw new IllegalStateException("rendering mails " + mailIds + " doomed their transaction: none sent");
        }
        List<DeliveryOutcome> outcomes = new ArrayList<>(claimed.size());
        for (OutboxMail mail : claimed) {
            OutgoingMessage message = messages.get(mail.id());
            if (message != null) {
                send(mail, message, now, smtp);
            }
            outcomes.add(outcome(mail));
        }
        return outcomes;
    }

    /** The mail's message; empty, with the failure recorded on the mail, when it cannot be rendered now. */
    private static Optional<OutgoingMessage> compose(OutboxMail mail, MailComposer.Batch batch, Instant now) {
        try {
            return Optional.of(batch.compose(mail));
        } catch (RuntimeException e) {
            // a dossier that cannot be rendered now may be later (a photo restored…): retried with the backoff
            LOG.log(Level.WARNING, "Mail " + mail.id() + " cannot be composed", e);
            mail.failedTemporarily(attemptTime(now), "cannot be composed: " + e);
            return Optional.empty();
        }
    }

    private static void send(OutboxMail mail, OutgoingMessage message, Instant now, Mailer.Connection smtp) {
        Instant at = attemptTime(now);
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
                    new Object[]{mail.id(), mail.recipient(), mail.attempts(), e.getMessage()});
        }
    }

    /** The batch's "now" may be old by the time this mail's turn comes: back off from the attempt itself. */
    private static Instant attemptTime(Instant now) {
        return now.isAfter(Instant.now()) ? now : Instant.now();
    }

    private static DeliveryOutcome outcome(OutboxMail mail) {
        List<MailAttempt> history = mail.history();
        return history.get(history.size() - 1).outcome();
    }
}
