package org.sejour.interfaces.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.PhotoHousekeeping;
import org.sejour.infrastructure.storage.PhotoStore.StoredFile;

import java.time.Duration;
import java.time.Instant;

/** Keeps only the files that no photo row refers to and that are old enough to remove. */
@Named
@Dependent
public class OrphanPhotoFilter implements ItemProcessor {

    @EJB
    PhotoHousekeeping housekeeping;

    @Inject
    @BatchProperty
    String minAgeHours;

    @Override
    public Object processItem(Object item) {
        StoredFile file = (StoredFile) item;
        Duration minAge = Duration.ofHours(minAgeHours == null || minAgeHours.isBlank() ? 24 : Long.parseLong(minAgeHours));
        return housekeeping.isOrphan(file, minAge, Instant.now()) ? file : null;
    }
}
