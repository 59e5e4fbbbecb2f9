package org.sejour.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.infrastructure.storage.PhotoStore;
import org.sejour.infrastructure.storage.PhotoStore.StoredFile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds photo files that no accommodation refers to (left by an upload whose transaction
 * failed, or by a crash between the two) and removes them once they are old enough that no
 * upload can still be on its way to the database.
 */
@Stateless
public class PhotoHousekeeping {

    private static final Logger LOG = Logger.getLogger(PhotoHousekeeping.class.getName());

    @Inject
    PhotoStore photoStore;
    @PersistenceContext(unitName = "sejour")
    EntityManager em;

    public List<StoredFile> storedFiles() {
        return photoStore.list();
    }

    public boolean isOrphan(StoredFile file, Duration minAge, Instant now) {
        if (file.modified().isAfter(now.minus(minAge))) {
            return false;
        }
        Long rows = em.createQuery("select count(p) from AccommodationPhoto p where p.storageKey = :key", Long.class)
                .setParameter("key", file.key()).getSingleResult();
        return rows == 0;
    }

    public void remove(StoredFile file) {
        photoStore.delete(file.accountId(), file.key());
        LOG.log(Level.INFO, "Removed orphan photo file {0} of account {1}", new Object[]{file.key(), file.accountId()});
    }
}
