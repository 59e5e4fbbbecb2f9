package org.sejour.application.payment;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.access.Requires;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.document.InvoiceService;
import org.sejour.application.mail.MailOutbox;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.Payment;
import org.sejour.domain.model.invoice.Invoice;
import org.sejour.domain.model.payment.StripeAccountRepository;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives money back to a guest. A payment taken through Stripe is refunded through Stripe (the
 * guest's card or account is credited); any other payment is recorded as refunded by the owner,
 * by the same means, by hand. Each refund is a negative payment naming the payment it gives
 * back, with its reason; it gets a numbered credit note in the receipts' gapless series and a
 * mail to the guest with the credit note, all in the one transaction.
 *
 * <p>Order of steps: the dossier's row is locked first (two refunds of one dossier, or a refund
 * and Stripe's charge.refunded webhook, wait for each other), the amount is checked against what
 * is left of the payment, Stripe is asked, then the refund, its credit note and its mail are
 * written. Stripe's idempotency key is the payment and what was left of it: the same refund
 * asked twice (a retry after a timeout) is made once at Stripe.
 */
@Stateless
public class RefundService {

    private static final Logger LOG = Logger.getLogger(RefundService.class.getName());
    static final String STRIPE_ACTOR = "stripe";

    @Inject
    DossierRepository dossiers;
    @Inject
    StripeGateway stripe;
    @Inject
    StripeKeys keys;
    @Inject
    StripeAccountRepository stripeAccounts;
    @EJB
    InvoiceService invoices;
    @EJB
    MailOutbox outbox;

    /**
     * A refund made: of which payment, how much, whether through Stripe, and its credit note (none
     * for a test booking). {@code providerGone}: Stripe took the payment but the owner has since
     * disconnected it, so the refund was recorded as made by the owner, by hand.
     */
    public record Refund(long refundedPaymentId, Money amount, boolean throughStripe, boolean providerGone,
                         Optional<Long> creditNoteId) implements Serializable {
    }

    /**
     * A payment of the dossier as the refund form offers it: what is left to give back, and how
     * ({@code providerGone}: taken by Stripe, which is no longer connected: refunded by hand).
     */
    public record Refundable(long paymentId, LocalDate paidOn, String method, Money paid, Money left,
                             boolean throughStripe, boolean providerGone) implements Serializable {
    }

    /** The dossier's payments that still have something to give back, newest first. */
    public List<Refundable> refundable(long accountId, long dossierId) {
        return refundable(dossiers.find(accountId, dossierId).orElseThrow(() -> new NotFoundException("dossier", dossierId)));
    }

    private List<Refundable> refundable(Dossier dossier) {
        boolean stripeConnected = stripeAccounts.find(dossier.accountId()).isPresent();
        return dossier.payments().stream().filter(p -> !p.isRefund() && p.amount().signum() > 0)
                .sorted(Comparator.comparing(Payment::paidOn).thenComparing(Payment::id).reversed())
                .map(p -> new Refundable(p.id(), p.paidOn(), p.method(), Money.of(p.amount()), dossier.refundable(p.id()),
                        throughStripe(p) && stripeConnected, throughStripe(p) && !stripeConnected))
                .filter(r -> r.left().isPositive()).toList();
    }

    /**
     * Refunds {@code amount} of one of the dossier's payments, for {@code reason}. Another
     * owner's dossier or payment is not found.
     */
    @Requires(Permission.RECORD_PAYMENTS)
    public Refund refund(long accountId, long dossierId, long paymentId, @NotNull Money amount, @NotNull String reason,
                         @NotNull String actor) {
        Dossier dossier = locked(accountId, dossierId);
        return refund(dossier, payment(dossier, paymentId), amount, reason, actor);
    }

    /**
     * Refunds {@code amount} over the dossier's payments, the newest first: what a cancellation
     * leaves to give back. Answers the refunds made; the amount must not exceed what the
     * payments leave to refund.
     */
    @Requires(Permission.RECORD_PAYMENTS)
    public List<Refund> refund(long accountId, long dossierId, @NotNull Money amount, @NotNull String reason,
                               @NotNull String actor) {
        return refund(locked(accountId, dossierId), amount, reason, actor);
    }

    /**
     * The same, for a dossier the caller already holds locked in this transaction (a cancellation
     * refunding what the guest paid above the fee): it is not read again, so what the caller
     * changed on it and has not yet written stays.
     */
    @Requires(Permission.RECORD_PAYMENTS)
    public List<Refund> refund(@NotNull Dossier dossier, @NotNull Money amount, @NotNull String reason,
                               @NotNull String actor) {
        List<Refund> made = new ArrayList<>();
        Money left = amount;
        for (Refundable r : refundable(dossier)) {
            if (!left.isPositive()) {
                break;
            }
            Money part = left.min(r.left());
            made.add(refund(dossier, payment(dossier, r.paymentId()), part, reason, actor));
            left = left.minus(part);
        }
        if (left.isPositive()) {
            throw new SejourException("refund.amount.tooMuch", amount.minus(left).amount().toPlainString());
        }
        return made;
    }

    /**
     * Stripe says a payment's charge now has {@code refundedInAll} refunded (charge.refunded): a
     * refund made in Stripe's dashboard is recorded here with its credit note. What Séjour
     * already recorded for that payment is not recorded again, whatever the order events come in.
     */
    public Optional<Refund> refundedInStripe(long accountId, @NotNull String paymentIntent, @NotNull Money refundedInAll) {
        Optional<Long> dossierId = dossiers.dossierOfProviderPayment(accountId, paymentIntent);
        if (dossierId.isEmpty()) {
            LOG.log(Level.WARNING, "Stripe refunded PaymentIntent {0} of account {1}, a payment Séjour has not recorded: "
                    + "nothing recorded", new Object[]{paymentIntent, accountId});
            return Optional.empty();
        }
        Dossier dossier = locked(accountId, dossierId.get());
        Payment paid = dossier.payments().stream()
                .filter(p -> paymentIntent.equals(p.providerReference()) && !p.isRefund())
                .findFirst().orElseThrow(() -> new NotFoundException("payment", paymentIntent));
        Money recorded = Money.of(paid.amount()).minus(dossier.refundable(paid.id()));
        Money missing = refundedInAll.minus(recorded);
        if (!missing.isPositive()) {
            return Optional.empty();
        }
        String reference = paymentIntent + "/refunded/" + refundedInAll.amount().toPlainString();
        return record(dossier, paid, missing, reference, "Stripe", STRIPE_ACTOR, false, false);
    }

    private Refund refund(Dossier dossier, Payment paid, Money amount, String reason, String actor) {
        dossier.requireRefundable(paid.id(), amount, reason);
        // a payment Stripe took, for an owner who has since disconnected Stripe: Séjour has no key to
        // refund it with, so the owner gives it back by other means and Séjour records it, as for a transfer
        boolean gone = throughStripe(paid) && stripeAccounts.find(dossier.accountId()).isEmpty();
        boolean online = throughStripe(paid) && !gone;
        String providerReference = null;
        if (online) {
            Money leftBefore = dossier.refundable(paid.id());
            StripeGateway.RefundDone done = stripe.refund(keys.secretKey(dossier.accountId()), paid.providerReference(),
                    amount, reason.strip(), "refund-" + paid.id() + "-" + leftBefore.amount().movePointRight(2).toBigInteger());
            providerReference = done.id();
        }
        return record(dossier, paid, amount, providerReference, reason, actor, online, gone)
                .orElseThrow(() -> new IllegalStateException("a refund of payment " + paid.id() + " recorded twice"));
    }

    private Optional<Refund> record(Dossier dossier, Payment paid, Money amount, String providerReference, String reason,
                                    String actor, boolean online, boolean providerGone) {
        Instant now = Instant.now();
        LocalDate today = BusinessCalendar.today(Clock.systemUTC());
        Optional<Payment> refund = dossier.recordRefund(paid.id(), today, amount, providerReference, reason, now, actor);
        if (refund.isEmpty()) {
            return Optional.empty();
        }
        Optional<Invoice> creditNote = invoices.issueReceipt(dossier, refund.get());
        creditNote.ifPresent(note -> outbox.refund(dossier, note.id(), now));
        LOG.log(Level.INFO, "Refund of {0} on dossier {1} of account {2} ({3})", new Object[]{amount,
                dossier.number(), dossier.accountId(), online ? "through Stripe" : "recorded"});
        return Optional.of(new Refund(paid.id(), amount, online, providerGone, creditNote.map(Invoice::id)));
    }

    private Dossier locked(long accountId, long dossierId) {
        dossiers.find(accountId, dossierId).orElseThrow(() -> new NotFoundException("dossier", dossierId));
        return dossiers.lock(dossierId).filter(d -> d.accountId() == accountId)
                .orElseThrow(() -> new NotFoundException("dossier", dossierId));
    }

    private static Payment payment(Dossier dossier, long paymentId) {
        return dossier.payments().stream().filter(p -> p.id() == paymentId && !p.isRefund()).findFirst()
                .orElseThrow(() -> new NotFoundException("payment", paymentId));
    }

    /** A payment Stripe took: recorded by a Stripe notification with the PaymentIntent's id. */
    static boolean throughStripe(Payment payment) {
        return OnlinePaymentService.METHOD.equals(payment.method()) && payment.providerReference() != null
                && payment.providerReference().startsWith("pi_");
    }
}
