package org.sejour.interfaces.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.privacy.GuestDataService;

import java.util.List;

/**
 * Anonymises each guest read, each in a transaction of its own (the service's): one guest that
 * fails does not keep the others of the chunk. The guest's other old dossiers go with the first;
 * when their turn comes they are no longer due and nothing happens.
 */
@Named
@Dependent
public class GuestRetentionWriter extends AbstractItemWriter {

    @EJB
    GuestDataService guestData;
    @Inject
    StepContext step;

    @Override
    public void writeItems(List<Object> items) {
        JobArguments arguments = JobArguments.of(step);
        for (Object item : items) {
            guestData.eraseIfDue((Long) item, arguments.accountId(), arguments.today());
        }
    }
}
