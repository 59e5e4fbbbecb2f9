package org.sejour.application.reminder;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.mail.MailOutbox;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.mail.OutboxMail;
import org.sejour.domain.model.reminder.ReminderPolicy;
import org.sejour.domain.model.reminder.ReminderRepository;
import org.sejour.domain.model.reminder.ReminderRule;
import org.sejour.domain.model.reminder.ReminderSettings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deposit and balance reminders, for the reminder jobs: which dossiers call for one, and
 * sending one, each owner's guests by the owner's {@link ReminderSettings}. Sending joins the caller's transaction (the job's chunk), so the reminder row,
 * its outbox mail and the chunk's checkpoint commit together.
 */
@Stateless
public class PaymentReminders {

    private static final Logger LOG = Logger.getLogger(PaymentReminders.class.getName());

    @Inject
    ReminderRepository reminders;
    @Inject
    DossierRepository dossiers;
    @EJB
    MailOutbox outbox;

    /**
     * Dossiers above {@code afterId} that call for the rule today, each by its owner's reminder
     * settings (or the {@code override} policy of a run that names one); only that owner's when
     * {@code accountId} is given.
     */
    public List<Long> candidates(@NotNull ReminderRule rule, @NotNull LocalDate today,
                                 @NotNull Optional<ReminderPolicy> override, Long accountId, long afterId, int max) {
        return reminders.candidates(rule, today, override, accountId, afterId, max);
    }

    /**
     * Whether the dossier calls for a reminder under the rule now: it still applies (not paid,
     * not cancelled meanwhile), the guest was not reminded under it during its quiet days, and
     * it is {@code accountId}'s (when given). Locks the dossier for the rest of the transaction.
     */
    public boolean isDue(@NotNull ReminderRule rule, long dossierId, @NotNull LocalDate today,
                         @NotNull Optional<ReminderPolicy> override, Long accountId) {
        return dueDossier(rule, dossierId, today, override, accountId).isPresent();
    }

    /**
     * Reminds the guest of this dossier, which {@link #isDue} locked and read in this transaction
     * (the job's chunk): judged again on that state, not read a second time; true when a mail was queued.
     */
    public boolean remind(@NotNull ReminderRule rule, long dossierId, @NotNull LocalDate today,
                          @NotNull Optional<ReminderPolicy> override, Long accountId, @NotNull Instant at) {
        Optional<Dossier> due = stillDue(dossiers.locked(dossierId), rule, today, override, accountId);
        if (due.isEmpty()) {
            return false;
        }
        Dossier dossier = due.get();
        Optional<Long> reminder = reminders.claimDay(dossier.accountId(), dossierId, rule, today);
        if (reminder.isEmpty()) {
            return false;
        }
        OutboxMail mail = outbox.reminder(dossier, rule.mail(), at)
                .orElseThrow(() -> new IllegalStateException("dossier " + dossierId + " has no guest e-mail"));
        reminders.attachMail(reminder.get(), mail.id());
        LOG.log(Level.FINE, "Reminder {0} for dossier {1}", new Object[]{rule, dossierId});
        return true;
    }

    private Optional<Dossier> dueDossier(ReminderRule rule, long dossierId, LocalDate today,
                                         Optional<ReminderPolicy> override, Long accountId) {
        return stillDue(dossiers.lock(dossierId), rule, today, override, accountId);
    }

    private Optional<Dossier> stillDue(Optional<Dossier> dossier, ReminderRule rule, LocalDate today,
                                       Optional<ReminderPolicy> override, Long accountId) {
        return dossier.filter(d -> accountId == null || d.accountId() == accountId)
                .filter(d -> {
                    ReminderSettings settings = settingsOf(d.accountId());
                    ReminderPolicy policy = override.orElseGet(settings::policy);
                    return settings.reminds(rule) && rule.appliesTo(d, today, policy)
                            && !reminders.remindedSince(d.id(), rule, today.minusDays(rule.quietDays(policy) - 1L));
                });
    }

    private ReminderSettings settingsOf(long accountId) {
        return reminders.findSettings(accountId).orElseGet(() -> ReminderSettings.defaultsFor(accountId));
    }
}
