package org.sejour.application.message;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.mail.MailOutbox;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.mail.OutboxMail;
import org.sejour.domain.model.message.MessageRule;
import org.sejour.domain.model.message.MessageRuleRepository;
import org.sejour.domain.model.message.MessageRuleRepository.DueMessage;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The owners' scheduled messages, for the guest-messages job: which dossiers have one due, and
 * queueing them. Queueing joins the caller's transaction (the job's chunk), so the
 * {@code message_sent} row, its outbox mail and the chunk's checkpoint commit together; the row's
 * key (rule, dossier) refuses a second message whatever runs again.
 * <p>
 * A message is due from its moment until {@link #CATCH_UP} later: a job that did not run for a
 * while (a stopped server) catches up, but a rule created today does not write to every guest of
 * the past, and a booking made after the moment of a rule's message (booked three days before
 * arrival, a rule seven days before) does not get it late.
 */
@Stateless
public class GuestMessages {

    public static final Duration CATCH_UP = Duration.ofDays(2);
    private static final Logger LOG = Logger.getLogger(GuestMessages.class.getName());

    @Inject
    MessageRuleRepository rules;
    @Inject
    DossierRepository dossiers;
    @EJB
    MailOutbox outbox;

    /** Dossiers above {@code afterId} with a message due at {@code asOf}; only that owner's when {@code accountId} is given. */
    public List<Long> candidates(@NotNull Instant asOf, Long accountId, long afterId, int max) {
        return rules.dossiersWithDueMessages(asOf, CATCH_UP, accountId, afterId, max);
    }

    /** A dossier's messages due now, as read under its lock. */
    public record Due(long dossierId, List<DueMessage> messages) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Due {
            messages = List.copyOf(messages);
        }
    }

    /**
     * The messages the dossier still has due now (none once cancelled or moved meanwhile), when it
     * is {@code accountId}'s or no owner is given. Locks the dossier for the rest of the transaction,
     * in which {@link #send} then queues them.
     */
    public Optional<Due> due(long dossierId, @NotNull Instant asOf, Long accountId) {
        return lockedDossier(dossierId, accountId).map(d -> new Due(d.id(), rules.dueFor(d.id(), asOf, CATCH_UP)))
                .filter(due -> !due.messages().isEmpty());
    }

    /**
     * Queues the messages {@link #due} found in this transaction, each once (the dossier is still
     * locked, so they are still due); returns how many were queued.
     */
    public int send(@NotNull Due due, @NotNull Instant at) {
        long dossierId = due.dossierId();
        Dossier dossier = dossiers.locked(dossierId)
                .orElseThrow(() -> new IllegalStateException("dossier " + dossierId + " is not locked here"));
        int queued = 0;
        for (DueMessage message : due.messages()) {
            Optional<MessageRule> rule = rules.find(dossier.accountId(), message.ruleId());
            Optional<Long> sent = rule.flatMap(r -> rules.claim(dossier.accountId(), r.id(), dossierId, message.dueAt()));
            if (sent.isEmpty()) {
                continue;
            }
            OutboxMail mail = outbox.message(dossier, rule.get(), at)
                    .orElseThrow(() -> new IllegalStateException("dossier " + dossierId + " has no guest e-mail"));
            rules.attachMail(sent.get(), mail.id());
            queued++;
            LOG.log(Level.FINE, "Message of rule {0} for dossier {1}", new Object[]{message.ruleId(), dossierId});
        }
        return queued;
    }

    private Optional<Dossier> lockedDossier(long dossierId, Long accountId) {
        return dossiers.lock(dossierId).filter(d -> accountId == null || d.accountId() == accountId);
    }
}
