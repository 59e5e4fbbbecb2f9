package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.catalog.AccountSalesTerms;
import org.sejour.domain.model.catalog.SalesTermsRepository;

import java.util.Optional;

@ApplicationScoped
public class JpaSalesTermsRepository implements SalesTermsRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public Optional<AccountSalesTerms> find(long accountId) {
        return Optional.ofNullable(em.find(AccountSalesTerms.class, accountId));
    }

    @Override
    public AccountSalesTerms store(AccountSalesTerms terms) {
        if (em.contains(terms)) {
            return terms;
        }
        em.persist(terms);
        return terms;
    }
}
