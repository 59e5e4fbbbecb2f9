package org.sejour.interfaces.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.sejour.application.PhotoHousekeeping;
import org.sejour.infrastructure.storage.PhotoStore.StoredFile;

import java.io.Serializable;
import java.util.List;

/** Reads the photo store's files in a stable order; the checkpoint is the position reached. */
@Named
@Dependent
public class PhotoFileReader extends AbstractItemReader {

    @EJB
    PhotoHousekeeping housekeeping;

    private List<StoredFile> files;
    private int next;

    @Override
    public void open(Serializable checkpoint) {
        files = housekeeping.storedFiles();
        next = checkpoint instanceof Integer position ? position : 0;
    }

    @Override
    public Object readItem() {
        return next < files.size() ? files.get(next++) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
