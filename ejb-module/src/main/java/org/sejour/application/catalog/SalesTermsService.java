package org.sejour.application.catalog;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.domain.model.account.AccountRepository;
import org.sejour.domain.model.catalog.AccountSalesTerms;
import org.sejour.domain.model.catalog.SalesTermsRepository;
import org.sejour.domain.model.shared.NotFoundException;

/** The account's terms of sale; an account that never changed them has the defaults. */
@Stateless
public class SalesTermsService {

    @Inject
    SalesTermsRepository terms;
    @Inject
    AccountRepository accounts;

    /** The stored terms, or the defaults (not written) for an account that has none. */
    public AccountSalesTerms get(long accountId) {
        return terms.find(accountId).orElseGet(() -> {
            accounts.find(accountId).orElseThrow(() -> new NotFoundException("account", accountId));
            return AccountSalesTerms.defaultsFor(accountId);
        });
    }

    public AccountSalesTerms change(long accountId, @NotNull AccountSalesTerms.Settings settings) {
        return terms.find(accountId)
                .map(existing -> {
                    existing.change(settings);
                    return existing;
                })
                .orElseGet(() -> {
                    accounts.find(accountId).orElseThrow(() -> new NotFoundException("account", accountId));
                    return terms.store(new AccountSalesTerms(accountId, settings));
                });
    }
}
