package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.sejour.domain.model.message.MessageRule;
import org.sejour.domain.model.message.MessageRuleRepository;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rules as entities; when a message is due, in SQL: the due moment of a rule for a dossier is
 * computed from the dossier's dates as they are at each run, so a changed booking moves the
 * messages not sent yet, and a cancelled one (no longer confirmed) has none.
 */
@ApplicationScoped
public class JpaMessageRuleRepository implements MessageRuleRepository {

    /** The owners' calendar (BusinessCalendar.ZONE): days and times of day are French ones. */
    private static final String ZONE = "'Europe/Paris'";
    private static final String CONFIRMED_AT = "(select min(e.at) from dossier_event e where e.dossier_id = d.id "
            + "and e.action in ('CREATED_CONFIRMED', 'CONFIRMED'))";
    /** when the rule's message is due for the dossier: a day and time of day in the owners' zone */
    private static final String DUE_AT = "case r.event"
            + " when 'BEFORE_ARRIVAL' then ((d.arrival - r.days) + r.send_at) at time zone " + ZONE
            + " when 'ARRIVAL_DAY' then (d.arrival + r.send_at) at time zone " + ZONE
            + " when 'AFTER_DEPARTURE' then ((d.departure + r.days) + r.send_at) at time zone " + ZONE
            // the confirmation itself (0 days), or the days after it at the rule's time of day
            + " when 'BOOKING_CONFIRMED' then case when r.days = 0 then " + CONFIRMED_AT
            + "   else ((cast(" + CONFIRMED_AT + " at time zone " + ZONE + " as date) + r.days) + r.send_at) at time zone "
            + ZONE + " end end";
    /** rules of the dossier's owner switched on whose message is due in [asOf - catch-up, asOf] and not sent */
    private static final String DUE = "from dossier d join message_rule r on r.account_id = d.account_id"
            + " cross join lateral (select " + DUE_AT + " as due_at) x"
            + " where r.enabled and d.status = 'CONFIRMED' and d.guest_email is not null"
            + " and x.due_at <= ?1 and x.due_at > ?2"
            // a message before the arrival is not sent once the guest has arrived
            + " and (r.event <> 'BEFORE_ARRIVAL' or d.arrival >= cast(cast(?1 as timestamptz) at time zone " + ZONE
            + " as date))"
            + " and not exists (select 1 from message_sent s where s.rule_id = r.id and s.dossier_id = d.id)";

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public MessageRule store(MessageRule rule) {
        em.persist(rule);
        return rule;
    }

    @Override
    public void remove(MessageRule rule) {
        em.remove(rule);
    }

    @Override
    public Optional<MessageRule> find(long accountId, long ruleId) {
        return Optional.ofNullable(em.find(MessageRule.class, ruleId)).filter(r -> r.accountId() == accountId);
    }

    @Override
    public List<MessageRule> ofAccount(long accountId) {
        List<MessageRule> rules = em.createQuery("select r from MessageRule r where r.accountId = :account",
                MessageRule.class).setParameter("account", accountId).getResultList();
        return rules.stream().sorted(java.util.Comparator.comparing(MessageRule::event)
                .thenComparing(r -> r.event() == org.sejour.domain.model.message.MessageEvent.BEFORE_ARRIVAL
                        ? -r.days() : r.days())
                .thenComparing(MessageRule::id)).toList();
    }

    @Override
    public List<Long> dossiersWithDueMessages(Instant asOf, Duration catchUp, Long accountId, long afterId, int max) {
        Query query = em.createNativeQuery("select distinct d.id " + DUE + " and d.id > ?3"
                        + (accountId == null ? "" : " and d.account_id = ?4") + " order by d.id limit ?5")
                .setParameter(1, at(asOf)).setParameter(2, at(asOf.minus(catchUp)))
                .setParameter(3, afterId).setParameter(5, max);
        if (accountId != null) {
            query.setParameter(4, accountId);
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = query.getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    @Override
    public List<DueMessage> dueFor(long dossierId, Instant asOf, Duration catchUp) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select r.id, x.due_at " + DUE + " and d.id = ?3 order by r.id")
                .setParameter(1, at(asOf)).setParameter(2, at(asOf.minus(catchUp))).setParameter(3, dossierId)
                .getResultList();
        return rows.stream().map(row -> new DueMessage(((Number) row[0]).longValue(), NativeValues.instant(row[1]))).toList();
    }

    @Override
    public Optional<Long> claim(long accountId, long ruleId, long dossierId, Instant dueAt) {
        // ON CONFLICT DO NOTHING: a concurrent run waits on our row, then finds the pair taken
        List<?> ids = em.createNativeQuery("insert into message_sent (account_id, rule_id, dossier_id, due_at) "
                        + "values (?1, ?2, ?3, ?4) on conflict on constraint message_sent_once do nothing returning id")
                .setParameter(1, accountId).setParameter(2, ruleId).setParameter(3, dossierId)
                .setParameter(4, at(dueAt)).getResultList();
        return ids.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    @Override
    public void attachMail(long sentId, long mailId) {
        em.createNativeQuery("update message_sent set mail_id = ?1 where id = ?2")
                .setParameter(1, mailId).setParameter(2, sentId).executeUpdate();
    }

    @Override
    public Map<Long, MessageRule> rulesOfMails(Collection<Long> mailIds) {
        if (mailIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select mail_id, rule_id from message_sent "
                        + "where mail_id = any(cast(?1 as bigint[]))")
                .setParameter(1, mailIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        Map<Long, MessageRule> rules = new HashMap<>();
        for (Object[] row : rows) {
            MessageRule rule = em.find(MessageRule.class, ((Number) row[1]).longValue());
            if (rule != null) {
                rules.put(((Number) row[0]).longValue(), rule);
            }
        }
        return rules;
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
