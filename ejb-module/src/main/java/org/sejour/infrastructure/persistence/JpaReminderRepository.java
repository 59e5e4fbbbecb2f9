package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.sejour.domain.model.reminder.ReminderPolicy;
import org.sejour.domain.model.reminder.ReminderRepository;
import org.sejour.domain.model.reminder.ReminderRule;
import org.sejour.domain.model.reminder.ReminderSettings;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;

/** The same conditions as {@link ReminderRule#appliesTo}, in SQL, so that a run reads only what it sends. */
@ApplicationScoped
public class JpaReminderRepository implements ReminderRepository {

    /** what the guest paid, refunds not deducted: money given back never becomes money due (Dossier#totalPaid) */
    private static final String PAID = "(select coalesce(sum(p.amount), 0) from payment p where p.dossier_id = d.id "
            + "and p.amount > 0)";

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public List<Long> candidates(ReminderRule rule, LocalDate today, Optional<ReminderPolicy> override,
                                 Long accountId, long afterId, int max) {
        // the owner's days (reminder_settings; no row: the defaults), unless the run overrides them
        String notice = override.map(p -> Integer.toString(p.noticeDays()))
                .orElse("coalesce(rs.notice_days, " + ReminderPolicy.DEFAULT.noticeDays() + ")");
        String lateEvery = override.map(p -> Integer.toString(p.lateEveryDays()))
                .orElse("coalesce(rs.late_every_days, " + ReminderPolicy.DEFAULT.lateEveryDays() + ")");
        String quietDays = rule.isLate() ? lateEvery : "(" + notice + " + 1)";
        String switchedOn = "coalesce(rs." + (rule.isDeposit() ? "deposit_reminders" : "balance_reminders") + ", true)";
        String owed = rule.isDeposit()
                ? PAID + " < d.deposit_amount"
                : PAID + " >= d.deposit_amount and " + PAID + " < d.total and d.arrival > ?1";
        String deadline = rule.isDeposit() ? "d.deposit_due" : "d.balance_due";
        String when = rule.isLate()
                ? deadline + " < ?1" + (rule.isDeposit() ? " and d.status = 'CONFIRMED'" : "")
                : deadline + " between ?1 and cast(?1 as date) + " + notice;
        Query query = em.createNativeQuery("select d.id from dossier d "
                        + "left join reminder_settings rs on rs.account_id = d.account_id "
                        + "where d.status <> 'CANCELLED' and " + switchedOn + " "
                        + "and d.guest_email is not null and d.id > ?3 "
                        + (accountId == null ? "" : "and d.account_id = ?6 ")
                        + "and " + owed + " and " + when + " "
                        + "and not exists (select 1 from payment_reminder r where r.dossier_id = d.id "
                        + "  and r.rule = ?4 and r.sent_on > cast(?1 as date) - " + quietDays + ") "
                        + "order by d.id limit ?7")
                .setParameter(1, today)
                .setParameter(3, afterId)
                .setParameter(4, rule.name())
                .setParameter(7, max);
        if (accountId != null) {
            query.setParameter(6, accountId);
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = query.getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    @Override
    public Optional<ReminderSettings> findSettings(long accountId) {
        return Optional.ofNullable(em.find(ReminderSettings.class, accountId));
    }

    @Override
    public ReminderSettings store(ReminderSettings settings) {
        em.persist(settings);
        return settings;
    }

    @Override
    public boolean remindedSince(long dossierId, ReminderRule rule, LocalDate since) {
        return !em.createNativeQuery("select 1 from payment_reminder where dossier_id = ?1 and rule = ?2 "
                        + "and sent_on >= ?3")
                .setParameter(1, dossierId).setParameter(2, rule.name()).setParameter(3, since)
                .getResultList().isEmpty();
    }

    @Override
    public Optional<Long> claimDay(long accountId, long dossierId, ReminderRule rule, LocalDate day) {
        // ON CONFLICT DO NOTHING: a concurrent run waits on our row, then finds the day taken
        List<?> ids = em.createNativeQuery("insert into payment_reminder (account_id, dossier_id, rule, sent_on) "
                        + "values (?1, ?2, ?3, ?4) on conflict on constraint payment_reminder_once_a_day do nothing "
                        + "returning id")
                .setParameter(1, accountId).setParameter(2, dossierId).setParameter(3, rule.name())
                .setParameter(4, day).getResultList();
        return ids.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    @Override
    public void attachMail(long reminderId, long mailId) {
        em.createNativeQuery("update payment_reminder set mail_id = ?1 where id = ?2")
                .setParameter(1, mailId).setParameter(2, reminderId).executeUpdate();
    }

    @Override
    public Map<Long, ReminderRule> rulesOfMails(Collection<Long> mailIds) {
        if (mailIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select mail_id, rule from payment_reminder "
                        + "where mail_id = any(cast(?1 as bigint[]))")
                .setParameter(1, mailIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        Map<Long, ReminderRule> rules = new HashMap<>();
        for (Object[] row : rows) {
            rules.put(((Number) row[0]).longValue(), ReminderRule.valueOf((String) row[1]));
        }
        return rules;
    }
}
