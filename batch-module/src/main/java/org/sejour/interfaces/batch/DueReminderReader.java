package org.sejour.interfaces.batch;

import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.reminder.PaymentReminders;

import java.util.List;

/**
 * The ids of the dossiers that call for the step's reminder rule, in id order, a page at a
 * time; checkpoint: the last id read.
 */
@Named
@Dependent
public class DueReminderReader extends DossierPageReader {

    @EJB
    PaymentReminders reminders;
    @Inject
    StepContext step;

    @Override
    protected List<Long> pageAfter(long afterId, int size) {
        JobArguments arguments = JobArguments.of(step);
        return reminders.candidates(arguments.rule(), arguments.today(), arguments.policyOverride(),
                arguments.accountId(), afterId, size);
    }
}
