package org.sejour.domain.model.payment;

import org.sejour.domain.model.shared.Money;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment on which Stripe and Séjour disagree, as the nightly comparison found it: Stripe took
 * money Séjour did not record (a webhook that never came, or a payment made in Stripe's own
 * dashboard), the amounts differ, or Séjour records a payment Stripe does not show as taken.
 */
public record PaymentDifference(String paymentIntent, Kind kind, Optional<Money> stripeAmount,
                                Optional<Money> sejourAmount, Optional<Long> dossierId, Optional<Integer> dossierNumber,
                                Instant createdAt) implements Serializable {

    public enum Kind {
        /** Stripe took a payment of one of Séjour's attempts, and no webhook recorded it */
        MISSED_WEBHOOK,
        /** Stripe took a payment no attempt of Séjour's asked for (made in Stripe itself) */
        OUTSIDE_SEJOUR,
        /** both record the payment, with different amounts */
        AMOUNT_DIFFERS,
        /** Séjour records a payment Stripe does not show as succeeded */
        NOT_AT_STRIPE
    }

    public PaymentDifference {
        Objects.requireNonNull(paymentIntent, "payment intent is required");
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(createdAt, "created at is required");
    }
}
