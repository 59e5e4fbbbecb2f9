package org.sejour.interfaces.batch;

import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.message.GuestMessages;

import java.time.Instant;
import java.util.List;

/**
 * The ids of the dossiers with a scheduled message due, in id order, a page at a time;
 * checkpoint: the last id read. The moment they are judged at is fixed when the step opens, so a
 * restart after a crash judges at its own start, and a page read later agrees with the first.
 */
@Named
@Dependent
public class DueMessageReader extends DossierPageReader {

    @EJB
    GuestMessages messages;
    @Inject
    StepContext step;

    private Instant asOf;

    @Override
    protected void opened() {
        asOf = JobArguments.of(step).asOf();
    }

    @Override
    protected List<Long> pageAfter(long afterId, int size) {
        return messages.candidates(asOf, JobArguments.of(step).accountId(), afterId, size);
    }
}
