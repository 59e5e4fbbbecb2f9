package org.sejour.interfaces.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.booking.DossierService;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** The ids of options past their deadline, in id order, a page at a time; checkpoint: the last id read. */
@Named
@Dependent
public class ExpiredOptionReader extends AbstractItemReader {

    private static final int PAGE = 500;

    @EJB
    DossierService dossiers;
    @Inject
    StepContext step;

    private final Deque<Long> page = new ArrayDeque<>();
    private long last;
    private Instant at;
    private Long owner;

    @Override
    public void open(Serializable checkpoint) {
        last = DossierCheckpoint.from(checkpoint).lastDossierId();
        JobArguments arguments = JobArguments.of(step);
        at = arguments.asOf();
        owner = arguments.accountId();
    }

    @Override
    public Object readItem() {
        if (page.isEmpty()) {
            page.addAll(dossiers.expiredOptionIds(at, owner, last, PAGE));
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
