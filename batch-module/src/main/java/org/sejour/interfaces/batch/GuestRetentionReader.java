package org.sejour.interfaces.batch;

import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.privacy.GuestDataService;

import java.time.LocalDate;
import java.util.List;

/** The dossiers whose guest is past the owner's retention, in id order; checkpoint: the last id read. */
@Named
@Dependent
public class GuestRetentionReader extends DossierPageReader {

    @EJB
    GuestDataService guestData;
    @Inject
    StepContext step;

    private LocalDate today;
    private Long owner;

    @Override
    protected void opened() {
        JobArguments arguments = JobArguments.of(step);
        today = arguments.today();
        owner = arguments.accountId();
    }

    @Override
    protected List<Long> pageAfter(long afterId, int size) {
        return guestData.dueForRetention(owner, today, afterId, size);
    }
}
