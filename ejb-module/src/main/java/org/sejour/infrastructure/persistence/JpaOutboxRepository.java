package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.mail.OutboxMail;
import org.sejour.domain.model.mail.OutboxRepository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

@ApplicationScoped
public class JpaOutboxRepository implements OutboxRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public OutboxMail store(OutboxMail mail) {
        em.persist(mail);
        em.flush();
        return mail;
    }

    @Override
    public List<Long> dueIds(Instant now, int max) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from outbox_mail where status = 'PENDING' "
                        + "and next_attempt_at <= ? order by next_attempt_at, id limit ?")
                .setParameter(1, Timestamp.from(now)).setParameter(2, max).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    @Override
    public List<OutboxMail> claim(Collection<Long> mailIds, Instant now) {
        if (mailIds.isEmpty()) {
            return List.of();
        }
        // SKIP LOCKED: a row another sender holds is not waited for, it is simply not ours. One
        // statement text whatever the number of ids (an array literal), so the driver reuses it.
        @SuppressWarnings("unchecked")
        List<Number> locked = em.createNativeQuery("select id from outbox_mail where id = any(cast(? as bigint[])) "
                        + "and status = 'PENDING' and next_attempt_at <= ? order by id for update skip locked")
                .setParameter(1, mailIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .setParameter(2, Timestamp.from(now)).getResultList();
        if (locked.isEmpty()) {
            return List.of();
        }
        // the row locks are ours; refreshed, so that a copy read earlier in this transaction
        // cannot hide another sender's commit. The attempts come along: the outcome adds one.
        return em.createQuery("select distinct m from OutboxMail m left join fetch m.history where m.id in :ids "
                        + "order by m.id", OutboxMail.class)
                .setParameter("ids", locked.stream().map(Number::longValue).toList())
                .setHint(Hints.REFRESH, "true")
                .getResultStream().filter(mail -> mail.isDue(now)).toList();
    }

    @Override
    public List<OutboxMail> ofDossier(long accountId, long dossierId) {
        return em.createQuery("select m from OutboxMail m where m.accountId = :account and m.dossierId = :dossier "
                        + "order by m.createdAt, m.id", OutboxMail.class)
                .setParameter("account", accountId).setParameter("dossier", dossierId).getResultList();
    }
}
