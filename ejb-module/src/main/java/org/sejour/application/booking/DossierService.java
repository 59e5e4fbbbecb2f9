package org.sejour.application.booking;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.access.Requires;
import org.sejour.application.catalog.SalesTermsService;
import org.sejour.application.document.InvoiceService;
import org.sejour.application.mail.MailOutbox;
import org.sejour.application.payment.RefundService;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Payment;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.pricing.CancellationPolicy;
import org.sejour.domain.model.pricing.QuoteLine;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.Percentage;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.domain.model.shared.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What happens to a dossier after booking: confirmation, payments, cancellation under the owner's
 * policy (by the owner, or by the guest when the terms allow), expiry. Changes of the booking
 * itself go through {@link BookingService#change}, which moves nights.
 */
@Stateless
public class DossierService {

    private static final Logger LOG = Logger.getLogger(DossierService.class.getName());

    @Inject
    DossierRepository dossiers;
    @EJB
    MailOutbox mails;
    @EJB
    InvoiceService invoices;
    @EJB
    SalesTermsService salesTerms;
    @EJB
    RefundService refunds;

    private static final Set<String> TOURIST_TAX = Set.of(QuoteLine.Kind.TOURIST_TAX.name(),
            QuoteLine.Kind.TOURIST_TAX_SURCHARGE.name());

    public Dossier get(long accountId, long dossierId) {
        return dossiers.find(accountId, dossierId).orElseThrow(() -> new NotFoundException("dossier", dossierId));
    }

    @Requires(Permission.CHANGE_DOSSIERS)
    public Dossier confirm(long accountId, long dossierId, @NotNull String actor) {
        Dossier dossier = get(accountId, dossierId);
        dossier.confirm(Instant.now(), actor);
        return dossier;
    }

    /**
     * What cancelling the dossier today would cost under the owner's cancellation policy, and what
     * would be left to refund: shown to the owner (or the guest) before they confirm. Nothing is
     * written.
     */
    public CancellationTerms cancellationTerms(long accountId, long dossierId) {
        return termsOf(get(accountId, dossierId));
    }

    private CancellationTerms termsOf(Dossier dossier) {
        if (dossier.status() == DossierStatus.CANCELLED) {
            throw new SejourException("dossier.cancelled");
        }
        LocalDate today = BusinessCalendar.today(Clock.systemUTC());
        LocalDate arrival = dossier.stay().arrival();
        CancellationPolicy.Fee fee = salesTerms.get(dossier.accountId()).cancellationPolicy().feeFor(today, arrival,
                dossier.total(), touristTax(dossier), dossier.depositAmount());
        // what the guest paid and was not given back: with payments' totalPaid now gross, a refund
        // made before the cancellation (a gesture) must not be offered a second time
        Money paid = dossier.netReceived();
        return new CancellationTerms(today, Math.max(0, ChronoUnit.DAYS.between(today, arrival)),
                fee.amount().amount(), fee.rule().map(CancellationPolicy.Rule::kind).orElse(null),
                fee.rule().map(CancellationPolicy.Rule::percent).map(Percentage::value).orElse(null),
                fee.rule().map(CancellationPolicy.Rule::minDaysBefore).orElse(null), paid.amount(),
                paid.minus(fee.amount()).max(Money.ZERO).amount());
    }

    private static Money touristTax(Dossier dossier) {
        return dossier.lines().stream().filter(l -> TOURIST_TAX.contains(l.kind())).map(l -> Money.of(l.amount()))
                .reduce(Money.ZERO, Money::plus);
    }

    /**
     * Cancels under the owner's policy: its fee stays as a line, the nights go back to the stock
     * (the channels' feeds follow), the code's use goes back to the code.
     */
    @Requires(Permission.CHANGE_DOSSIERS)
    public Dossier cancel(long accountId, long dossierId, @NotNull String actor, String reason) {
        Dossier dossier = get(accountId, dossierId);
        return cancel(dossier, actor, reason, Money.of(termsOf(dossier).fee()), false).dossier();
    }

    /**
     * Cancels with the fee the owner decided (shown the policy's, they may waive or change it, up
     * to the total): the fee stays as a line, the nights go back to the stock, the code's use to
     * the code, in the same transaction. What the guest paid above the fee is left to refund.
     */
    @Requires(Permission.CHANGE_DOSSIERS)
    public Cancellation cancel(long accountId, long dossierId, @NotNull String actor, String reason,
                               @NotNull Money fee) {
        return cancel(accountId, dossierId, actor, reason, fee, false);
    }

    /**
     * The same; with {@code refund}, what the guest paid above the fee is given back at once
     * ({@link RefundService}: through Stripe for a payment Stripe took, else recorded as refunded
     * by the owner, by hand), each refund with its numbered credit note and mail. All in this
     * transaction: a refund Stripe refuses leaves the dossier as it was, with Stripe's answer.
     */
    @Requires(Permission.CHANGE_DOSSIERS)
    public Cancellation cancel(long accountId, long dossierId, @NotNull String actor, String reason,
                               @NotNull Money fee, boolean refund) {
        Dossier dossier = get(accountId, dossierId);
        if (refund) {
            // under the dossier's lock, as RefundService makes its refunds: a webhook's payment or
            // refund meanwhile is seen, and counted in what is left to refund
            dossier = dossiers.lock(dossier.id()).orElseThrow(() -> new NotFoundException("dossier", dossierId));
        }
        return cancel(dossier, actor, reason, fee, refund);
    }

    private Cancellation cancel(Dossier dossier, String actor, String reason, Money fee, boolean refund) {
        dossier.cancel(Instant.now(), actor, reason, fee, null);
        giveBack(dossier);
        Money toRefund = dossier.amountToRefund();
        List<RefundService.Refund> made = refund && toRefund.isPositive()
                ? refunds.refund(dossier, toRefund, refundReason(dossier, reason), actor) : List.of();
        return new Cancellation(dossier, fee, dossier.amountToRefund(), made);
    }

    /** A refund needs a reason (it is printed on the credit note): the cancellation's, else its dossier. */
    private static String refundReason(Dossier dossier, String reason) {
        return reason == null || reason.isBlank() ? "Annulation du dossier " + dossier.number() : reason.strip();
    }

    /**
     * What the guest would pay to cancel from their booking page, when the owner's terms let them
     * (and the stay has not begun); empty when they may not.
     */
    public Optional<CancellationTerms> guestCancellationTerms(@NotNull String guestToken) {
        return dossiers.findByGuestToken(guestToken).filter(this::guestMayCancel).map(this::termsOf);
    }

    /**
     * The guest cancels from their booking page, under the owner's policy (nothing to decide): the
     * guest and the owner are told by mail. Refused when the owner's terms do not allow it.
     */
    public Cancellation cancelByGuest(@NotNull String guestToken) {
        Dossier dossier = dossiers.findByGuestToken(guestToken)
                .orElseThrow(() -> new NotFoundException("dossier", "token"));
        if (!guestMayCancel(dossier)) {
            throw new SejourException("cancellation.guest.notAllowed");
        }
        // under the dossier's lock: a payment or the owner's change meanwhile is seen
        Dossier locked = dossiers.lock(dossier.id()).orElseThrow();
        // the guest's refund is left to the owner (shown as to refund on the dossier): no money
        // leaves the owner's account on the guest's click alone
        Cancellation done = cancel(locked, "guest", null, Money.of(termsOf(locked).fee()), false);
        mails.guestCancelled(locked, Instant.now());
        return done;
    }

    private boolean guestMayCancel(Dossier dossier) {
        return dossier.status() != DossierStatus.CANCELLED
                && BusinessCalendar.today(Clock.systemUTC()).isBefore(dossier.stay().arrival())
                && salesTerms.get(dossier.accountId()).guestMayCancel();
    }

    private void giveBack(Dossier dossier) {
        dossiers.releaseNights(dossier);
        dossier.promoCodeId().ifPresent(dossiers::givePromoCodeBack);
    }

    /**
     * Records a payment and issues its receipt; an option whose deposit is now paid is
     * confirmed. A provider's repeated notification (same provider reference) changes nothing.
     */
    @Requires(Permission.RECORD_PAYMENTS)
    public Dossier recordPayment(long accountId, long dossierId, @NotNull PaymentKind kind, @NotNull LocalDate paidOn,
                                 @NotNull Money amount, @NotNull String method, String reference,
                                 String providerReference, @NotNull String actor) {
        Dossier dossier = get(accountId, dossierId);
        Instant now = Instant.now();
        Optional<Payment> recorded = dossier.recordPayment(kind, paidOn, amount, method, reference, providerReference,
                now, actor);
        if (recorded.isPresent() && dossier.status() == DossierStatus.OPTION && dossier.isDepositPaid()) {
            dossier.confirm(now, actor);
        }
        recorded.ifPresent(payment -> invoices.issueReceipt(dossier, payment));
        return dossier;
    }

    @Requires(Permission.CHANGE_DOSSIERS)
    public Dossier markSignedContractReceived(long accountId, long dossierId, boolean received, @NotNull String actor) {
        Dossier dossier = get(accountId, dossierId);
        dossier.markSignedContractReceived(received, Instant.now(), actor);
        return dossier;
    }

    @Requires(Permission.CHANGE_DOSSIERS)
    public Dossier allowOnlinePayment(long accountId, long dossierId, boolean allowed, @NotNull String actor) {
        Dossier dossier = get(accountId, dossierId);
        dossier.allowOnlinePayment(allowed, Instant.now(), actor);
        return dossier;
    }

    /**
     * Queues the guest's booking mail again (contract or notification, per the owner's setting)
     * through the outbox, with the request in the dossier's history: both or neither.
     */
    @Requires(Permission.CHANGE_DOSSIERS)
    public Dossier resendGuestMail(long accountId, long dossierId, @NotNull String actor) {
        Dossier dossier = get(accountId, dossierId);
        Instant now = Instant.now();
        dossier.resendGuestMail(now, actor);
        mails.sendGuestMail(accountId, dossierId, now);
        return dossier;
    }

    /** Cancels options past their deadline and frees their nights; returns how many. */
    public int expireOptions(@NotNull Instant now, int max) {
        int expired = 0;
        for (long dossierId : dossiers.expiredOptionIds(now, null, 0, max)) {
            expired += expireOption(dossierId, null, now, now) ? 1 : 0;
        }
        return expired;
    }

    /** For the option-expiry job: options lapsed at {@code asOf}, above {@code afterId}, of one owner when given. */
    public List<Long> expiredOptionIds(@NotNull Instant asOf, Long accountId, long afterId, int max) {
        return dossiers.expiredOptionIds(asOf, accountId, afterId, max);
    }

    /**
     * Whether this option lapsed at {@code asOf} and is {@code accountId}'s (when given), judged
     * under the dossier's lock (held for the rest of the transaction), so a deposit recorded
     * meanwhile saves it.
     */
    public boolean hasLapsed(long dossierId, Long accountId, @NotNull Instant asOf) {
        return lapsedOption(dossierId, accountId, asOf).isPresent();
    }

    /**
     * Cancels the option if it {@link #hasLapsed}, gives its nights and code use back and tells the guest and
     * the owner through the outbox, all in the caller's transaction; false when there was
     * nothing to do (confirmed or cancelled already, another owner's).
     */
    public boolean expireOption(long dossierId, Long accountId, @NotNull Instant asOf, @NotNull Instant at) {
        Optional<Dossier> lapsed = lapsedOption(dossierId, accountId, asOf);
        if (lapsed.isEmpty()) {
            return false;
        }
        Dossier dossier = lapsed.get();
        dossier.cancel(at, "system", "option expired");
        giveBack(dossier);
        mails.optionExpired(dossier, at);
        LOG.log(Level.INFO, "Option {0} of account {1} expired", new Object[]{dossier.number(), dossier.accountId()});
        return true;
    }

    private Optional<Dossier> lapsedOption(long dossierId, Long accountId, Instant asOf) {
        return dossiers.lock(dossierId)
                .filter(d -> accountId == null || d.accountId() == accountId)
                .filter(d -> d.isExpiredOption(asOf));
    }
}
