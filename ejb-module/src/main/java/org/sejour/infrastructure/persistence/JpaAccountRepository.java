package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.account.AccountRepository;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public int nextAccountNumber() {
        Number next = (Number) em.createNativeQuery("select nextval('account_number_seq')").getSingleResult();
        return next.intValue();
    }

    @Override
    public Account store(Account account) {
        if (account.id() == null) {
            em.persist(account);
            em.flush(); // identity ids are known only once the row is written
            return account;
        }
        return em.merge(account);
    }

    @Override
    public Optional<Account> find(long accountId) {
        return Optional.ofNullable(em.find(Account.class, accountId));
    }

    @Override
    public List<Account> all() {
        return em.createQuery("select a from Account a order by a.number", Account.class).getResultList();
    }

    @Override
    public Optional<Account> findByNumber(int number) {
        return em.createQuery("select a from Account a where a.number = :number", Account.class)
                .setParameter("number", number).getResultStream().findFirst();
    }
}
