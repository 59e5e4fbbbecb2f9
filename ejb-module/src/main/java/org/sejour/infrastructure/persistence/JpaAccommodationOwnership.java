package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.catalog.AccommodationOwnership;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

@ApplicationScoped
public class JpaAccommodationOwnership implements AccommodationOwnership {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public Set<Long> ownedAmong(long accountId, Collection<Long> accommodationIds) {
        if (accommodationIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select a.id from Accommodation a where a.account.id = :accountId "
                        + "and a.id in :ids", Long.class)
                .setParameter("accountId", accountId)
                .setParameter("ids", accommodationIds)
                .getResultList());
    }
}
