package org.sejour.infrastructure.persistence;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.account.AccountMode;
import org.sejour.domain.model.account.AccountRepository;
import org.sejour.domain.model.account.AccountState;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;
    @EJB
    AccountStates states;

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
    public boolean lock(long accountId) {
        return !em.createNativeQuery("select id from account where id = ?1 for update")
                .setParameter(1, accountId).getResultList().isEmpty();
    }

    @Override
    public List<Account> all() {
        return em.createQuery("select a from Account a order by a.number", Account.class).getResultList();
    }

    @Override
    public Optional<Account> findByNumber(int accountNumber) {
        return em.createQuery("select a from Account a where a.number = :number", Account.class)
                .setParameter("number", accountNumber).getResultStream().findFirst();
    }

    @Override
    public Optional<AccountState> stateByNumber(int accountNumber) {
        return states.byNumber(accountNumber, this::readState);
    }

    private Optional<AccountState> readState(int accountNumber) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select a.id, a.mode, a.catalog_version, n.version, a.website from account a "
                        + "left join account_nights n on n.account_id = a.id where a.account_number = ?1")
                .setParameter(1, accountNumber).getResultList();
        return rows.stream().findFirst().map(row -> new AccountState(((Number) row[0]).longValue(),
                AccountMode.valueOf((String) row[1]), (UUID) row[2], Optional.ofNullable((UUID) row[3]),
                Optional.ofNullable((String) row[4])));
    }
}
