package org.sejour.domain.model.reminder;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reminders sent, one row per dossier, rule and day (the database refuses a second). */
public interface ReminderRepository {

    /**
     * Ids of the dossiers above {@code afterId}, in id order, that call for {@code rule} on
     * {@code today} and were not reminded under it during its quiet days, each judged by its
     * owner's {@link ReminderSettings} (their policy, the kind on or off), or by {@code override}'s
     * policy when given; only the given owner's when {@code accountId} is given.
     */
    List<Long> candidates(ReminderRule rule, LocalDate today, Optional<ReminderPolicy> override, Long accountId,
                          long afterId, int max);

    Optional<ReminderSettings> findSettings(long accountId);

    ReminderSettings store(ReminderSettings settings);

    boolean remindedSince(long dossierId, ReminderRule rule, LocalDate since);

    /** Takes the day for this dossier and rule; empty when a reminder of that day exists already. */
    Optional<Long> claimDay(long accountId, long dossierId, ReminderRule rule, LocalDate day);

    void attachMail(long reminderId, long mailId);

    /** The rules the reminder mails among these were sent under, by mail id; other mails are not in it. */
    Map<Long, ReminderRule> rulesOfMails(Collection<Long> mailIds);
}
