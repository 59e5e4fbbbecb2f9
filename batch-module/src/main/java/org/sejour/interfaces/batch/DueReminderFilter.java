package org.sejour.interfaces.batch;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.reminder.PaymentReminders;

/**
 * Keeps the dossiers that still call for the reminder when their turn comes, and locks them
 * for the chunk: one paid since it was read is filtered out (and counted as filtered).
 */
@Named
@Dependent
public class DueReminderFilter implements ItemProcessor {

    @EJB
    PaymentReminders reminders;
    @Inject
    StepContext step;

    @Override
    public Object processItem(Object item) {
        JobArguments arguments = JobArguments.of(step);
        return reminders.isDue(arguments.rule(), (Long) item, arguments.today(), arguments.policyOverride(),
                arguments.accountId()) ? item : null;
    }
}
