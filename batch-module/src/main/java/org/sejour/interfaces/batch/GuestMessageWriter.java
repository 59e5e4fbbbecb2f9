package org.sejour.interfaces.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
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

    @Override
    public void writeItems(List<Object> items) {
        Instant now = Instant.now();
        for (Object item : items) {
            messages.send((GuestMessages.Due) item, now);
        }
    }
}
