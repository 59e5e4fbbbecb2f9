package org.sejour.interfaces.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.sejour.application.payment.StripeReconciliation;

import java.time.Instant;

/** Compares each owner's Stripe payments of the last days with Séjour's; the exit status says how many differ. */
@Named
@Dependent
public class StripeReconciler extends AbstractBatchlet {

    @EJB
    StripeReconciliation reconciliation;

    @Override
    public String process() {
        return "DIFFERENCES " + reconciliation.reconcileAll(Instant.now());
    }
}
