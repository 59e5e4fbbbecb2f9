package org.sejour.application.job;

import jakarta.ejb.Local;

/**
 * Starts the export jobs an owner asks for from the back office. Implemented in the batch
 * module with {@link JobConsole}, which answers questions about the executions it starts.
 */
@Local
public interface ExportJobs {

    /**
     * Starts the dossier-export job for an export recorded by DossierExports.request or
     * requestMovements; returns the execution id.
     */
    long startDossierExport(long exportId);

    /**
     * {@link #startDossierExport(long)} staging {@code rowsPerChunk} rows per transaction and
     * checkpoint instead of 1,000: for a test that must catch the job between two chunks.
     */
    long startDossierExport(long exportId, int rowsPerChunk);
}
