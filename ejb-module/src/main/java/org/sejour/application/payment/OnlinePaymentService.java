package org.sejour.application.payment;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
    @ConfigProperty(name = "sejour.payment.provider", defaultValue = "offline")
    String providerName;

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
                d.total(), d.depositAmount(), d.depositDue(), d.totalPaid(), d.remainingToPay(),
                due(d).map(due -> new GuestDossier.Due(due.kind(), due.amount())));
    }

    public Optional<DuePayment> due(@NotNull Dossier dossier) {
        if (dossier.status() == DossierStatus.CANCELLED || !dossier.onlinePaymentAllowed()) {
            return Optional.empty();
        }
        if (!dossier.isDepositPaid()) {
            return Optional.of(new DuePayment(PaymentKind.DEPOSIT, dossier.depositAmount().minus(dossier.totalPaid())));
        }
        Money balance = dossier.remainingToPay();
        return balance.isPositive() ? Optional.of(new DuePayment(PaymentKind.BALANCE, balance)) : Optional.empty();
    }

    /**
     * Opens an attempt for what is due and answers the provider's page to send the guest to.
     * {@code returnUrl} is where the provider sends the guest back; the attempt's reference is added to it.
     */
    public URI start(@NotNull String guestToken, @NotNull URI returnUrl, @NotNull String description) {
        Dossier dossier = dossierOfGuest(guestToken);
        DuePayment due = due(dossier).orElseThrow(() -> new SejourException("payment.nothingDue"));
        PaymentProvider provider = provider(providerName);
        PaymentAttempt attempt = attempts.store(new PaymentAttempt(dossier.accountId(), dossier.id(), due.kind(),
                due.amount(), provider.name(), Instant.now()));
        URI back = URI.create(returnUrl + (returnUrl.getQuery() == null ? "?" : "&") + "attempt="
                + attempt.reference());
        HostedPayment hosted = provider.open(new PaymentOrder(attempt.reference(), due.amount(), description,
                dossier.guest().email(), dossier.guest().language(), back));
        attempt.openedAs(hosted.session());
        return hosted.paymentPage();
    }

    /**
     * Settles the attempt from the provider's verdict. Idempotent: a settled attempt is
     * answered as it is, and the payment carries the provider's session as its reference, which
     * the dossier (and the database) record once.
     */
    public Settlement settle(@NotNull String attemptReference) {
        PaymentAttempt attempt = attempts.lockByReference(attemptReference)
                .orElseThrow(() -> new NotFoundException("payment", "attempt"));
        Dossier dossier = dossiers.find(attempt.accountId(), attempt.dossierId())
                .orElseThrow(() -> new NotFoundException("dossier", attempt.dossierId()));
        if (attempt.status() != PaymentAttemptStatus.PENDING || attempt.providerSession().isEmpty()) {
            return new Settlement(dossier.guestToken(), attempt.status());
        }
        String session = attempt.providerSession().get();
        Instant now = Instant.now();
        switch (provider(attempt.provider()).verdict(session)) {
            case SUCCEEDED -> {
                attempt.settle(PaymentAttemptStatus.PAID, now);
                Optional<Payment> recorded = dossier.recordPayment(attempt.kind(),
                        BusinessCalendar.today(Clock.systemUTC()), attempt.amount(), METHOD, attemptReference, session,
                        now, ACTOR);
                if (recorded.isPresent() && dossier.status() == DossierStatus.OPTION && dossier.isDepositPaid()
                        && confirmsOnDeposit(dossier.accountId())) {
                    dossier.confirm(now, ACTOR);
                }
                recorded.ifPresent(payment -> invoices.issueReceipt(dossier, payment));
                LOG.log(Level.INFO, "Online payment of {0} for dossier {1} of account {2}",
                        new Object[]{attempt.amount(), dossier.number(), dossier.accountId()});
            }
            case FAILED -> attempt.settle(PaymentAttemptStatus.FAILED, now);
            case ABANDONED -> attempt.settle(PaymentAttemptStatus.ABANDONED, now);
            case PENDING -> {
                // the guest came back before the provider decided: the notification will settle it
            }
        }
        return new Settlement(dossier.guestToken(), attempt.status());
    }

    private boolean confirmsOnDeposit(long accountId) {
        return salesTerms.find(accountId).orElseGet(() -> AccountSalesTerms.defaultsFor(accountId)).confirmOnDeposit();
    }

    private PaymentProvider provider(String name) {
        for (PaymentProvider provider : providers) {
            if (provider.name().equals(name)) {
                return provider;
            }
        }
        throw new IllegalStateException("no payment provider named " + name);
    }
}
