package org.sejour.domain.model.payment;

import org.sejour.domain.model.shared.Money;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface PaymentDifferenceRepository {

    /** A payment Séjour recorded as taken by Stripe: its PaymentIntent, amount and dossier. */
    record RecordedPayment(String paymentIntent, Money amount, long dossierId, int dossierNumber) {
    }

    /** The accounts that connected Stripe. */
    List<Long> accountsWithStripe();

    /** The account's Stripe payments recorded since {@code since} (positive, PaymentIntent references). */
    List<RecordedPayment> recordedSince(long accountId, Instant since);

    /** The account's recorded Stripe payment of that PaymentIntent, whenever it was recorded. */
    Optional<RecordedPayment> recorded(long accountId, String paymentIntent);

    /** True when the PaymentIntent is one of the account's security-deposit holds. */
    boolean isHold(long accountId, String paymentIntent);

    /** The dossier and number of one of the account's attempts. */
    Optional<RecordedPayment> attempt(long accountId, String attemptReference);

    /**
     * What a run found about these PaymentIntents replaces what earlier runs found about them;
     * rows about other payments stay.
     */
    void replace(long accountId, Collection<String> examined, List<PaymentDifference> found, Instant at);

    /** The account's open differences, newest payment first. */
    List<PaymentDifference> of(long accountId);
}
