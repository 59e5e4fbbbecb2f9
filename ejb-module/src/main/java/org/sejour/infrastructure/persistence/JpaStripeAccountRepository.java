package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.payment.StripeAccount;
import org.sejour.domain.model.payment.StripeAccountRepository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class JpaStripeAccountRepository implements StripeAccountRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public Optional<StripeAccount> find(long accountId) {
        return Optional.ofNullable(em.find(StripeAccount.class, accountId));
    }

    @Override
    public StripeAccount store(StripeAccount account) {
        if (em.find(StripeAccount.class, account.accountId()) == null) {
            em.persist(account);
            return account;
        }
        return em.merge(account);
    }

    @Override
    public void remove(long accountId) {
        find(accountId).ifPresent(em::remove);
    }

    @Override
    public boolean firstDelivery(long accountId, String eventId, String type, Instant at) {
        return em.createNativeQuery("insert into stripe_event (account_id, event_id, type, received_at) "
                        + "values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, accountId).setParameter(2, eventId)
                .setParameter(3, type.length() > 100 ? type.substring(0, 100) : type)
                .setParameter(4, Timestamp.from(at)).executeUpdate() == 1;
    }
}
