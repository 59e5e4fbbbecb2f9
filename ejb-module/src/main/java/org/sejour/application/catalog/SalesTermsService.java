package org.sejour.application.catalog;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.access.Requires;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.account.AccountRepository;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.catalog.AccountSalesTerms;
import org.sejour.domain.model.catalog.SalesTermsRepository;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.TranslatedText;

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

    @Requires(Permission.MANAGE_SETTINGS)
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

    /**
     * The whole "Modalités de vente" form in one transaction: the terms, the account's minimum
     * stay (kept on the account, where the advanced settings also show it) and the translated
     * terms and conditions.
     */
    @Requires(Permission.MANAGE_SETTINGS)
    public AccountSalesTerms change(long accountId, @NotNull AccountSalesTerms.Settings settings, int minStayNights,
                                    @NotNull TranslatedText conditions) {
        return change(accountId, settings, minStayNights, conditions, null);
    }

    /**
     * The same, with the cancellation policy and whether guests may cancel from their booking
     * page ({@code cancellation} null: left as it is).
     */
    @Requires(Permission.MANAGE_SETTINGS)
    public AccountSalesTerms change(long accountId, @NotNull AccountSalesTerms.Settings settings, int minStayNights,
                                    @NotNull TranslatedText conditions, AccountSalesTerms.Cancellation cancellation) {
        Account account = accounts.find(accountId).orElseThrow(() -> new NotFoundException("account", accountId));
        if (minStayNights < 1 || minStayNights > Account.MAX_MIN_STAY_NIGHTS) {
            throw new InvalidInputException("minStayNights", "salesTerms.minStay.range");
        }
        AccountSalesTerms changed = change(accountId, settings);
        changed.rewriteConditions(conditions);
        if (cancellation != null) {
            changed.changeCancellation(cancellation);
        }
        account.changeAdvancedSettings(minStayNights, account.mobileWebApp());
        return changed;
    }
}
