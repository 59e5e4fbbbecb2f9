package org.sejour.application.payment;

/**
 * A payment service with a hosted payment page: Séjour sends the guest there and the card
 * data stays with the provider. An implementation is a CDI bean; which one serves an owner is
 * decided per account by {@link OnlinePaymentService} (docs/payments.md): Stripe when the owner
 * connected their Stripe account, the offline demo provider only for accounts in test mode or
 * with the operator's demo switch, none otherwise.
 */
public interface PaymentProvider {

    /** The offline demo provider's name. */
    String OFFLINE = "offline";
    /** Stripe Checkout, with the owner's own keys. */
    String STRIPE = "stripe";

    /** The name stored with each attempt ("offline", "stripe"). */
    String name();

    /** Opens a payment session for the order and answers where to send the guest. */
    HostedPayment open(PaymentOrder order);

    /**
     * What became of a session, asked of the provider itself when the guest comes back: what the
     * guest's return address says is never trusted. A provider whose word comes only by signed
     * notification (Stripe) answers PENDING here.
     */
    ProviderVerdict verdict(String session);
}
