package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.account.UserAccount;
import org.sejour.domain.model.account.UserAccountRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaUserAccountRepository implements UserAccountRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public UserAccount store(UserAccount user) {
        if (user.id() == null) {
            em.persist(user);
            em.flush(); // identity ids are known only once the row is written
            return user;
        }
        return em.merge(user);
    }

    @Override
    public Optional<UserAccount> find(long userId) {
        return Optional.ofNullable(em.find(UserAccount.class, userId));
    }

    @Override
    public Optional<UserAccount> findByLogin(String login) {
        return em.createNamedQuery("UserAccount.byLogin", UserAccount.class)
                .setParameter("login", UserAccount.normaliseLogin(login))
                .getResultStream().findFirst();
    }

    @Override
    public void recordLogin(long userId, Instant when) {
        em.createQuery("update UserAccount u set u.lastLoginAt = :when where u.id = :id")
                .setParameter("when", when).setParameter("id", userId).executeUpdate();
    }

    @Override
    public void upgradePasswordHash(long userId, String oldHash, String newHash) {
        em.createQuery("update UserAccount u set u.passwordHash = :newHash where u.id = :id and u.passwordHash = :oldHash")
                .setParameter("newHash", newHash).setParameter("id", userId).setParameter("oldHash", oldHash)
                .executeUpdate();
    }

    @Override
    public List<UserAccount> ownersOf(long accountId) {
        return em.createNamedQuery("UserAccount.byAccount", UserAccount.class)
                .setParameter("accountId", accountId).getResultList();
    }

    @Override
    public void remove(UserAccount user) {
        em.remove(em.contains(user) ? user : em.merge(user));
    }
}
