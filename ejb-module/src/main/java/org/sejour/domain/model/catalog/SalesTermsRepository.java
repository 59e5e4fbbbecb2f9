package org.sejour.domain.model.catalog;

import java.util.Optional;

public interface SalesTermsRepository {

    Optional<AccountSalesTerms> find(long accountId);

    AccountSalesTerms store(AccountSalesTerms terms);
}
