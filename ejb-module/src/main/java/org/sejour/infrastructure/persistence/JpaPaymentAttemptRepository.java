package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.payment.PaymentAttempt;
import org.sejour.domain.model.payment.PaymentAttemptRepository;

import java.util.Optional;

@ApplicationScoped
public class JpaPaymentAttemptRepository implements PaymentAttemptRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public PaymentAttempt store(PaymentAttempt attempt) {
        em.persist(attempt);
        em.flush(); // the id and the unique reference are checked now
        return attempt;
    }

    @Override
    public Optional<PaymentAttempt> lockByReference(String reference) {
        return em.createQuery("select a from PaymentAttempt a where a.reference = :reference", PaymentAttempt.class)
                .setParameter("reference", reference)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<PaymentAttempt> findBySession(String provider, String session) {
        return em.createQuery("select a from PaymentAttempt a where a.provider = :provider and a.providerSession = :session",
                        PaymentAttempt.class)
                .setParameter("provider", provider).setParameter("session", session)
                .getResultStream().findFirst();
    }
}
