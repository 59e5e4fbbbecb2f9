package org.sejour.interfaces.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.booking.DossierService;

import java.time.Instant;
import java.util.List;

/**
 * Cancels the lapsed options, frees their nights and queues the mails, in the chunk's
 * transaction: a chunk that fails leaves neither cancellations nor mails, and its restart
 * finds the same options still lapsed.
 */
@Named
@Dependent
public class OptionExpiryWriter extends AbstractItemWriter {

    @EJB
    DossierService dossiers;
    @Inject
    StepContext step;

    @Override
    public void writeItems(List<Object> items) {
        Instant now = Instant.now();
        JobArguments arguments = JobArguments.of(step);
        for (Object item : items) {
            dossiers.expireOption((Long) item, arguments.accountId(), arguments.asOf(), now);
        }
    }
}
