package org.sejour.interfaces.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.sejour.application.dossier.DossierExports;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Deletes the exports whose time is up, files and staged rows alike; the exit status says how many. */
@Named
@Dependent
public class ExpiredExportRemover extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(ExpiredExportRemover.class.getName());

    @EJB
    DossierExports exports;

    @Override
    public String process() {
        int removed = exports.removeExpired(Instant.now());
        LOG.log(Level.FINE, "Removed {0} expired exports", removed);
        return "REMOVED " + removed;
    }
}
