package org.sejour.interfaces.batch;

import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.booking.DossierService;

import java.time.Instant;
import java.util.List;

/** The ids of options past their deadline, in id order, a page at a time; checkpoint: the last id read. */
@Named
@Dependent
public class ExpiredOptionReader extends DossierPageReader {

    @EJB
    DossierService dossiers;
    @Inject
    StepContext step;

    private Instant at;
    private Long owner;

    @Override
    protected void opened() {
        JobArguments arguments = JobArguments.of(step);
        at = arguments.asOf();
        owner = arguments.accountId();
    }

    @Override
    protected List<Long> pageAfter(long afterId, int size) {
        return dossiers.expiredOptionIds(at, owner, afterId, size);
    }
}
