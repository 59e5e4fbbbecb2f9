package org.sejour.interfaces.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.message.GuestMessages;

import java.time.Instant;
import java.util.List;

/**
 * Records each message sent and queues its mail in the chunk's transaction; the database's
 * one-per-dossier-and-rule key makes a second run (or a restarted chunk) queue nothing.
 */
@Named
@Dependent
public class GuestMessageWriter extends AbstractItemWriter {

    @EJB
    GuestMessages messages;
    @Inject
    StepContext step;

    @Override
    public void writeItems(List<Object> items) {
        Instant now = Instant.now();
        JobArguments arguments = JobArguments.of(step);
        for (Object item : items) {
            messages.send((Long) item, arguments.asOf(), arguments.accountId(), now);
        }
    }
}
