package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.sejour.application.dossier.DossierExports;
import org.sejour.application.dossier.ExportProgress;
import org.sejour.application.job.ExportJobs;
import org.sejour.application.job.JobConsole;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.time.Instant;

/**
 * The export a page asked for, followed until its file can be downloaded: the dossier search and
 * the arrivals and departures lists each hold one for as long as their view lives, and show it
 * with WEB-INF/includes/export-state.xhtml.
 */
@Dependent
public class ExportWatch implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @EJB
    DossierExports exports;
    @EJB
    ExportJobs exportJobs;
    @EJB
    JobConsole jobConsole;

    private Long exportId;
    private Long executionId;
    private ExportProgress progress;
    private boolean failed;

    /** Starts the job of an export just recorded for the signed-in owner, and reads where it is. */
    public void start(long recordedExportId) {
        exportId = recordedExportId;
        executionId = exportJobs.startDossierExport(recordedExportId);
        refresh();
    }

    /** Reads how far the export got: once per poll, however often the page shows it. */
    public void refresh() {
        if (exportId == null) {
            return;
        }
        progress = exports.progress(currentUser.accountId(), exportId, Instant.now());
        String status = progress.ready() ? "COMPLETED" : jobConsole.execution(executionId).status();
        failed = "FAILED".equals(status) || "STOPPED".equals(status) || "ABANDONED".equals(status);
    }

    /** The export as far as it got at the last poll; null before any was asked for. */
    public ExportProgress getProgress() {
        return progress;
    }

    /** Whether the export's job ended without making the file (the page then stops waiting). */
    public boolean isFailed() {
        return failed;
    }

    public boolean isRunning() {
        return progress != null && !progress.ready() && !failed;
    }
}
