package org.sejour.interfaces.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.reminder.PaymentReminders;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The ids of the dossiers that call for the step's reminder rule, in id order, a page at a
 * time; checkpoint: the last id read.
 */
@Named
@Dependent
public class DueReminderReader extends AbstractItemReader {

    private static final int PAGE = 500;

    @EJB
    PaymentReminders reminders;
    @Inject
    StepContext step;

    private final Deque<Long> page = new ArrayDeque<>();
    private long last;

    @Override
    public void open(Serializable checkpoint) {
        last = DossierCheckpoint.from(checkpoint).lastDossierId();
    }

    @Override
    public Object readItem() {
        if (page.isEmpty()) {
            JobArguments arguments = JobArguments.of(step);
            page.addAll(reminders.candidates(arguments.rule(), arguments.today(), arguments.policyOverride(),
                    arguments.accountId(), last, PAGE));
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
