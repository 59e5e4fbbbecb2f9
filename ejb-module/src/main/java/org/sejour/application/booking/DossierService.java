package org.sejour.application.booking;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.document.InvoiceService;
import org.sejour.application.mail.MailOutbox;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Payment;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What happens to a dossier after booking: confirmation, payments, cancellation, expiry. */
@Stateless
public class DossierService {

    private static final Logger LOG = Logger.getLogger(DossierService.class.getName());

    @Inject
    DossierRepository dossiers;
    @EJB
    MailOutbox mails;
    @EJB
    InvoiceService invoices;

    public Dossier get(long accountId, long dossierId) {
        return dossiers.find(accountId, dossierId).orElseThrow(() -> new NotFoundException("dossier", dossierId));
    }

    public Dossier confirm(long accountId, long dossierId, @NotNull String actor) {
        Dossier dossier = get(accountId, dossierId);
        dossier.confirm(Instant.now(), actor);
        return dossier;
    }

    /**
     * Cancels and gives the nights back to the stock, and the use of its promo code back to the
     * code (a single-use code is new again: the stay it paid for never happened), in the same
     * transaction.
     */
    public Dossier cancel(long accountId, long dossierId, @NotNull String actor, String reason) {
        Dossier dossier = get(accountId, dossierId);
        dossier.cancel(Instant.now(), actor, reason);
        giveBack(dossier);
        return dossier;
    }

    private void giveBack(Dossier dossier) {
        dossiers.releaseNights(dossier.accommodation().id(), dossier.stay());
        dossier.promoCodeId().ifPresent(dossiers::givePromoCodeBack);
    }

    /**
     * Records a payment and issues its receipt; an option whose deposit is now paid is
     * confirmed. A provider's repeated notification (same provider reference) changes nothing.
     */
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

    public Dossier markSignedContractReceived(long accountId, long dossierId, boolean received, @NotNull String actor) {
        Dossier dossier = get(accountId, dossierId);
        dossier.markSignedContractReceived(received, Instant.now(), actor);
        return dossier;
    }

    public Dossier allowOnlinePayment(long accountId, long dossierId, boolean allowed, @NotNull String actor) {
        Dossier dossier = get(accountId, dossierId);
        dossier.allowOnlinePayment(allowed, Instant.now(), actor);
        return dossier;
    }

    /**
     * Queues the guest's booking mail again (contract or notification, per the owner's setting)
     * through the outbox, with the request in the dossier's history: both or neither.
     */
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
