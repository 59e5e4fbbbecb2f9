package org.sejour.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.access.Requires;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.account.AccountRepository;
import org.sejour.domain.model.account.ContactDetails;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.NotFoundException;

import java.time.Instant;

/** What an owner changes about their own account. Every method is scoped to that account. */
@Stateless
public class AccountService {

    @Inject
    AccountRepository accounts;

    /** Read on every back-office request (the header): no transaction to begin and commit. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Account account(long accountId) {
        return accounts.find(accountId).orElseThrow(() -> new NotFoundException("account", accountId));
    }

    @Requires(Permission.MANAGE_SETTINGS)
    public Account updateContactDetails(long accountId, @NotNull ContactDetails details) {
        Account account = account(accountId);
        account.updateContactDetails(details);
        return account;
    }

    @Requires(Permission.MANAGE_SETTINGS)
    public Account changeAdvancedSettings(long accountId, int minStayNights, boolean mobileWebApp,
                                          boolean siteSeveralStays) {
        if (minStayNights < 1 || minStayNights > Account.MAX_MIN_STAY_NIGHTS) {
            throw new InvalidInputException("minStayNights", "account.minStay.range");
        }
        Account account = account(accountId);
        account.changeAdvancedSettings(minStayNights, mobileWebApp);
        account.offerSeveralStaysOnSite(siteSeveralStays);
        return account;
    }

    @Requires(Permission.MANAGE_SETTINGS)
    public Account requestProduction(long accountId) {
        Account account = account(accountId);
        account.requestProduction(Instant.now());
        return account;
    }
}
