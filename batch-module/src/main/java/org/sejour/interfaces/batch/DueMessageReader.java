package org.sejour.interfaces.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.message.GuestMessages;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The ids of the dossiers with a scheduled message due, in id order, a page at a time;
 * checkpoint: the last id read. The moment they are judged at is fixed when the step opens, so a
 * restart after a crash judges at its own start, and a page read later agrees with the first.
 */
@Named
@Dependent
public class DueMessageReader extends AbstractItemReader {

    private static final int PAGE = 500;

    @EJB
    GuestMessages messages;
    @Inject
    StepContext step;

    private final Deque<Long> page = new ArrayDeque<>();
    private long last;
    private Instant asOf;

    @Override
    public void open(Serializable checkpoint) {
        last = DossierCheckpoint.from(checkpoint).lastDossierId();
        asOf = JobArguments.of(step).asOf();
    }

    @Override
    public Object readItem() {
        if (page.isEmpty()) {
            page.addAll(messages.candidates(asOf, JobArguments.of(step).accountId(), last, PAGE));
        }
        Long next = page.poll();
        if (next != null) {
            last = next;
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return new DossierCheckpoint(last);
    }
}
