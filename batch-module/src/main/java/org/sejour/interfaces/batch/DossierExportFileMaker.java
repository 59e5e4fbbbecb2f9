package org.sejour.interfaces.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.dossier.DossierExports;

import java.time.Instant;

/**
 * Makes the .xlsx from the staged rows and keeps it for download. Restarted after the file was
 * kept, it finds the export ready and does nothing; before, it makes the same file again.
 */
@Named
@Dependent
public class DossierExportFileMaker extends AbstractBatchlet {

    @EJB
    DossierExports exports;
    @Inject
    @BatchProperty
    String exportId;

    @Override
    public String process() {
        long id = Long.parseLong(exportId);
        if (!exports.isRunning(id)) {
            return "ALREADY_MADE";
        }
        exports.complete(id, exports.render(id), Instant.now());
        return "MADE";
    }
}
