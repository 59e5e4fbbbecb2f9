package org.sejour.domain.model.payment;

import java.util.Optional;

public interface StripeAccountRepository {

    Optional<StripeAccount> find(long accountId);

    StripeAccount store(StripeAccount account);

    void remove(long accountId);

    /**
     * Writes down that the event was received, in the caller's transaction; false when it was
     * already (a second delivery waits here for the first one's transaction, then finds it).
     */
    boolean firstDelivery(long accountId, String eventId, String type, java.time.Instant at);
}
