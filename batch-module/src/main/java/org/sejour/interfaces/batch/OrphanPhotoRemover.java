package org.sejour.interfaces.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.sejour.application.PhotoHousekeeping;
import org.sejour.infrastructure.storage.PhotoStore.StoredFile;

import java.util.List;

/** Deletes the orphan files; deleting a file already gone is harmless, so a restarted chunk is safe. */
@Named
@Dependent
public class OrphanPhotoRemover extends AbstractItemWriter {

    @EJB
    PhotoHousekeeping housekeeping;

    @Override
    public void writeItems(List<Object> items) {
        items.forEach(item -> housekeeping.remove((StoredFile) item));
    }
}
