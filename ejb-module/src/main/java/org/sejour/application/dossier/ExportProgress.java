package org.sejour.application.dossier;

import java.time.Instant;

/** How far an export got: rows written of those counted when asked for; ready once its file is made. */
public record ExportProgress(long exportId, boolean ready, int rowsWritten, int rowsTotal, String fileName,
                             Instant expiresAt) {

    /** Percent done, 0 to 100; rows added to the search after the count never push it past 100. */
    public int percent() {
        if (ready) {
            return 100;
        }
        return rowsTotal == 0 ? 0 : Math.min(99, (int) (100L * rowsWritten / rowsTotal));
    }
}
