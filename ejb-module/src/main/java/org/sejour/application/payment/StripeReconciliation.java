package org.sejour.application.payment;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.sejour.domain.model.payment.PaymentDifference;
import org.sejour.domain.model.payment.PaymentDifferenceRepository;
import org.sejour.domain.model.payment.PaymentDifferenceRepository.RecordedPayment;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.SejourException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The nightly comparison of what Stripe took with what Séjour recorded, per owner: Stripe's
 * PaymentIntents of the last days (list API) against the payments recorded through Stripe in
 * those days. A recorded payment whose PaymentIntent is older than the window (a SEPA debit
 * completes days after it was created) is looked up by its id; a security-deposit hold the
 * owner kept part of is Stripe's own record of a caution, not a payment, and is passed over.
 * What differs is kept for the owner's "Paiement en ligne" page: a payment Stripe took that a
 * webhook never recorded, a payment made in Stripe itself, amounts that differ, a payment Séjour
 * records that Stripe does not show as taken. Nothing is corrected by itself: money is the
 * owner's to reconcile. Each owner is compared in a transaction of their own, so that one
 * owner's refused key does not stop the others.
 */
@Stateless
public class StripeReconciliation {

    /** how far back each night looks (a webhook Stripe still retries is at most 3 days late) */
    public static final Duration WINDOW = Duration.ofDays(4);
    private static final Logger LOG = Logger.getLogger(StripeReconciliation.class.getName());

    @Inject
    PaymentDifferenceRepository differences;
    @Inject
    StripeGateway stripe;
    @Inject
    StripeKeys keys;
    @Resource
    SessionContext context;

    /** Compares every owner with Stripe; answers how many differences were found in all. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int reconcileAll(Instant now) {
        StripeReconciliation self = context.getBusinessObject(StripeReconciliation.class);
        int found = 0;
        for (long accountId : differences.accountsWithStripe()) {
            try {
                found += self.reconcile(accountId, now);
            } catch (SejourException e) {
                LOG.log(Level.WARNING, "Stripe reconciliation of account {0} failed: {1}",
                        new Object[]{accountId, e.messageKey()});
            }
        }
        return found;
    }

    /** Compares one owner's last {@link #WINDOW} with Stripe; answers the differences found. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int reconcile(long accountId, Instant now) {
        Instant since = now.minus(WINDOW);
        String key = keys.secretKey(accountId);
        List<StripeGateway.RemotePayment> remote = stripe.paymentsSince(key, since);
        Map<String, RecordedPayment> recorded = new HashMap<>();
        differences.recordedSince(accountId, since).forEach(p -> recorded.put(p.paymentIntent(), p));
        Set<String> examined = new LinkedHashSet<>(recorded.keySet());
        List<PaymentDifference> found = new ArrayList<>();
        for (StripeGateway.RemotePayment r : remote) {
            examined.add(r.paymentIntent());
            if (r.hold().isPresent() || differences.isHold(accountId, r.paymentIntent())) {
                continue; // a caution held (and maybe partly kept): SecurityDeposits' business, not a payment
            }
            boolean taken = "succeeded".equals(r.status());
            Optional<RecordedPayment> mine = Optional.ofNullable(recorded.remove(r.paymentIntent()))
                    .or(() -> differences.recorded(accountId, r.paymentIntent()));
            if (mine.isPresent()) {
                RecordedPayment p = mine.get();
                if (!taken) {
                    found.add(difference(r.paymentIntent(), PaymentDifference.Kind.NOT_AT_STRIPE, null, p, r.created()));
                } else if (!p.amount().equals(r.amount())) {
                    found.add(difference(r.paymentIntent(), PaymentDifference.Kind.AMOUNT_DIFFERS, r.amount(), p, r.created()));
                }
            } else if (taken) {
                Optional<RecordedPayment> attempt = r.attempt().flatMap(a -> differences.attempt(accountId, a));
                found.add(difference(r.paymentIntent(), attempt.isPresent() ? PaymentDifference.Kind.MISSED_WEBHOOK
                        : PaymentDifference.Kind.OUTSIDE_SEJOUR, r.amount(), attempt.orElse(null), r.created()));
            }
        }
        // recorded in those days, and not among the PaymentIntents created in them: asked for by id
        for (RecordedPayment p : recorded.values()) {
            Optional<StripeGateway.RemotePayment> r = stripe.payment(key, p.paymentIntent());
            if (r.isEmpty() || !"succeeded".equals(r.get().status())) {
                found.add(difference(p.paymentIntent(), PaymentDifference.Kind.NOT_AT_STRIPE, null, p,
                        r.map(StripeGateway.RemotePayment::created).orElse(now)));
            } else if (!p.amount().equals(r.get().amount())) {
                found.add(difference(p.paymentIntent(), PaymentDifference.Kind.AMOUNT_DIFFERS, r.get().amount(), p,
                        r.get().created()));
            }
        }
        differences.replace(accountId, examined, found, now);
        LOG.log(Level.INFO, "Stripe reconciliation of account {0}: {1} payments compared, {2} differences",
                new Object[]{accountId, examined.size(), found.size()});
        return found.size();
    }

    /** The owner's open differences, for their page. */
    public List<PaymentDifference> differencesOf(long accountId) {
        return differences.of(accountId);
    }

    private static PaymentDifference difference(String intent, PaymentDifference.Kind kind, Money stripeAmount,
                                                RecordedPayment mine, Instant created) {
        boolean payment = mine != null && kind != PaymentDifference.Kind.MISSED_WEBHOOK;
        return new PaymentDifference(intent, kind, Optional.ofNullable(stripeAmount),
                payment ? Optional.of(mine.amount()) : Optional.empty(),
                Optional.ofNullable(mine).map(RecordedPayment::dossierId),
                Optional.ofNullable(mine).map(RecordedPayment::dossierNumber), created);
    }
}
