package org.sejour.interfaces.batch;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.booking.DossierService;

/**
 * Keeps the options that still lapsed when their turn comes, and locks them for the chunk:
 * one confirmed by a deposit since it was read is filtered out (and counted as filtered).
 */
@Named
@Dependent
public class LapsedOptionFilter implements ItemProcessor {

    @EJB
    DossierService dossiers;
    @Inject
    StepContext step;

    @Override
    public Object processItem(Object item) {
        long dossierId = (Long) item;
        JobArguments arguments = JobArguments.of(step);
        return dossiers.hasLapsed(dossierId, arguments.accountId(), arguments.asOf()) ? item : null;
    }
}
