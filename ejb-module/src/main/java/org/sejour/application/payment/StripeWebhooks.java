package org.sejour.application.payment;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.domain.model.account.AccountRepository;
import org.sejour.domain.model.payment.StripeAccountRepository;
import org.sejour.domain.model.shared.Money;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stripe's signed word about an owner's payments, the only thing that records money paid
 * through Stripe (the guest's return address settles nothing).
 *
 * <p>One transaction per delivery, in this order: the signature is checked with the owner's
 * signing secret (at most 5 minutes old); the event's id is written down (a second delivery of
 * the same event, at once or later, finds it and changes nothing); the event is applied. An
 * event whose application fails (the database, a lock that timed out) rolls back, id included,
 * and the endpoint answers 503, so that Stripe delivers it again later. An event about something
 * Séjour does not know — a refund of a payment it has not recorded (its own webhook lost, or
 * another shop on the same Stripe account), an attempt of another account — is acknowledged
 * with nothing done ({@link Outcome#IGNORED}, 200): retrying could not change that, and the
 * nightly comparison lists a payment Stripe took that Séjour did not record. Events Séjour does
 * not use are acknowledged and ignored.
 */
@Stateless
public class StripeWebhooks {

    private static final Logger LOG = Logger.getLogger(StripeWebhooks.class.getName());
    private static final Set<String> PAID = Set.of("paid", "no_payment_required");

    @Inject
    AccountRepository accounts;
    @Inject
    StripeAccountRepository stripeAccounts;
    @Inject
    StripeGateway stripe;
    @Inject
    StripeKeys keys;
    @EJB
    OnlinePaymentService payments;
    @EJB
    RefundService refunds;

    /** What became of a delivery; the endpoint answers 200 for all but REFUSED (400) and UNKNOWN_ACCOUNT (404). */
    public enum Outcome { APPLIED, IGNORED, ALREADY_APPLIED, REFUSED, UNKNOWN_ACCOUNT }

    public Outcome receive(int accountNumber, @NotNull String payload, String signature) {
        Optional<Long> accountId = accounts.findByNumber(accountNumber).map(a -> a.id())
                .filter(id -> stripeAccounts.find(id).isPresent());
        if (accountId.isEmpty()) {
            return Outcome.UNKNOWN_ACCOUNT;
        }
        long account = accountId.get();
        StripeGateway.SignedEvent event;
        try {
            event = stripe.verify(payload, signature == null ? "" : signature, keys.webhookSecret(account));
        } catch (StripeGateway.InvalidSignatureException e) {
            LOG.log(Level.WARNING, "Stripe webhook for account {0} refused: {1}", new Object[]{accountNumber, e.getMessage()});
            return Outcome.REFUSED;
        }
        if (!stripeAccounts.firstDelivery(account, event.id(), event.type(), Instant.now())) {
            LOG.log(Level.FINE, "Stripe event {0} of account {1} already applied", new Object[]{event.id(), accountNumber});
            return Outcome.ALREADY_APPLIED;
        }
        boolean applied = apply(account, event);
        LOG.log(Level.INFO, "Stripe event {0} ({1}) of account {2}: {3}",
                new Object[]{event.id(), event.type(), accountNumber, applied ? "applied" : "nothing to do"});
        return applied ? Outcome.APPLIED : Outcome.IGNORED;
    }

    private boolean apply(long account, StripeGateway.SignedEvent event) {
        StripeGateway.EventObject o = event.object();
        switch (event.type()) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> {
                // an asynchronous method (SEPA debit) completes the session unpaid: its success comes later
                if (!o.text("payment_status").filter(PAID::contains).isPresent()) {
                    return false;
                }
                return attempt(o).map(ref -> payments.applyNotification(account, ref, ProviderVerdict.SUCCEEDED,
                        o.text("payment_intent").orElseGet(() -> o.text("id").orElseThrow()),
                        cents(o.number("amount_total").orElseThrow()))).orElse(false);
            }
            case "payment_intent.succeeded" -> {
                return o.text("metadata", StripePaymentProvider.ATTEMPT)
                        .map(ref -> payments.applyNotification(account, ref, ProviderVerdict.SUCCEEDED,
                                o.text("id").orElseThrow(), cents(o.number("amount_received").orElseThrow())))
                        .orElse(false);
            }
            case "checkout.session.async_payment_failed" -> {
                return attempt(o).map(ref -> payments.applyNotification(account, ref, ProviderVerdict.FAILED,
                        o.text("id").orElseThrow(), Money.ZERO)).orElse(false);
            }
            case "checkout.session.expired" -> {
                return attempt(o).map(ref -> payments.applyNotification(account, ref, ProviderVerdict.ABANDONED,
                        o.text("id").orElseThrow(), Money.ZERO)).orElse(false);
            }
            case "payment_intent.payment_failed" -> {
                Optional<String> ref = o.text("metadata", StripePaymentProvider.ATTEMPT);
                ref.ifPresent(r -> payments.notePaymentProblem(account, r, "Stripe: "
                        + o.text("last_payment_error", "message").orElse("payment_failed")));
                return ref.isPresent();
            }
            case "charge.refunded" -> {
                Optional<String> intent = o.text("payment_intent");
                if (intent.isEmpty()) {
                    return false;
                }
                return refunds.refundedInStripe(account, intent.get(), cents(o.number("amount_refunded").orElseThrow()))
                        .isPresent();
            }
            default -> {
                return false;
            }
        }
    }

    private static Optional<String> attempt(StripeGateway.EventObject session) {
        return session.text("client_reference_id").or(() -> session.text("metadata", StripePaymentProvider.ATTEMPT));
    }

    private static Money cents(long cents) {
        return Money.ofCents(cents);
    }
}
