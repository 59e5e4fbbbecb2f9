package org.sejour.domain.model.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.SejourException;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A security deposit (caution) held on the guest's card: a Stripe authorisation with manual
 * capture, placed before arrival and released after departure unless the owner keeps part of it.
 */
@Entity
@Table(name = "deposit_hold")
public class DepositHold implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Stripe keeps an online card authorisation for 7 days: a hold this old is placed again. */
    public static final int RENEW_AFTER_DAYS = 6;

    public enum Status { PLACED, REPLACED, RELEASED, CAPTURED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;
    @Column(name = "dossier_id", nullable = false, updatable = false)
    private long dossierId;
    @Column(name = "payment_intent", updatable = false)
    private String paymentIntent;
    @Column(name = "amount", nullable = false, updatable = false)
    private BigDecimal amount;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private Status status;
    @Column(name = "placed_on", nullable = false, updatable = false)
    private LocalDate placedOn;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "settled_at")
    private Instant settledAt;
    @Column(name = "captured")
    private BigDecimal captured;
    @Column(name = "reason")
    private String reason;
    @Column(name = "failure", updatable = false)
    private String failure;
    @Version
    private int version;

    protected DepositHold() {
        // JPA
    }

    private DepositHold(long accountId, long dossierId, Money amount, LocalDate placedOn, Instant at) {
        this.accountId = accountId;
        this.dossierId = dossierId;
        this.amount = Objects.requireNonNull(amount, "amount is required").amount();
        this.placedOn = Objects.requireNonNull(placedOn, "placed on is required");
        this.createdAt = Objects.requireNonNull(at, "at is required");
    }

    /** Stripe authorised the amount: it is held until released or captured. */
    public static DepositHold placed(long accountId, long dossierId, Money amount, String paymentIntent, LocalDate on,
                                     Instant at) {
        DepositHold hold = new DepositHold(accountId, dossierId, amount, on, at);
        hold.paymentIntent = Objects.requireNonNull(paymentIntent, "payment intent is required");
        hold.status = Status.PLACED;
        return hold;
    }

    /** The card refused (or Stripe asked for the guest, who is not there): nothing is held. */
    public static DepositHold failed(long accountId, long dossierId, Money amount, String failure, LocalDate on,
                                     Instant at) {
        DepositHold hold = new DepositHold(accountId, dossierId, amount, on, at);
        String why = Objects.requireNonNull(failure, "failure is required").strip();
        hold.failure = why.length() > 500 ? why.substring(0, 500) : why;
        hold.status = Status.FAILED;
        hold.settledAt = at;
        return hold;
    }

    /** True when a hold placed then is old enough, on {@code today}, to lapse before it is needed. */
    public boolean isDueForRenewal(LocalDate today) {
        return status == Status.PLACED && !placedOn.plusDays(RENEW_AFTER_DAYS).isAfter(today);
    }

    public void released(Instant at) {
        requirePlaced();
        status = Status.RELEASED;
        settledAt = at;
    }

    public void replaced(Instant at) {
        requirePlaced();
        status = Status.REPLACED;
        settledAt = at;
    }

    /** Checks a capture before Stripe is asked: placed, a positive part of the hold, a reason. */
    public void requireCapturable(Money part, String why) {
        requirePlaced();
        if (part == null || !part.isPositive() || part.isGreaterThan(amount())) {
            throw new SejourException("hold.capture.amount", amount().amount().toPlainString());
        }
        if (why == null || why.isBlank()) {
            throw new SejourException("hold.capture.reason");
        }
    }

    /** The owner keeps {@code part} of the hold for {@code why}; Stripe releases the rest. */
    public void captured(Money part, String why, Instant at) {
        requireCapturable(part, why);
        captured = part.amount();
        reason = why.strip();
        status = Status.CAPTURED;
        settledAt = at;
    }

    private void requirePlaced() {
        if (status != Status.PLACED) {
            throw new SejourException("hold.notPlaced");
        }
    }

    public Long id() { return id; }
    public long accountId() { return accountId; }
    public long dossierId() { return dossierId; }
    public Optional<String> paymentIntent() { return Optional.ofNullable(paymentIntent); }
    public Money amount() { return Money.of(amount); }
    public Status status() { return status; }
    public LocalDate placedOn() { return placedOn; }
    /** The last day Stripe still holds it (authorisations last 7 days). */
    public LocalDate holdsUntil() { return placedOn.plusDays(RENEW_AFTER_DAYS + 1); }
    public Instant createdAt() { return createdAt; }
    public Optional<Instant> settledAt() { return Optional.ofNullable(settledAt); }
    public Optional<Money> captured() { return Optional.ofNullable(captured).map(Money::of); }
    public Optional<String> reason() { return Optional.ofNullable(reason); }
    public Optional<String> failure() { return Optional.ofNullable(failure); }
}
