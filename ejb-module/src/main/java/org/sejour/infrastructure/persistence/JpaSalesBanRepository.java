package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.catalog.SalesBan;
import org.sejour.domain.model.catalog.SalesBanRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaSalesBanRepository implements SalesBanRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public SalesBan store(SalesBan ban) {
        em.persist(ban);
        em.flush(); // the identity id is known only once written
        return ban;
    }

    @Override
    public Optional<SalesBan> find(long accountId, long banId) {
        return em.createQuery("select b from SalesBan b, Accommodation a where b.id = :id "
                        + "and a.id = b.accommodationId and a.account.id = :accountId", SalesBan.class)
                .setParameter("id", banId)
                .setParameter("accountId", accountId)
                .getResultStream().findFirst();
    }

    @Override
    public List<SalesBan> overlapping(long accountId, long accommodationId, LocalDate first, LocalDate last) {
        return em.createQuery("select b from SalesBan b, Accommodation a where b.accommodationId = :accommodationId "
                        + "and a.id = b.accommodationId and a.account.id = :accountId "
                        + "and b.firstNight <= :last and b.lastNight >= :first order by b.firstNight", SalesBan.class)
                .setParameter("accommodationId", accommodationId)
                .setParameter("accountId", accountId)
                .setParameter("first", first)
                .setParameter("last", last)
                .getResultList();
    }

    @Override
    public void remove(SalesBan ban) {
        em.remove(ban);
    }
}
