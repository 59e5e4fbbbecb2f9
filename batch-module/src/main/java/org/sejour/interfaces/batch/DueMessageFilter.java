package org.sejour.interfaces.batch;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.message.GuestMessages;

/**
 * Keeps the dossiers that still have a message due when their turn comes, and locks them for the
 * chunk: one cancelled or moved since it was read is filtered out (and counted as filtered).
 */
@Named
@Dependent
public class DueMessageFilter implements ItemProcessor {

    @EJB
    GuestMessages messages;
    @Inject
    StepContext step;

    @Override
    public Object processItem(Object item) {
        JobArguments arguments = JobArguments.of(step);
        return messages.due((Long) item, arguments.asOf(), arguments.accountId()).orElse(null);
    }
}
