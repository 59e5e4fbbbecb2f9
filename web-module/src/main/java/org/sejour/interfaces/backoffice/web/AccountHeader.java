package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.AccountService;
import org.sejour.application.SignedInUser;
import org.sejour.application.dashboard.NewBookings;
import org.sejour.domain.model.account.Account;
import org.sejour.interfaces.security.CurrentUser;

/** What the page header shows about the signed-in owner: account number, name, mode and new bookings. */
@Named
@RequestScoped
public class AccountHeader {

    @Inject
    CurrentUser currentUser;
    @EJB
    AccountService accounts;
    @EJB
    NewBookings newBookings;

    private Account account;
    private Long newBookingCount;

    public Account getAccount() {
        if (account == null && currentUser.isSignedIn()) {
            SignedInUser user = currentUser.get();
            if (user.accountId() != null) {
                account = accounts.account(user.accountId());
            }
        }
        return account;
    }

    /** Dossiers created since the owner last opened the list of new bookings (the header badge). */
    public long getNewBookings() {
        if (newBookingCount == null) {
            newBookingCount = getAccount() == null ? 0L
                    : newBookings.count(getAccount().id(), currentUser.get().userId());
        }
        return newBookingCount;
    }

    /** Phone layout unless the owner switched the mobile web app off in the advanced settings. */
    public boolean isMobileLayout() {
        Account a = getAccount();
        return a == null || a.mobileWebApp();
    }
}
