package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.AccountService;
import org.sejour.application.SignedInUser;
import org.sejour.domain.model.account.Account;
import org.sejour.interfaces.security.CurrentUser;

/** What the page header shows about the signed-in owner: account number, name and mode. */
@Named
@RequestScoped
public class AccountHeader {

    @Inject
    CurrentUser currentUser;
    @EJB
    AccountService accounts;

    private Account account;

    public Account getAccount() {
        if (account == null && currentUser.isSignedIn()) {
            SignedInUser user = currentUser.get();
            if (user.accountId() != null) {
                account = accounts.account(user.accountId());
            }
        }
        return account;
    }

    /** Phone layout unless the owner switched the mobile web app off in the advanced settings. */
    public boolean isMobileLayout() {
        Account a = getAccount();
        return a == null || a.mobileWebApp();
    }
}
