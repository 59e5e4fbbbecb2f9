package org.sejour.domain.model.payment;

import java.util.Optional;

public interface PaymentAttemptRepository {

    PaymentAttempt store(PaymentAttempt attempt);

    /** The attempt with that reference, locked until the transaction ends: one settlement at a time. */
    Optional<PaymentAttempt> lockByReference(String reference);

    /** The attempt a provider's session belongs to. */
    Optional<PaymentAttempt> findBySession(String provider, String session);
}
