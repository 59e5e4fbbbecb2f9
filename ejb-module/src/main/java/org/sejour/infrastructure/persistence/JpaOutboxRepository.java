package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.mail.OutboxMail;
import org.sejour.domain.model.mail.OutboxRepository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
    public Optional<OutboxMail> claim(long mailId, Instant now) {
        // SKIP LOCKED: a row another sender holds is not waited for, it is simply not ours
        @SuppressWarnings("unchecked")
        List<Number> locked = em.createNativeQuery("select id from outbox_mail where id = ? and status = 'PENDING' "
                        + "and next_attempt_at <= ? for update skip locked")
                .setParameter(1, mailId).setParameter(2, Timestamp.from(now)).getResultList();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        OutboxMail mail = em.find(OutboxMail.class, mailId);
        // the row lock is ours; a stale cached copy must not hide another sender's commit
        em.refresh(mail);
        return mail.isDue(now) ? Optional.of(mail) : Optional.empty();
    }

    @Override
    public List<OutboxMail> ofDossier(long accountId, long dossierId) {
        return em.createQuery("select m from OutboxMail m where m.accountId = :account and m.dossierId = :dossier "
                        + "order by m.createdAt, m.id", OutboxMail.class)
                .setParameter("account", accountId).setParameter("dossier", dossierId).getResultList();
    }
}
