package org.sejour.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.account.AccountMode;
import org.sejour.domain.model.account.AccountRepository;
import org.sejour.domain.model.account.UserAccount;
import org.sejour.domain.model.account.UserAccountRepository;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.infrastructure.security.PasswordHasher;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What operators do: open owner accounts and move them from test to production. */
@Stateless
public class OperatorService {

    private static final Logger LOG = Logger.getLogger(OperatorService.class.getName());
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AccountRepository accounts;
    @Inject
    UserAccountRepository users;
    @Inject
    PasswordHasher hasher;
    @PersistenceContext(unitName = "sejour")
    EntityManager em;

    /**
     * Opens an account in test mode with a one-time password that the owner must change at
     * the first login.
     */
    public CreatedOwner createOwner(@NotNull String login) {
        return createOwner(login, generatePassword(), true);
    }

    /** Used by the bootstrap for the demo owner, whose password the operator already holds. */
    public CreatedOwner createOwner(@NotNull String login, @NotNull String password, boolean mustChange) {
        if (!AuthenticationService.isValidLogin(login)) {
            throw new InvalidInputException("login", "credentials.login.invalid");
        }
        if (users.findByLogin(login).isPresent()) {
            throw new InvalidInputException("login", "credentials.login.taken");
        }
        Instant now = Instant.now();
        Account account = accounts.store(new Account(accounts.nextAccountNumber(), now));
        UserAccount owner = users.store(UserAccount.owner(account, login, hasher.hash(password), mustChange, now));
        LOG.log(Level.INFO, "Owner account {0} created for user {1}", new Object[]{account.number(), owner.id()});
        return new CreatedOwner(account.id(), account.number(), owner.login(), password);
    }

    public UserAccount createOperator(@NotNull String login, @NotNull String password) {
        if (users.findByLogin(login).isPresent()) {
            throw new InvalidInputException("login", "credentials.login.taken");
        }
        return users.store(UserAccount.operator(login, hasher.hash(password), Instant.now()));
    }

    public List<OwnerSummary> owners() {
        return em.createQuery("select new org.sejour.application.OwnerSummary(a.id, a.number, u.login, "
                        + "concat(coalesce(a.contact.firstName, ''), ' ', coalesce(a.contact.lastName, '')), "
                        + "a.contact.email, a.mode, a.productionRequestedAt, a.demoPayments, "
                        + "(select count(h) from Accommodation h where h.account = a), a.createdAt, u.lastLoginAt) "
                        + "from UserAccount u join u.account a order by a.number", OwnerSummary.class)
                .getResultList();
    }

    public Account switchMode(long accountId, @NotNull AccountMode mode) {
        Account account = accounts.find(accountId).orElseThrow(() -> new NotFoundException("account", accountId));
        account.switchTo(mode);
        LOG.log(Level.INFO, "Account {0} switched to {1}", new Object[]{account.number(), mode});
        return account;
    }

    /**
     * The demo switch: lets an account in production take fake payments through the offline
     * provider (a demonstration account). Off by default; never needed in test mode.
     */
    public Account allowDemoPayments(long accountId, boolean allowed) {
        Account account = accounts.find(accountId).orElseThrow(() -> new NotFoundException("account", accountId));
        account.allowDemoPayments(allowed);
        LOG.log(Level.WARNING, "Demo payments of account {0} turned {1} by the operator",
                new Object[]{account.number(), allowed ? "on" : "off"});
        return account;
    }

    static String generatePassword() {
        StringBuilder password = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
