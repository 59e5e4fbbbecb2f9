package org.sejour.application.payment;

/**
 * A payment service with a hosted payment page: Séjour sends the guest there and the card
 * data stays with the provider. An implementation is a CDI bean; the one used is named by
 * the setting {@code sejour.payment.provider} (docs/payments.md shows how to add one).
 */
public interface PaymentProvider {

    /** The name stored with each attempt and used to choose the provider ("offline", "stripe"). */
    String name();

    /** Opens a payment session for the order and answers where to send the guest. */
    HostedPayment open(PaymentOrder order);

    /**
     * What became of a session, asked of the provider itself: what the guest's return address
     * says is never trusted.
     */
    ProviderVerdict verdict(String session);
}
