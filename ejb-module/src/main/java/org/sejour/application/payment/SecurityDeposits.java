package org.sejour.application.payment;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.access.Requires;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Payment;
import org.sejour.domain.model.payment.DepositHold;
import org.sejour.domain.model.payment.DepositHoldRepository;
import org.sejour.domain.model.payment.StripeAccount;
import org.sejour.domain.model.payment.StripeAccountRepository;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Security deposits (cautions) held on the guest's card, for owners who ask for one on their
 * "Paiement en ligne" page. The card the guest paid the deposit with is saved at Stripe for this
 * (Checkout's setup_future_usage); the daily run then:
 * <ol>
 *     <li>places a hold (an authorisation with manual capture, off session) on confirmed dossiers
 *     arriving within the owner's days — a card that refuses, or that asks for the guest, leaves
 *     a FAILED hold that the dossier and the arrivals list show, so the owner asks for another caution;</li>
 *     <li>releases the holds of dossiers that left (or were cancelled);</li>
 *     <li>places again a hold about to lapse (Stripe keeps an authorisation 7 days) and releases the old one.</li>
 * </ol>
 * The owner may instead keep part of a hold, with a reason ({@link #capture}). Each dossier is
 * handled in a transaction of its own, its hold row locked.
 */
@Stateless
public class SecurityDeposits {

    private static final Logger LOG = Logger.getLogger(SecurityDeposits.class.getName());
    static final String HOLD = "hold";

    @Inject
    DepositHoldRepository holds;
    @Inject
    StripeAccountRepository stripeAccounts;
    @Inject
    DossierRepository dossiers;
    @Inject
    StripeGateway stripe;
    @Inject
    StripeKeys keys;
    @Resource
    SessionContext context;

    /** A hold as the dossier page and the arrivals list show it. */
    public record HoldView(long dossierId, DepositHold.Status status, Money amount, LocalDate placedOn,
                           LocalDate holdsUntil, Optional<Money> captured, Optional<String> reason,
                           Optional<String> failure) implements Serializable {
        static HoldView of(DepositHold h) {
            return new HoldView(h.dossierId(), h.status(), h.amount(), h.placedOn(), h.holdsUntil(), h.captured(),
                    h.reason(), h.failure());
        }
    }

    /** What one daily run did; {@code renewalsRefused}: holds kept (or lapsed) because the card refused a new one. */
    public record Run(int placed, int failed, int released, int renewed, int renewalsRefused) implements Serializable {
    }

    /** What became of a placed hold on a daily run. */
    public enum Renewal { RELEASED, RENEWED, REFUSED }

    /** The daily run, for {@code today} (the business day in France). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Run run(@NotNull LocalDate today) {
        SecurityDeposits self = context.getBusinessObject(SecurityDeposits.class);
        int placed = 0;
        int failed = 0;
        int released = 0;
        int renewed = 0;
        int refused = 0;
        for (long[] due : holds.placedToReleaseOrRenew(today)) {
            try {
                switch (self.releaseOrRenew(due[0], due[1], today)) {
                    case RELEASED -> released++;
                    case RENEWED -> renewed++;
                    case REFUSED -> refused++;
                }
            } catch (SejourException e) {
                LOG.log(Level.WARNING, "Hold of dossier {0} not released or renewed: {1}", new Object[]{due[1], e.messageKey()});
            }
        }
        for (long[] due : holds.dueForHold(today)) {
            try {
                if (self.place(due[0], due[1], today).status() == DepositHold.Status.PLACED) {
                    placed++;
                } else {
                    failed++;
                }
            } catch (SejourException e) {
                LOG.log(Level.WARNING, "Hold of dossier {0} not placed: {1}", new Object[]{due[1], e.messageKey()});
            }
        }
        return new Run(placed, failed, released, renewed, refused);
    }

    /** Places the owner's hold on the card the dossier's Stripe payment was made with. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @Requires(Permission.RECORD_PAYMENTS)
    public HoldView place(long accountId, long dossierId, @NotNull LocalDate today) {
        Dossier dossier = dossiers.lock(dossierId).filter(d -> d.accountId() == accountId)
                .orElseThrow(() -> new NotFoundException("dossier", dossierId));
        StripeAccount account = stripeAccounts.find(accountId).filter(StripeAccount::asksHolds)
                .orElseThrow(() -> new SejourException("hold.notAsked"));
        Money amount = account.holdAmount().orElseThrow();
        String key = keys.secretKey(accountId);
        Instant now = Instant.now();
        Optional<StripeGateway.SavedCard> card = dossier.payments().stream()
                .filter(p -> RefundService.throughStripe(p) && !p.isRefund())
                .max(Comparator.comparing(Payment::id))
                .flatMap(p -> stripe.savedCard(key, p.providerReference()));
        DepositHold hold = authorise(key, dossier, amount, card, today, now);
        holds.store(hold);
        if (hold.status() == DepositHold.Status.FAILED) {
            dossier.recordDepositHold(now, "stripe", amount.amount().toPlainString() + " € – " + hold.failure().orElse(""));
        }
        LOG.log(Level.INFO, "Security deposit of dossier {0} of account {1}: {2}",
                new Object[]{dossier.number(), accountId, hold.status()});
        return HoldView.of(hold);
    }

    /**
     * Releases the hold of a dossier that left or was cancelled, or places a new one for a hold
     * about to lapse before departure and then releases the old one. When the card refuses the
     * new one, the old one is <em>kept</em> (it still holds until it lapses; the next run tries
     * again) and the refusal is written in the dossier's history; once the old one has lapsed at
     * Stripe, it is marked released (Stripe let it go) and the refusal shows as the dossier's hold.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @Requires(Permission.RECORD_PAYMENTS)
    public Renewal releaseOrRenew(long accountId, long dossierId, @NotNull LocalDate today) {
        DepositHold hold = holds.lockPlaced(accountId, dossierId).orElseThrow(() -> new SejourException("hold.notPlaced"));
        Dossier dossier = dossiers.find(accountId, dossierId).orElseThrow(() -> new NotFoundException("dossier", dossierId));
        String key = keys.secretKey(accountId);
        Instant now = Instant.now();
        boolean over = dossier.status() == DossierStatus.CANCELLED || dossier.stay().departure().isBefore(today);
        if (over) {
            stripe.release(key, hold.paymentIntent().orElseThrow());
            hold.released(now);
            return Renewal.RELEASED;
        }
        Optional<StripeGateway.SavedCard> card = stripe.savedCard(key, hold.paymentIntent().orElseThrow());
        DepositHold renewed = authorise(key, dossier, hold.amount(), card, today, now);
        if (renewed.status() == DepositHold.Status.FAILED) {
            boolean lapsed = hold.holdsUntil().isBefore(today);
            dossier.recordDepositHold(now, "stripe", hold.amount().amount().toPlainString() + " € – renewal refused ("
                    + renewed.failure().orElse("?") + "); " + (lapsed ? "the hold placed on " + hold.placedOn()
                    + " has lapsed at Stripe" : "the hold placed on " + hold.placedOn() + " is kept, it holds until "
                    + hold.holdsUntil()));
            LOG.log(Level.WARNING, "Hold of dossier {0} of account {1} not renewed: {2}; {3}", new Object[]{
                    dossier.number(), accountId, renewed.failure().orElse("?"), lapsed ? "the old one lapsed" : "the old one is kept"});
            if (lapsed) {
                hold.released(now); // Stripe released it by itself: nothing to cancel there
                holds.replace(hold, renewed);
            }
            return Renewal.REFUSED;
        }
        stripe.release(key, hold.paymentIntent().orElseThrow());
        hold.replaced(now);
        holds.replace(hold, renewed);
        return Renewal.RENEWED;
    }

    /**
     * Releases every hold the account has placed, each in a transaction of its own (the owner
     * disconnects Stripe: without the key, Séjour could never release them). Answers the dossier
     * numbers whose hold is still placed because Stripe did not release it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    @Requires(Permission.RECORD_PAYMENTS)
    public List<Integer> releaseAll(long accountId, @NotNull String actor) {
        SecurityDeposits self = context.getBusinessObject(SecurityDeposits.class);
        for (long[] placed : holds.placedOf(accountId)) {
            try {
                self.release(accountId, placed[0], actor);
            } catch (SejourException e) {
                LOG.log(Level.WARNING, "Hold of dossier {0} not released: {1}", new Object[]{placed[1], e.messageKey()});
            }
        }
        return holds.placedOf(accountId).stream().map(p -> (int) p[1]).toList();
    }

    /** Releases the dossier's placed hold now, and says so in its history. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @Requires(Permission.RECORD_PAYMENTS)
    public void release(long accountId, long dossierId, @NotNull String actor) {
        DepositHold hold = holds.lockPlaced(accountId, dossierId).orElseThrow(() -> new SejourException("hold.notPlaced"));
        Dossier dossier = dossiers.find(accountId, dossierId).orElseThrow(() -> new NotFoundException("dossier", dossierId));
        stripe.release(keys.secretKey(accountId), hold.paymentIntent().orElseThrow());
        Instant now = Instant.now();
        hold.released(now);
        dossier.recordDepositHold(now, actor, hold.amount().amount().toPlainString() + " € – released (Stripe disconnected)");
    }

    /** Asks Stripe to hold {@code amount} on the saved card: the hold placed, or failed and why. */
    private DepositHold authorise(String key, Dossier dossier, Money amount, Optional<StripeGateway.SavedCard> card,
                                  LocalDate today, Instant now) {
        long accountId = dossier.accountId();
        if (card.isEmpty()) {
            return DepositHold.failed(accountId, dossier.id(), amount, "no card saved at Stripe for this booking", today, now);
        }
        StripeGateway.Hold result = stripe.hold(key, card.get(), amount, "Caution — dossier " + dossier.number(),
                Map.of(HOLD, Integer.toString(dossier.number())),
                // a refused renewal stores no row: the day keeps the next run's retry apart from today's
                "hold-" + dossier.id() + "-" + holds.ofDossier(accountId, dossier.id()).size() + "-" + today);
        return result.paymentIntent()
                .map(intent -> DepositHold.placed(accountId, dossier.id(), amount, intent, today, now))
                .orElseGet(() -> DepositHold.failed(accountId, dossier.id(), amount, result.failure().orElse("?"), today, now));
    }

    /** The owner keeps {@code amount} of the dossier's hold, for {@code reason}; Stripe releases the rest. */
    @Requires(Permission.RECORD_PAYMENTS)
    public HoldView capture(long accountId, long dossierId, @NotNull Money amount, @NotNull String reason,
                            @NotNull String actor) {
        DepositHold hold = holds.lockPlaced(accountId, dossierId).orElseThrow(() -> new SejourException("hold.notPlaced"));
        Dossier dossier = dossiers.find(accountId, dossierId).orElseThrow(() -> new NotFoundException("dossier", dossierId));
        hold.requireCapturable(amount, reason);
        stripe.capture(keys.secretKey(accountId), hold.paymentIntent().orElseThrow(), amount);
        Instant now = Instant.now();
        hold.captured(amount, reason, now);
        dossier.recordDepositHold(now, actor, amount.amount().toPlainString() + " € – " + reason.strip());
        return HoldView.of(hold);
    }

    /** The dossier's current (newest) hold, if any. */
    public Optional<HoldView> holdOf(long accountId, long dossierId) {
        return holds.ofDossier(accountId, dossierId).stream().findFirst().map(HoldView::of);
    }

    /** The current hold of each of these dossiers that has one, by dossier. */
    public Map<Long, HoldView> holdsOf(long accountId, Collection<Long> dossierIds) {
        return holds.latestOf(accountId, dossierIds).stream().map(HoldView::of)
                .collect(Collectors.toMap(HoldView::dossierId, Function.identity()));
    }
}
