package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.catalog.CatalogRate;
import org.sejour.domain.model.catalog.RateRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaRateRepository implements RateRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public CatalogRate store(CatalogRate rate) {
        if (rate.id() == null) {
            em.persist(rate);
            em.flush(); // the identity id is known only once written
            return rate;
        }
        return em.merge(rate);
    }

    @Override
    public Optional<CatalogRate> find(long accountId, long rateId) {
        return em.createQuery("select r from CatalogRate r where r.id = :id and r.accountId = :accountId",
                        CatalogRate.class)
                .setParameter("id", rateId)
                .setParameter("accountId", accountId)
                .getResultStream().findFirst();
    }

    @Override
    public List<CatalogRate> overlapping(long accountId, long accommodationId, LocalDate first, LocalDate last) {
        return em.createQuery("select distinct r from CatalogRate r join r.periods p "
                        + "where r.accountId = :accountId and r.accommodationId = :accommodationId "
                        + "and p.firstDay <= :last and p.lastDay >= :first order by r.id", CatalogRate.class)
                .setParameter("accountId", accountId)
                .setParameter("accommodationId", accommodationId)
                .setParameter("first", first)
                .setParameter("last", last)
                .setHint(Hints.BATCH, "r.periods")
                .setHint(Hints.BATCH_TYPE, Hints.IN)
                .getResultList();
    }

    @Override
    public List<CatalogRate> ofAccommodation(long accountId, long accommodationId) {
        return em.createQuery("select r from CatalogRate r where r.accountId = :accountId "
                        + "and r.accommodationId = :accommodationId order by r.id", CatalogRate.class)
                .setParameter("accountId", accountId)
                .setParameter("accommodationId", accommodationId)
                .setHint(Hints.BATCH, "r.periods")
                .setHint(Hints.BATCH_TYPE, Hints.IN)
                .getResultList();
    }

    @Override
    public List<CatalogRate> ofAccount(long accountId) {
        return em.createQuery("select r from CatalogRate r where r.accountId = :accountId order by r.id",
                        CatalogRate.class)
                .setParameter("accountId", accountId)
                .setHint(Hints.BATCH, "r.periods")
                .setHint(Hints.BATCH_TYPE, Hints.JOIN)
                .getResultList();
    }

    @Override
    public void remove(CatalogRate rate) {
        em.remove(rate);
    }
}
