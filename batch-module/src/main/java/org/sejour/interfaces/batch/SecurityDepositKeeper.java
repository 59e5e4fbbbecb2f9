package org.sejour.interfaces.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.payment.SecurityDeposits;

import java.time.Clock;

/** Places, renews and releases the security deposits held on guests' cards; the exit status counts them. */
@Named
@Dependent
public class SecurityDepositKeeper extends AbstractBatchlet {

    @EJB
    SecurityDeposits deposits;

    @Override
    public String process() {
        SecurityDeposits.Run run = deposits.run(BusinessCalendar.today(Clock.systemUTC()));
        return "PLACED " + run.placed() + " FAILED " + run.failed() + " RELEASED " + run.released() + " RENEWED "
                + run.renewed() + " RENEWAL_REFUSED " + run.renewalsRefused();
    }
}
