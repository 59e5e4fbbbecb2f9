package org.sejour.interfaces.batch;

import java.io.Serializable;
import java.util.List;

/**
 * Where an export got to: the sort key of the last dossier read (its sort column(s), then its
 * id), null before the first. The reader reads the search by keyset, so a restarted step reads
 * on from the row after it, whatever was booked or cancelled in between.
 */
public record ExportCheckpoint(List<Serializable> lastKey) implements Serializable {

    private static final long serialVersionUID = 1L;

    static ExportCheckpoint from(Serializable stored) {
        return stored instanceof ExportCheckpoint checkpoint ? checkpoint : new ExportCheckpoint(null);
    }
}
