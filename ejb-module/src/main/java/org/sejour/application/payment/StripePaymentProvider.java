package org.sejour.application.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.sejour.domain.model.payment.StripeAccount;
import org.sejour.domain.model.payment.StripeAccountRepository;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe Checkout on the owner's own account: a hosted page (cards, and SEPA debit or other
 * methods the owner turned on in Stripe), in euros, for the dossier's amount due. The attempt's
 * reference travels as the session's client reference and as metadata of the session and of
 * its PaymentIntent: the signed webhook names the attempt with it ({@link StripeWebhooks}).
 */
@ApplicationScoped
public class StripePaymentProvider implements PaymentProvider {

    /** metadata names, read back from the webhooks */
    static final String ATTEMPT = "attempt";
    static final String DOSSIER = "dossier";

    @Inject
    StripeGateway stripe;
    @Inject
    StripeKeys keys;
    @Inject
    StripeAccountRepository stripeAccounts;

    @Override
    public String name() {
        return STRIPE;
    }

    @Override
    public HostedPayment open(PaymentOrder order) {
        URI back = order.returnUrl();
        URI cancelled = URI.create(back + "&cancelled=1");
        StripeGateway.Checkout checkout = stripe.openCheckout(keys.secretKey(order.accountId()),
                new StripeGateway.CheckoutOrder(order.amount(), order.description(),
                        Optional.ofNullable(order.guestEmail()), order.language(), back, cancelled,
                        order.attemptReference(),
                        Map.of(ATTEMPT, order.attemptReference(), DOSSIER, Integer.toString(order.dossierNumber())),
                        "checkout-" + order.attemptReference(),
                        stripeAccounts.find(order.accountId()).map(StripeAccount::asksHolds).orElse(false)));
        return new HostedPayment(checkout.sessionId(), checkout.url());
    }

    /** Stripe's word comes by signed webhook only; the guest's return settles nothing. */
    @Override
    public ProviderVerdict verdict(String session) {
        return ProviderVerdict.PENDING;
    }
}
