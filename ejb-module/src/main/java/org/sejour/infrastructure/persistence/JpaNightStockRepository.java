package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.sejour.domain.model.catalog.NightStock;
import org.sejour.domain.model.catalog.NightStockRepository;

import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
public class JpaNightStockRepository implements NightStockRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public List<NightStock> lockNights(long accommodationId, LocalDate first, LocalDate last) {
        // locked so that a booking incrementing "sold" meanwhile waits for the new units
        return query(accommodationId, first, last).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public List<NightStock> nights(long accommodationId, LocalDate first, LocalDate last) {
        return query(accommodationId, first, last).getResultList();
    }

    private TypedQuery<NightStock> query(long accommodationId, LocalDate first, LocalDate last) {
        return em.createQuery("select s from NightStock s where s.accommodationId = :accommodationId "
                        + "and s.night between :first and :last order by s.night", NightStock.class)
                .setParameter("accommodationId", accommodationId)
                .setParameter("first", first)
                .setParameter("last", last);
    }

    @Override
    public void add(NightStock stock) {
        em.persist(stock);
    }
}
