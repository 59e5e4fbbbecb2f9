package org.sejour.application.payment;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.document.InvoiceService;
import org.sejour.domain.model.account.AccountRepository;
import org.sejour.domain.model.catalog.AccountSalesTerms;
import org.sejour.domain.model.catalog.SalesTermsRepository;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Payment;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.payment.PaymentAttempt;
import org.sejour.domain.model.payment.PaymentAttemptRepository;
import org.sejour.domain.model.payment.PaymentAttemptStatus;
import org.sejour.domain.model.payment.StripeAccountRepository;
import org.sejour.domain.model.pricing.SalesTerms;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A guest pays a dossier online: an attempt is opened and the guest sent to the provider's
 * hosted page; the return (or the provider's notification) settles the attempt once, asking
 * the provider what happened. A paid deposit confirms the option when the owner's terms say so.
 */
@Stateless
public class OnlinePaymentService {

    /** the payment method recorded on the dossier (DossierPage names it) */
    public static final String METHOD = "online";
    static final String ACTOR = "guest";
    private static final Logger LOG = Logger.getLogger(OnlinePaymentService.class.getName());

    @Inject
    DossierRepository dossiers;
    @Inject
    PaymentAttemptRepository attempts;
    @Inject
    AccountRepository accounts;
    @Inject
    SalesTermsRepository salesTerms;
    @EJB
    InvoiceService invoices;
    @Inject
    @Any
    Instance<PaymentProvider> providers;
    @Inject
    StripeAccountRepository stripeAccounts;

    /** What the guest can pay online now: the deposit (what is left of it), then the balance. */
    public record DuePayment(PaymentKind kind, Money amount) {
    }

    /** Where a settled (or still pending) attempt leaves the guest. */
    public record Settlement(String guestToken, PaymentAttemptStatus status) {
    }

    /** The dossier of that guest token; an unknown token is not found, like any other. */
    public Dossier dossierOfGuest(@NotNull String guestToken) {
        return dossiers.findByGuestToken(guestToken).orElseThrow(() -> new NotFoundException("dossier", "guest"));
    }

    /** The guest's view of their dossier, read in one transaction. */
    public GuestDossier guestView(@NotNull String guestToken) {
        Dossier d = dossierOfGuest(guestToken);
        int accountNumber = accounts.find(d.accountId()).map(a -> a.number()).orElse(0);
        String party = d.party().stream().map(p -> p.persons() + " " + p.label())
                .collect(java.util.stream.Collectors.joining(", "));
        return new GuestDossier(d.number(), accountNumber, d.status(), d.origin(), d.accommodation().name(), d.stay(),
                d.guest().displayName(), d.guest().email(), party,
                d.lines().stream().map(l -> new GuestDossier.Line(l.kind(), l.label(), l.quantity(),
                        Money.of(l.amount()))).toList(),
                d.amounts(), salesTerms.find(d.accountId()).map(AccountSalesTerms::depositType)
                        .orElse(SalesTerms.DepositType.ARRHES),
                due(d).map(due -> new GuestDossier.Due(due.kind(), due.amount())),
                invoices.receiptsOf(d.accountId(), d.id()).stream().map(r -> new GuestDossier.Receipt(r.id(),
                        r.printedNumber(), r.issuedOn(), r.amount(), r.refund())).toList());
    }

    /**
     * One receipt or credit note of the guest's dossier, as PDF; a receipt of another dossier is
     * not found, like an unknown token.
     */
    public InvoiceService.ReceiptPdf guestReceipt(@NotNull String guestToken, long invoiceId) {
        Dossier d = dossierOfGuest(guestToken);
        if (invoices.get(d.accountId(), invoiceId).dossierId() != d.id()) {
            throw new NotFoundException("invoice", invoiceId);
        }
        return invoices.pdfOf(d.accountId(), invoiceId);
    }

    /**
     * What the guest can pay online now; nothing when the owner has no way of being paid online
     * (no Stripe account, and the offline demo provider not allowed for the account).
     */
    public Optional<DuePayment> due(@NotNull Dossier dossier) {
        if (dossier.status() == DossierStatus.CANCELLED || !dossier.onlinePaymentAllowed()
                || providerFor(dossier.accountId()).isEmpty()) {
            return Optional.empty();
        }
        // the dossier's next due: the rest of the deposit, then what is left to pay
        return dossier.amounts().nextDue().map(due -> new DuePayment(due.kind(), due.amount()));
    }

    /**
     * Opens an attempt for what is due and answers the provider's page to send the guest to.
     * {@code returnUrl} is where the provider sends the guest back; the attempt's reference is added to it.
     */
    public URI start(@NotNull String guestToken, @NotNull URI returnUrl, @NotNull String description) {
        Dossier dossier = dossierOfGuest(guestToken);
        DuePayment due = due(dossier).orElseThrow(() -> new SejourException("payment.nothingDue"));
        PaymentProvider provider = providerFor(dossier.accountId())
                .orElseThrow(() -> new SejourException("payment.nothingDue"));
        PaymentAttempt attempt = attempts.store(new PaymentAttempt(dossier.accountId(), dossier.id(), due.kind(),
                due.amount(), provider.name(), Instant.now()));
        URI back = URI.create(returnUrl + (returnUrl.getQuery() == null ? "?" : "&") + "attempt="
                + attempt.reference());
        HostedPayment hosted = provider.open(new PaymentOrder(dossier.accountId(), dossier.number(), attempt.reference(), due.amount(), description,
                dossier.guest().email(), dossier.guest().language(), back));
        attempt.openedAs(hosted.session());
        return hosted.paymentPage();
    }

    /**
     * Settles the attempt from the provider's verdict, when the guest comes back. Idempotent: a
     * settled attempt is answered as it is. An offline attempt of an account that no longer
     * accepts demo payments (moved to production since) is not settled: only a real provider's
     * word records money there.
     */
    public Settlement settle(@NotNull String attemptReference) {
        PaymentAttempt attempt = attempts.lockByReference(attemptReference)
                .orElseThrow(() -> new NotFoundException("payment", "attempt"));
        Dossier dossier = dossiers.find(attempt.accountId(), attempt.dossierId())
                .orElseThrow(() -> new NotFoundException("dossier", attempt.dossierId()));
        if (attempt.status() != PaymentAttemptStatus.PENDING || attempt.providerSession().isEmpty()
                || !providerStillServes(attempt)) {
            return new Settlement(dossier.guestToken(), attempt.status());
        }
        String session = attempt.providerSession().get();
        apply(attempt, dossier, named(attempt.provider()).verdict(session), session, attempt.amount());
        return new Settlement(dossier.guestToken(), attempt.status());
    }

    /**
     * Applies what the provider said in a signed notification about one of {@code accountId}'s
     * attempts: {@code providerPayment} is the provider's id of the payment (recorded once per
     * dossier), {@code paid} what it says was taken. Answers true when this settled the attempt;
     * false for an attempt already settled, unknown, or another account's.
     */
    public boolean applyNotification(long accountId, @NotNull String attemptReference, @NotNull ProviderVerdict verdict,
                                     @NotNull String providerPayment, @NotNull Money paid) {
        Optional<PaymentAttempt> found = attempts.lockByReference(attemptReference).filter(a -> a.accountId() == accountId);
        if (found.isEmpty()) {
            return false; // not Séjour's, or another account's
        }
        PaymentAttempt attempt = found.get();
        Dossier dossier = dossiers.find(accountId, attempt.dossierId())
                .orElseThrow(() -> new NotFoundException("dossier", attempt.dossierId()));
        if (attempt.status() != PaymentAttemptStatus.PENDING) {
            return false;
        }
        apply(attempt, dossier, verdict, providerPayment, paid);
        return attempt.status() != PaymentAttemptStatus.PENDING;
    }

    /** A provider said a payment of this attempt failed (the guest may try again): shown on the dossier. */
    public void notePaymentProblem(long accountId, @NotNull String attemptReference, String detail) {
        attempts.lockByReference(attemptReference).filter(a -> a.accountId() == accountId)
                .flatMap(a -> dossiers.find(accountId, a.dossierId()))
                .ifPresent(d -> d.recordPaymentProblem(Instant.now(), ACTOR, detail));
    }

    /**
     * One settlement, whichever way the provider's word came. A payment records the amount the
     * provider took, carries the provider's id of it (which the dossier and the database record
     * once), gets its receipt, and confirms an option whose deposit it completes when the owner's
     * terms say so.
     */
    private void apply(PaymentAttempt attempt, Dossier dossier, ProviderVerdict verdict, String providerPayment,
                       Money paid) {
        Instant now = Instant.now();
        switch (verdict) {
            case SUCCEEDED -> {
                attempt.settle(PaymentAttemptStatus.PAID, now);
                Optional<Payment> recorded = dossier.recordPayment(attempt.kind(),
                        BusinessCalendar.today(Clock.systemUTC()), paid, METHOD, attempt.reference(), providerPayment,
                        now, ACTOR);
                if (recorded.isPresent() && dossier.status() == DossierStatus.OPTION && dossier.isDepositPaid()
                        && confirmsOnDeposit(dossier.accountId())) {
                    dossier.confirm(now, ACTOR);
                }
                recorded.ifPresent(payment -> invoices.issueReceipt(dossier, payment));
                LOG.log(Level.INFO, "Online payment of {0} ({1}) for dossier {2} of account {3}",
                        new Object[]{paid, attempt.provider(), dossier.number(), dossier.accountId()});
            }
            case FAILED -> {
                attempt.settle(PaymentAttemptStatus.FAILED, now);
                dossier.recordPaymentProblem(now, ACTOR, attempt.provider() + ": " + attempt.amount() + " €");
            }
            case ABANDONED -> attempt.settle(PaymentAttemptStatus.ABANDONED, now);
            case PENDING -> {
                // the guest came back before the provider decided: its notification will settle it
            }
        }
    }

    /**
     * Who takes an account's guests' payments online: the owner's own Stripe account; else, for
     * an account in test mode or with the operator's demo switch, the offline demo provider;
     * else nobody, and the guest pays by the means the owner's terms list.
     */
    public Optional<PaymentProvider> providerFor(long accountId) {
        if (stripeAccounts.find(accountId).isPresent()) {
            return Optional.of(named(PaymentProvider.STRIPE));
        }
        boolean demo = accounts.find(accountId).map(a -> a.acceptsDemoPayments()).orElse(false);
        return demo ? Optional.of(named(PaymentProvider.OFFLINE)) : Optional.empty();
    }

    private boolean providerStillServes(PaymentAttempt attempt) {
        return !PaymentProvider.OFFLINE.equals(attempt.provider())
                || accounts.find(attempt.accountId()).map(a -> a.acceptsDemoPayments()).orElse(false);
    }

    private boolean confirmsOnDeposit(long accountId) {
        return salesTerms.find(accountId).orElseGet(() -> AccountSalesTerms.defaultsFor(accountId)).confirmOnDeposit();
    }

    private PaymentProvider named(String name) {
        for (PaymentProvider provider : providers) {
            if (provider.name().equals(name)) {
                return provider;
            }
        }
        throw new IllegalStateException("no payment provider named " + name);
    }
}
