package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.sejour.domain.model.catalog.CatalogPromotion;
import org.sejour.domain.model.catalog.PromotionRepository;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaPromotionRepository implements PromotionRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public CatalogPromotion store(CatalogPromotion promotion) {
        if (promotion.id() == null) {
            em.persist(promotion);
            em.flush(); // the identity id is known only once written
            return promotion;
        }
        return em.merge(promotion);
    }

    @Override
    public Optional<CatalogPromotion> find(long accountId, long promotionId) {
        return em.createQuery("select p from CatalogPromotion p where p.id = :id and p.accountId = :accountId",
                        CatalogPromotion.class)
                .setParameter("id", promotionId)
                .setParameter("accountId", accountId)
                .getResultStream().findFirst();
    }

    @Override
    public List<CatalogPromotion> ofAccount(long accountId) {
        return withCollections(em.createQuery("select p from CatalogPromotion p where p.accountId = :accountId "
                + "order by p.id", CatalogPromotion.class)
                .setParameter("accountId", accountId)).getResultList();
    }

    @Override
    public List<CatalogPromotion> forAccommodation(long accountId, long accommodationId) {
        // no accommodation rows means all accommodations: the left join yields one null row for those
        return withCollections(em.createQuery("select distinct p from CatalogPromotion p "
                + "left join p.accommodationIds a where p.accountId = :accountId "
                + "and (a is null or a = :accommodationId) order by p.id", CatalogPromotion.class)
                .setParameter("accountId", accountId)
                .setParameter("accommodationId", accommodationId)).getResultList();
    }

    private static TypedQuery<CatalogPromotion> withCollections(TypedQuery<CatalogPromotion> query) {
        return query.setHint(Hints.BATCH, "p.accommodationIds")
                .setHint(Hints.BATCH, "p.stays")
                .setHint(Hints.BATCH_TYPE, Hints.IN);
    }

    @Override
    public void remove(CatalogPromotion promotion) {
        em.remove(promotion);
    }
}
