package org.sejour.interfaces.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.dossier.DossierExports;
import org.sejour.application.dossier.DossierQueries;
import org.sejour.application.dossier.DossierQueries.Keyed;
import org.sejour.application.dossier.ExportSearch;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The dossiers of the export's search, in the order the owner sorted them, a page at a time;
 * checkpoint: the sort key of the last one read. An export already made reads nothing.
 */
@Named
@Dependent
public class DossierExportReader extends AbstractItemReader {

    private static final int PAGE = 1000;

    @EJB
    DossierExports exports;
    @EJB
    DossierQueries queries;
    @Inject
    @BatchProperty
    String exportId;

    private final Deque<Keyed> page = new ArrayDeque<>();
    private Optional<ExportSearch> search;
    private List<Serializable> lastKey;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        search = exports.search(Long.parseLong(exportId));
        lastKey = ExportCheckpoint.from(checkpoint).lastKey();
        exhausted = search.isEmpty();
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            ExportSearch s = search.orElseThrow();
            List<Keyed> read = queries.chunk(s.accountId(), s.criteria(), s.sort(), s.ascending(), lastKey, PAGE);
            page.addAll(read);
            exhausted = read.size() < PAGE;
        }
        Keyed next = page.poll();
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
