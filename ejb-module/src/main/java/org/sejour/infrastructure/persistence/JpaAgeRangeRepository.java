package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.catalog.AgeRangeRepository;
import org.sejour.domain.model.catalog.CatalogAgeRange;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaAgeRangeRepository implements AgeRangeRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public CatalogAgeRange store(CatalogAgeRange range) {
        if (range.id() == null) {
            em.persist(range);
            em.flush(); // the identity id is known only once written
            return range;
        }
        return em.merge(range);
    }

    @Override
    public Optional<CatalogAgeRange> find(long accountId, long ageRangeId) {
        return em.createQuery("select r from CatalogAgeRange r where r.id = :id and r.accountId = :accountId",
                        CatalogAgeRange.class)
                .setParameter("id", ageRangeId)
                .setParameter("accountId", accountId)
                .getResultStream().findFirst();
    }

    @Override
    public List<CatalogAgeRange> ofAccount(long accountId) {
        return em.createQuery("select r from CatalogAgeRange r where r.accountId = :accountId "
                        + "order by r.position, r.minAge desc, r.id", CatalogAgeRange.class)
                .setParameter("accountId", accountId)
                .getResultList();
    }

    @Override
    public void remove(CatalogAgeRange range) {
        em.remove(range);
    }
}
