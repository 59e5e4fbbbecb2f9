package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.sejour.domain.model.catalog.CatalogPromoCode;
import org.sejour.domain.model.catalog.PromoCodeRepository;
import org.sejour.domain.model.catalog.PromoCodeSearch;
import org.sejour.domain.model.pricing.PromoCode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class JpaPromoCodeRepository implements PromoCodeRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public CatalogPromoCode store(CatalogPromoCode code) {
        if (code.id() == null) {
            em.persist(code);
            em.flush(); // the identity id is known only once written
            return code;
        }
        return em.merge(code);
    }

    @Override
    public Optional<CatalogPromoCode> find(long accountId, long promoCodeId) {
        return em.createQuery("select c from CatalogPromoCode c where c.id = :id and c.accountId = :accountId",
                        CatalogPromoCode.class)
                .setParameter("id", promoCodeId)
                .setParameter("accountId", accountId)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<CatalogPromoCode> findByCode(long accountId, String normalisedCode) {
        return em.createQuery("select c from CatalogPromoCode c where c.code = :code and c.accountId = :accountId",
                        CatalogPromoCode.class)
                .setParameter("code", normalisedCode)
                .setParameter("accountId", accountId)
                .getResultStream().findFirst();
    }

    @Override
    public List<CatalogPromoCode> search(long accountId, PromoCodeSearch search) {
        // each filter is a fixed clause switched on by its own flag, so the JPQL never changes shape
        return withCollections(em.createQuery("select c from CatalogPromoCode c where c.accountId = :accountId "
                        + "and (:anyCode = true or c.code like :code) "
                        + "and (:anyLabel = true or lower(c.internalLabel) like :label) "
                        + "and (:anyUsage = true or c.singleUse = :singleUse) "
                        + "and (:anyConsumption = true or (:consumed = true and c.uses > 0) or (:consumed = false and c.uses = 0)) "
                        + "order by c.code", CatalogPromoCode.class)
                .setParameter("accountId", accountId)
                .setParameter("anyCode", search.code().isEmpty())
                .setParameter("code", "%" + escape(search.code().orElse("").toUpperCase(Locale.ROOT)) + "%")
                .setParameter("anyLabel", search.label().isEmpty())
                .setParameter("label", "%" + escape(search.label().orElse("").toLowerCase(Locale.ROOT)) + "%")
                .setParameter("anyUsage", search.usage().isEmpty())
                .setParameter("singleUse", search.usage().map(u -> u == PromoCode.Usage.SINGLE).orElse(false))
                .setParameter("anyConsumption", search.consumed().isEmpty())
                .setParameter("consumed", search.consumed().orElse(false)))
                .getResultList();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public List<CatalogPromoCode> forAccommodation(long accountId, long accommodationId) {
        return withCollections(em.createQuery("select distinct c from CatalogPromoCode c "
                + "left join c.accommodationIds a where c.accountId = :accountId "
                + "and (c.allAccommodations = true or a = :accommodationId) order by c.code", CatalogPromoCode.class)
                .setParameter("accountId", accountId)
                .setParameter("accommodationId", accommodationId)).getResultList();
    }

    @Override
    public List<CatalogPromoCode> ofAccount(long accountId) {
        return withCollections(em.createQuery("select c from CatalogPromoCode c where c.accountId = :accountId "
                + "order by c.code", CatalogPromoCode.class).setParameter("accountId", accountId)).getResultList();
    }

    private static TypedQuery<CatalogPromoCode> withCollections(TypedQuery<CatalogPromoCode> query) {
        return query.setHint(Hints.BATCH, "c.accommodationIds")
                .setHint(Hints.BATCH, "c.stays")
                .setHint(Hints.BATCH_TYPE, Hints.IN);
    }

    @Override
    public void remove(CatalogPromoCode code) {
        em.remove(code);
    }
}
