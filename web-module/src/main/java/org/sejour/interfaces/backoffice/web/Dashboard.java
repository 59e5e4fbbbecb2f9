package org.sejour.interfaces.backoffice.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.AccommodationService;
import org.sejour.application.AccountService;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.account.Account;
import org.sejour.interfaces.security.CurrentUser;

import java.util.List;

/** The owner's home page; the booking figures arrive with the booking engine. */
@Named
@RequestScoped
public class Dashboard {

    @Inject
    CurrentUser currentUser;
    @EJB
    AccountService accounts;
    @EJB
    AccommodationService accommodations;

    private Account account;
    private List<Accommodation> list;

    @PostConstruct
    void load() {
        long accountId = currentUser.accountId();
        account = accounts.account(accountId);
        list = accommodations.list(accountId);
    }

    public void requestProduction() {
        account = accounts.requestProduction(currentUser.accountId());
        Faces.info("dashboard.production.requested");
    }

    public Account getAccount() { return account; }
    public List<Accommodation> getAccommodations() { return list; }
}
