package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.catalog.AccommodationTouristTax;
import org.sejour.domain.model.catalog.TouristTaxRepository;

import java.util.Optional;

@ApplicationScoped
public class JpaTouristTaxRepository implements TouristTaxRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public Optional<AccommodationTouristTax> find(long accommodationId) {
        return Optional.ofNullable(em.find(AccommodationTouristTax.class, accommodationId));
    }

    @Override
    public java.util.List<AccommodationTouristTax> ofAccount(long accountId) {
        return em.createQuery("select t from AccommodationTouristTax t where t.accommodationId in "
                        + "(select a.id from Accommodation a where a.account.id = :accountId)",
                        AccommodationTouristTax.class)
                .setParameter("accountId", accountId).getResultList();
    }

    @Override
    public AccommodationTouristTax store(AccommodationTouristTax tax) {
        if (!em.contains(tax)) {
            em.persist(tax);
        }
        return tax;
    }

    @Override
    public void remove(AccommodationTouristTax tax) {
        em.remove(tax);
    }
}
