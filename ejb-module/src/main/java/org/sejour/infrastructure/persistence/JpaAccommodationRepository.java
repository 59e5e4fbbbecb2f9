package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.AccommodationPhoto;
import org.sejour.domain.model.accommodation.AccommodationRepository;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaAccommodationRepository implements AccommodationRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public Accommodation store(Accommodation accommodation) {
        Accommodation managed = accommodation;
        if (accommodation.id() == null) {
            em.persist(accommodation);
        } else {
            managed = em.merge(accommodation);
        }
        em.flush(); // identity ids (the accommodation's, a new photo's) are known only once written
        return managed;
    }

    @Override
    public Optional<Accommodation> find(long accountId, long accommodationId) {
        return em.createNamedQuery("Accommodation.byIdInAccount", Accommodation.class)
                .setParameter("id", accommodationId)
                .setParameter("accountId", accountId)
                .getResultStream().findFirst();
    }

    @Override
    public List<Accommodation> ofAccount(long accountId) {
        // photos are read in one more query for the whole list (cover thumbnails), not one per row
        return em.createNamedQuery("Accommodation.ofAccount", Accommodation.class)
                .setParameter("accountId", accountId)
                .setHint("eclipselink.batch", "a.photos")
                .setHint("eclipselink.batch.type", "IN")
                .getResultList();
    }

    @Override
    public AccommodationPhoto storePhoto(AccommodationPhoto photo) {
        em.persist(photo);
        em.flush();
        return photo;
    }

    @Override
    public void remove(Accommodation accommodation) {
        em.remove(accommodation);
    }

    @Override
    public Optional<AccommodationPhoto> findPhoto(long accountId, long photoId) {
        return em.createQuery("select p from AccommodationPhoto p where p.id = :id "
                        + "and p.accommodation.account.id = :accountId", AccommodationPhoto.class)
                .setParameter("id", photoId)
                .setParameter("accountId", accountId)
                .getResultStream().findFirst();
    }
}
