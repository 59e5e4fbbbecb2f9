package org.sejour.interfaces.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.dossier.DossierExports;
import org.sejour.application.dossier.DossierQueries.Keyed;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The rows of the export, a page at a time: the dossiers of its search in the order the owner
 * sorted them, or the arrivals or departures of its period in the list's order; checkpoint: the
 * sort key of the last one read. An export already made reads nothing.
 */
@Named
@Dependent
public class DossierExportReader extends AbstractItemReader {

    private static final int PAGE = 1000;

    @EJB
    DossierExports exports;
    @Inject
    @BatchProperty
    String exportId;

    private final Deque<Keyed<?>> page = new ArrayDeque<>();
    private List<Serializable> lastKey;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        lastKey = ExportCheckpoint.from(checkpoint).lastKey();
        exhausted = false;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            List<? extends Keyed<?>> read = exports.rowsAfter(Long.parseLong(exportId), lastKey, PAGE);
            page.addAll(read);
            exhausted = read.size() < PAGE;
        }
        Keyed<?> next = page.poll();
        if (next == null) {
            return null;
        }
        lastKey = next.key();
        return next.row();
    }

    @Override
    public Serializable checkpointInfo() {
        return new ExportCheckpoint(lastKey);
    }
}
