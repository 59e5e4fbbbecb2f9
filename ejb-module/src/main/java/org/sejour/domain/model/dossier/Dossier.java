package org.sejour.domain.model.dossier;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.pricing.PaymentBalance;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.domain.model.shared.StayPeriod;

import java.io.Serializable;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A booking file. Its price is frozen at booking time (lines, total, deposit); from then on
 * it changes only through the intent-named methods below, each recorded in its history.
 */
@Entity
@Table(name = "dossier")
public class Dossier implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom TOKENS = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;
    @Column(name = "number", nullable = false, updatable = false)
    private int number;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private DossierStatus status;
    /** the first stay's accommodation, kept here for the lists that show one */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "accommodation_id", nullable = false)
    private Accommodation accommodation;
    @Column(name = "arrival", nullable = false)
    private LocalDate arrival;
    @Column(name = "departure", nullable = false)
    private LocalDate departure;
    @Embedded
    private Guest guest;
    @Enumerated(EnumType.STRING)
    @Column(name = "origin", nullable = false, updatable = false)
    private Origin origin;
    @Column(name = "origin_site", updatable = false)
    private String originSite;
    @Column(name = "promo_code_id")
    private Long promoCodeId;
    @Column(name = "total", nullable = false)
    private BigDecimal total;
    @Column(name = "deposit_amount", nullable = false)
    private BigDecimal depositAmount;
    @Column(name = "deposit_due")
    private LocalDate depositDue;
    @Column(name = "balance_due")
    private LocalDate balanceDue;
    @Column(name = "option_expires_at")
    private Instant optionExpiresAt;
    @Column(name = "signed_contract_received", nullable = false)
    private boolean signedContractReceived;
    @Column(name = "online_payment_allowed", nullable = false)
    private boolean onlinePaymentAllowed = true;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Column(name = "idempotency_key", updatable = false)
    private String idempotencyKey;
    @Column(name = "request_hash", updatable = false)
    private String requestHash;
    /** Secret that lets the guest (not the owner) follow and pay this dossier without an account. */
    @Column(name = "guest_token", nullable = false, updatable = false, unique = true)
    private String guestToken;

    /** The day the guest was anonymised (GuestDataService), written by SQL only. */
    @Column(name = "guest_erased_on", insertable = false, updatable = false)
    private LocalDate guestErasedOn;
    /** null for dossiers nobody accepted terms for online (phone, channels, before V16) */
    @Embedded
    private TermsAcceptance termsAccepted;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    /** the contract's version: 1 as booked, one more at each change (the versions replaced are kept) */
    @Column(name = "contract_version", nullable = false)
    private int contractVersion = 1;
    @Version
    private int version;

    @OneToMany(mappedBy = "dossier", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<DossierStay> stays = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "dossier_line", joinColumns = @JoinColumn(name = "dossier_id"))
    @OrderBy("position")
    private List<PricedLine> lines = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "dossier_party", joinColumns = @JoinColumn(name = "dossier_id"))
    private List<PartyCount> party = new ArrayList<>();

    @OneToMany(mappedBy = "dossier", cascade = CascadeType.ALL)
    @OrderBy("paidOn, id")
    private List<Payment> payments = new ArrayList<>();

    @OneToMany(mappedBy = "dossier", cascade = CascadeType.ALL)
    @OrderBy("at, id")
    private List<DossierEvent> history = new ArrayList<>();

    protected Dossier() {
        // JPA
    }

    /** One accommodation booked for the dossier's nights, and who stays in it. */
    public record BookedStay(Accommodation accommodation, List<PartyCount> party) {
        public BookedStay {
            Objects.requireNonNull(accommodation, "accommodation is required");
            party = List.copyOf(party);
            if (party.isEmpty()) {
                throw new IllegalArgumentException("a stay is for at least one person");
            }
        }
    }

    /**
     * The price agreed: frozen lines (each naming its stay, or none for the whole dossier), the
     * total they add up to, the deposit and the two deadlines.
     */
    public record AgreedPrice(List<PricedLine> lines, Money total, Money deposit, LocalDate depositDue,
                              LocalDate balanceDue) {
        public AgreedPrice {
            Objects.requireNonNull(total, "total is required");
            Objects.requireNonNull(deposit, "deposit is required");
            lines = List.copyOf(lines);
            if (total.isNegative()) {
                throw new SejourException("dossier.total.negative");
            }
            if (deposit.compareTo(total) > 0) {
                throw new IllegalArgumentException("the deposit cannot exceed the total");
            }
            if (!lines.isEmpty() && !sum(lines).equals(total)) {
                throw new IllegalArgumentException("the lines add up to " + sum(lines) + ", not " + total);
            }
        }

        private static Money sum(List<PricedLine> lines) {
            return lines.stream().map(l -> Money.of(l.amount())).reduce(Money.ZERO, Money::plus);
        }
    }

    /** Where a booking comes from, and what its guest accepted online (null for none). */
    public record Provenance(Origin origin, String originSite, String idempotencyKey, String requestHash,
                             TermsAcceptance termsAccepted) {
        public Provenance {
            Objects.requireNonNull(origin, "origin is required");
        }

        /** A booking the owner types: no key, no terms accepted online. */
        public static Provenance of(Origin origin) {
            return new Provenance(origin, null, null, null, null);
        }
    }

    /** What a new dossier is made of; the booking service assembles it from the stays' quotes. */
    public record Booking(long accountId, int number, StayPeriod stay, List<BookedStay> stays, Guest guest,
                          AgreedPrice price, Long promoCodeId, Provenance provenance, boolean confirmed,
                          Instant optionExpiresAt, Instant at, String actor) {
        public Booking {
            Objects.requireNonNull(stay, "stay is required");
            Objects.requireNonNull(guest, "guest is required");
            Objects.requireNonNull(price, "price is required");
            Objects.requireNonNull(provenance, "provenance is required");
            Objects.requireNonNull(at, "at is required");
            Objects.requireNonNull(actor, "actor is required");
            stays = checked(stays);
        }
    }

    /**
     * A booking changed by the owner: its nights, its stays and persons, the price agreed for
     * them, its code, and a summary of what changed for the history.
     */
    public record Change(StayPeriod stay, List<BookedStay> stays, AgreedPrice price, Long promoCodeId,
                         String summary, Instant at, String actor) {
        public Change {
            Objects.requireNonNull(stay, "stay is required");
            Objects.requireNonNull(price, "price is required");
            Objects.requireNonNull(at, "at is required");
            Objects.requireNonNull(actor, "actor is required");
            stays = checked(stays);
        }
    }

    private static List<BookedStay> checked(List<BookedStay> stays) {
        List<BookedStay> copy = List.copyOf(stays);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a dossier books at least one accommodation");
        }
        if (copy.size() > DossierStay.MAX_STAYS) {
            throw new SejourException("dossier.stays.tooMany", DossierStay.MAX_STAYS);
        }
        return copy;
    }

    public static Dossier open(Booking b) {
        Dossier d = new Dossier();
        d.accountId = b.accountId();
        d.number = b.number();
        d.guest = b.guest();
        d.occupy(b.stay(), b.stays());
        d.agree(b.price());
        d.promoCodeId = b.promoCodeId();
        Provenance from = b.provenance();
        d.origin = from.origin();
        d.originSite = from.originSite();
        d.idempotencyKey = from.idempotencyKey();
        d.requestHash = from.requestHash();
        d.termsAccepted = from.termsAccepted();
        d.status = b.confirmed() ? DossierStatus.CONFIRMED : DossierStatus.OPTION;
        d.optionExpiresAt = b.confirmed() ? null : b.optionExpiresAt();
        d.guestToken = newGuestToken();
        d.createdAt = b.at();
        d.createdBy = b.actor();
        d.record(b.at(), b.actor(), b.confirmed() ? "CREATED_CONFIRMED" : "CREATED_OPTION", null);
        return d;
    }

    /**
     * Applies a change the booking service priced and whose nights it moved: the stays in their
     * new order (a slot keeps its row and takes the new accommodation), persons, lines, amounts
     * and deadlines, the code. The contract is issued again: its version goes up.
     */
    public void change(Change c) {
        requireNotCancelled();
        occupy(c.stay(), c.stays());
        agree(c.price());
        promoCodeId = c.promoCodeId();
        contractVersion++;
        record(c.at(), c.actor(), "CHANGED", c.summary());
        // a signature, on paper or online, is of the version signed: the new one is to be signed again
        if (signedContractReceived) {
            signedContractReceived = false;
            record(c.at(), c.actor(), "CONTRACT_TO_SIGN_AGAIN", "version " + contractVersion);
        }
    }

    private void occupy(StayPeriod nights, List<BookedStay> booked) {
        arrival = nights.arrival();
        departure = nights.departure();
        accommodation = booked.get(0).accommodation();
        for (int i = 0; i < booked.size(); i++) {
            Accommodation wanted = booked.get(i).accommodation();
            if (i < stays.size()) {
                stays.get(i).move(wanted);
            } else {
                stays.add(new DossierStay(this, i, wanted));
            }
        }
        while (stays.size() > booked.size()) {
            stays.remove(stays.size() - 1);
        }
        party.clear();
        for (int i = 0; i < booked.size(); i++) {
            for (PartyCount count : booked.get(i).party()) {
                party.add(count.ofStay(i));
            }
        }
    }

    private void agree(AgreedPrice price) {
        lines.clear();
        lines.addAll(price.lines());
        total = price.total().amount();
        depositAmount = price.deposit().amount();
        depositDue = price.depositDue();
        balanceDue = price.balanceDue();
    }

    private static String newGuestToken() {
        byte[] bytes = new byte[32];
        TOKENS.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public void confirm(Instant at, String actor) {
        requireNotCancelled();
        if (status == DossierStatus.CONFIRMED) {
            return;
        }
        status = DossierStatus.CONFIRMED;
        optionExpiresAt = null;
        record(at, actor, "CONFIRMED", null);
    }

    /** Cancels the dossier without a fee; the caller gives its nights back to the stock. */
    public void cancel(Instant at, String actor, String reason) {
        cancel(at, actor, reason, Money.ZERO, null);
    }

    /**
     * Cancels the dossier; the caller gives its nights back to the stock. The stay is taken off
     * the price by a line of its own and the fee (what the cancellation policy keeps, or what the
     * owner decided) added by another, so the lines still add up to the total, which is now the
     * fee: what the guest paid above it is {@link #amountToRefund() to refund}.
     */
    public void cancel(Instant at, String actor, String reason, Money fee, String feeLabel) {
        requireNotCancelled();
        Objects.requireNonNull(fee, "fee is required");
        if (fee.isNegative()) {
            throw new SejourException("cancellation.fee.negative");
        }
        if (fee.compareTo(total()) > 0) {
            throw new SejourException("cancellation.fee.aboveTotal");
        }
        Money stay = total();
        if (!stay.isZero()) {
            lines.add(new PricedLine(lines.size(), PricedLine.CANCELLED_STAY, "", 1, stay.negate().amount(), null));
        }
        if (fee.isPositive()) {
            lines.add(new PricedLine(lines.size(), PricedLine.CANCELLATION_FEE, feeLabel == null ? "" : feeLabel, 1,
                    fee.amount(), null));
        }
        total = fee.amount();
        status = DossierStatus.CANCELLED;
        cancelReason = reason == null || reason.isBlank() ? null : reason.strip();
        record(at, actor, "CANCELLED", cancelReason);
        if (fee.isPositive()) {
            record(at, actor, "CANCELLATION_FEE", fee.amount().toPlainString() + " €");
        }
        if (amountToRefund().isPositive()) {
            record(at, actor, "REFUND_DUE", amountToRefund().amount().toPlainString() + " €");
        }
    }

    /** True when this option's deadline has passed without a deposit confirming it. */
    public boolean isExpiredOption(Instant now) {
        return status == DossierStatus.OPTION && optionExpiresAt != null && optionExpiresAt.isBefore(now);
    }

    /**
     * Records a payment and answers it. A repeated provider notification (same provider
     * reference) records nothing and answers empty.
     */
    public Optional<Payment> recordPayment(PaymentKind kind, LocalDate paidOn, Money amount, String method,
                                           String reference, String providerReference, Instant at, String actor) {
        if (providerReference != null && payments.stream()
                .anyMatch(p -> providerReference.equals(p.providerReference()))) {
            return Optional.empty();
        }
        if (amount.isZero()) {
            throw new SejourException("payment.amount.zero");
        }
        Payment payment = new Payment(this, kind, paidOn, amount.amount(), method, reference, providerReference, at,
                actor);
        payments.add(payment);
        record(at, actor, "PAYMENT_" + kind, amount.amount().toPlainString() + " € " + method);
        return Optional.of(payment);
    }

    /**
     * Records a refund of one of this dossier's payments, given back by the payment's own method,
     * and answers it. A refund is never more than what is left of the payment; a repeated
     * provider notification (same provider reference) records nothing and answers empty.
     */
    public Optional<Payment> recordRefund(long paymentId, LocalDate on, Money amount, String providerReference,
                                          String reason, Instant at, String actor) {
        if (providerReference != null && payments.stream()
                .anyMatch(p -> providerReference.equals(p.providerReference()))) {
            return Optional.empty();
        }
        Payment refunded = requireRefundable(paymentId, amount, reason);
        Payment refund = Payment.refund(this, refunded, on, amount.amount(), providerReference, reason.strip(), at,
                actor);
        payments.add(refund);
        record(at, actor, "REFUND", amount.amount().toPlainString() + " € " + refunded.method() + " – " + reason.strip());
        return Optional.of(refund);
    }

    /**
     * Checks a refund before it is made anywhere (at Stripe first): a payment of this dossier,
     * a positive amount no greater than what is left of it, a reason. Answers the payment.
     */
    public Payment requireRefundable(long paymentId, Money amount, String reason) {
        Payment refunded = payments.stream().filter(p -> p.id() != null && p.id() == paymentId && !p.isRefund())
                .findFirst().orElseThrow(() -> new NotFoundException("payment", paymentId));
        if (amount == null || !amount.isPositive()) {
            throw new SejourException("refund.amount.positive");
        }
        if (amount.isGreaterThan(refundable(paymentId))) {
            throw new SejourException("refund.amount.tooMuch", refundable(paymentId).amount().toPlainString());
        }
        if (reason == null || reason.isBlank()) {
            throw new SejourException("refund.reason.required");
        }
        return refunded;
    }

    /** What is left to refund of one of this dossier's payments: its amount less its refunds. */
    public Money refundable(long paymentId) {
        Money paid = payments.stream().filter(p -> p.id() != null && p.id() == paymentId && !p.isRefund())
                .map(p -> Money.of(p.amount())).findFirst().orElse(Money.ZERO);
        Money refunded = payments.stream().filter(p -> p.refundOf().filter(id -> id == paymentId).isPresent())
                .map(p -> Money.of(p.amount()).negate()).reduce(Money.ZERO, Money::plus);
        return paid.minus(refunded);
    }

    /** An online payment that failed or a payment problem the provider reported: shown in the history. */
    public void recordPaymentProblem(Instant at, String actor, String detail) {
        record(at, actor, "PAYMENT_FAILED", detail == null || detail.length() <= 300 ? detail : detail.substring(0, 300));
    }

    /** A security deposit held on the guest's card changed (placed, kept in part, released): shown in the history. */
    public void recordDepositHold(Instant at, String actor, String detail) {
        record(at, actor, "DEPOSIT_HOLD", detail == null || detail.length() <= 300 ? detail : detail.substring(0, 300));
    }

    public void markSignedContractReceived(boolean received, Instant at, String actor) {
        if (signedContractReceived != received) {
            signedContractReceived = received;
            record(at, actor, received ? "CONTRACT_RECEIVED" : "CONTRACT_NOT_RECEIVED", null);
        }
    }

    /**
     * The guest accepted the current version of the contract online: it counts as signed, as a
     * paper contract received does. Refused for a cancelled dossier, and for a version a change
     * has replaced since the guest was shown it.
     */
    public void acceptContractOnline(int accepted, Instant at, String evidence) {
        requireNotCancelled();
        if (accepted != contractVersion) {
            throw new SejourException("contract.acceptance.outdated", accepted, contractVersion);
        }
        signedContractReceived = true;
        record(at, "guest", "CONTRACT_ACCEPTED_ONLINE", Objects.requireNonNull(evidence, "evidence is required"));
    }

    public void allowOnlinePayment(boolean allowed, Instant at, String actor) {
        if (onlinePaymentAllowed != allowed) {
            onlinePaymentAllowed = allowed;
            record(at, actor, allowed ? "ONLINE_PAYMENT_ALLOWED" : "ONLINE_PAYMENT_FORBIDDEN", null);
        }
    }

    /**
     * The owner asks for the guest's booking mail again (lost, or landed in spam); the caller
     * queues it. Refused without a guest address, and once cancelled: the mail would offer a
     * stay that no longer exists.
     */
    public void resendGuestMail(Instant at, String actor) {
        requireNotCancelled();
        if (guest.email() == null) {
            throw new SejourException("dossier.guestMail.noEmail");
        }
        record(at, actor, "GUEST_MAIL_RESENT", guest.email());
    }

    private void requireNotCancelled() {
        if (status == DossierStatus.CANCELLED) {
            throw new SejourException("dossier.cancelled");
        }
    }

    private void record(Instant at, String actor, String action, String detail) {
        history.add(new DossierEvent(this, at, actor, action, detail));
    }

    /**
     * What the guest paid, refunds not deducted: what is due is computed from it, so that money
     * given back never becomes money due again (see {@link PaymentBalance}).
     */
    public Money totalPaid() {
        return payments.stream().filter(p -> !p.isRefund()).map(p -> Money.of(p.amount()))
                .reduce(Money.ZERO, Money::plus);
    }

    /** What was given back to the guest, as a positive amount. */
    public Money totalRefunded() {
        return payments.stream().filter(Payment::isRefund).map(p -> Money.of(p.amount()).negate())
                .reduce(Money.ZERO, Money::plus);
    }

    /** What the guest paid and was not given back. */
    public Money netReceived() {
        return amounts().netReceived();
    }

    /**
     * Total, paid and refunded kept apart (not named {@code balance}: the balance, solde, is
     * {@link #balanceAmount()}, total − deposit).
     */
    public PaymentBalance paymentBalance() {
        return new PaymentBalance(Money.of(total), totalPaid(), totalRefunded());
    }

    /** Every amount of this dossier under its one meaning (see {@link DossierAmounts}). */
    public DossierAmounts amounts() {
        return new DossierAmounts(Money.of(total), Money.of(depositAmount), depositDue(), balanceDueDate(), totalPaid(),
                totalRefunded());
    }

    /**
     * What is left to pay (reste à payer), counted from what was paid: the tutorial's 800.00 €
     * dossier with 200.00 € paid has 600.00 € left, and still 600.00 € after 50.00 € of it was
     * refunded. Negative when the guest paid more than the total and was not yet given it back.
     */
    public Money remainingToPay() {
        return amounts().remaining();
    }

    /** What is left to pay of the deposit: its amount less what was paid (refunds do not count). */
    public Money depositOwed() {
        return amounts().depositOwed();
    }

    /** The balance (solde) as agreed: total − deposit, due by {@link #balanceDueDate()}. */
    public Money balanceAmount() {
        return amounts().balance();
    }

    /**
     * What the guest paid above the total, and is owed back: after a cancellation, what the
     * payments exceed the fee by; after a change that lowered the price, what they exceed the new
     * total by. Refunds settle it down to zero (see {@link PaymentBalance#remaining()}).
     */
    public Money amountToRefund() {
        return amounts().toRefund();
    }

    public boolean isDepositPaid() {
        return amounts().isDepositPaid();
    }

    public Long id() { return id; }
    public long accountId() { return accountId; }
    public int number() { return number; }
    public DossierStatus status() { return status; }
    public Accommodation accommodation() { return accommodation; }
    public StayPeriod stay() { return new StayPeriod(arrival, departure); }
    public Guest guest() { return guest; }
    public Origin origin() { return origin; }
    public Optional<String> originSite() { return Optional.ofNullable(originSite); }
    public Optional<Long> promoCodeId() { return Optional.ofNullable(promoCodeId); }
    public Money total() { return Money.of(total); }
    public Money depositAmount() { return Money.of(depositAmount); }
    public Optional<LocalDate> depositDue() { return Optional.ofNullable(depositDue); }
    public Optional<LocalDate> balanceDueDate() { return Optional.ofNullable(balanceDue); }
    public Optional<Instant> optionExpiresAt() { return Optional.ofNullable(optionExpiresAt); }
    public boolean signedContractReceived() { return signedContractReceived; }
    public boolean onlinePaymentAllowed() { return onlinePaymentAllowed; }
    public Optional<String> cancelReason() { return Optional.ofNullable(cancelReason); }
    public Optional<String> idempotencyKey() { return Optional.ofNullable(idempotencyKey); }
    public Optional<String> requestHash() { return Optional.ofNullable(requestHash); }
    public String guestToken() { return guestToken; }
    public Optional<LocalDate> guestErasedOn() { return Optional.ofNullable(guestErasedOn); }
    /** The terms the guest accepted online; EclipseLink reads an all-null embeddable as null. */
    public Optional<TermsAcceptance> termsAccepted() { return Optional.ofNullable(termsAccepted); }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public List<PricedLine> lines() { return List.copyOf(lines); }
    /** The persons of the whole dossier, per age range (its stays' added up), in the order first met. */
    public List<PartyCount> party() {
        Map<String, PartyCount> byLabel = new LinkedHashMap<>();
        for (PartyCount count : party) {
            byLabel.merge(count.label(), count.ofStay(0), PartyCount::plus);
        }
        return List.copyOf(byLabel.values());
    }

    /** The persons of one stay. */
    public List<PartyCount> partyOf(int stay) {
        return party.stream().filter(p -> p.stay() == stay).toList();
    }

    /** The price lines of one stay. */
    public List<PricedLine> linesOf(int stay) {
        return lines.stream().filter(l -> l.stay().filter(s -> s == stay).isPresent()).toList();
    }

    /**
     * The accommodations booked, in their order; the first is {@link #accommodation()}. A row
     * written without its stays (by SQL, before stays existed in a script) books its accommodation.
     */
    public List<DossierStay> stays() {
        return stays.isEmpty() ? List.of(new DossierStay(this, 0, accommodation)) : List.copyOf(stays);
    }
    public int contractVersion() { return contractVersion; }
    public List<Payment> payments() { return List.copyOf(payments); }
    public List<DossierEvent> history() { return List.copyOf(history); }
}
