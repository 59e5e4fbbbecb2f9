package org.sejour.interfaces.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.reminder.PaymentReminders;

import java.time.Instant;
import java.util.List;

/**
 * Records each reminder and queues its mail in the chunk's transaction. The database's
 * one-per-dossier-rule-and-day key makes a second run of the day (or a restarted chunk)
 * queue nothing.
 */
@Named
@Dependent
public class ReminderWriter extends AbstractItemWriter {

    @EJB
    PaymentReminders reminders;
    @Inject
    StepContext step;

    @Override
    public void writeItems(List<Object> items) {
        Instant now = Instant.now();
        JobArguments arguments = JobArguments.of(step);
        for (Object item : items) {
            reminders.remind(arguments.rule(), (Long) item, arguments.today(), arguments.policyOverride(),
                    arguments.accountId(), now);
        }
    }
}
