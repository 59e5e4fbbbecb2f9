package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.sejour.domain.model.catalog.CatalogSupplement;
import org.sejour.domain.model.catalog.SupplementRepository;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaSupplementRepository implements SupplementRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public CatalogSupplement store(CatalogSupplement supplement) {
        if (supplement.id() == null) {
            em.persist(supplement);
            em.flush(); // the identity id is known only once written
            return supplement;
        }
        return em.merge(supplement);
    }

    @Override
    public Optional<CatalogSupplement> find(long accountId, long supplementId) {
        return em.createQuery("select s from CatalogSupplement s where s.id = :id and s.accountId = :accountId",
                        CatalogSupplement.class)
                .setParameter("id", supplementId)
                .setParameter("accountId", accountId)
                .getResultStream().findFirst();
    }

    @Override
    public List<CatalogSupplement> ofAccount(long accountId) {
        return withCollections(em.createQuery("select s from CatalogSupplement s where s.accountId = :accountId "
                + "order by s.position, s.id", CatalogSupplement.class)
                .setParameter("accountId", accountId)).getResultList();
    }

    @Override
    public List<CatalogSupplement> forAccommodation(long accountId, long accommodationId) {
        return withCollections(em.createQuery("select distinct s from CatalogSupplement s "
                + "left join s.accommodationIds a where s.accountId = :accountId "
                + "and (s.allAccommodations = true or a = :accommodationId) order by s.position, s.id",
                CatalogSupplement.class)
                .setParameter("accountId", accountId)
                .setParameter("accommodationId", accommodationId)).getResultList();
    }

    private static TypedQuery<CatalogSupplement> withCollections(TypedQuery<CatalogSupplement> query) {
        return query.setHint(Hints.BATCH, "s.texts")
                .setHint(Hints.BATCH, "s.periods")
                .setHint(Hints.BATCH, "s.accommodationIds")
                .setHint(Hints.BATCH_TYPE, Hints.IN);
    }

    @Override
    public void remove(CatalogSupplement supplement) {
        em.remove(supplement);
    }
}
