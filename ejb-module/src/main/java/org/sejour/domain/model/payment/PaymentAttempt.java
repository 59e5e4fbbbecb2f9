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
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.shared.Money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * One try of a guest to pay a dossier on a provider's hosted page. It is opened before the
 * redirect and settled once, by whichever of the guest's return or the provider's notification
 * comes first; what comes after finds it settled and changes nothing.
 */
@Entity
@Table(name = "payment_attempt")
public class PaymentAttempt implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom REFERENCES = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    /** what the return address carries: unguessable, so nobody settles another guest's attempt */
    @Column(name = "reference", nullable = false, updatable = false, unique = true)
    private String reference;
    @Column(name = "dossier_id", nullable = false, updatable = false)
    private long dossierId;
    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private PaymentKind kind;
    @Column(name = "amount", nullable = false, updatable = false)
    private BigDecimal amount;
    @Column(name = "provider", nullable = false, updatable = false)
    private String provider;
    @Column(name = "provider_session")
    private String providerSession;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private PaymentAttemptStatus status;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "settled_at")
    private Instant settledAt;
    @Version
    private int version;

    protected PaymentAttempt() {
        // JPA
    }

    public PaymentAttempt(long accountId, long dossierId, PaymentKind kind, Money amount, String provider,
                          Instant at) {
        this.accountId = accountId;
        this.dossierId = dossierId;
        this.kind = Objects.requireNonNull(kind, "kind is required");
        if (kind == PaymentKind.OTHER) {
            throw new IllegalArgumentException("an online payment is a deposit or a balance");
        }
        if (!Objects.requireNonNull(amount, "amount is required").isPositive()) {
            throw new IllegalArgumentException("an online payment is of a positive amount, was " + amount);
        }
        this.amount = amount.amount();
        this.provider = Objects.requireNonNull(provider, "provider is required");
        this.createdAt = Objects.requireNonNull(at, "at is required");
        this.status = PaymentAttemptStatus.PENDING;
        byte[] bytes = new byte[24];
        REFERENCES.nextBytes(bytes);
        this.reference = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The provider's name for this payment, known once its hosted page is opened. */
    public void openedAs(String session) {
        if (providerSession != null) {
            throw new IllegalStateException("attempt " + reference + " is already open as " + providerSession);
        }
        providerSession = Objects.requireNonNull(session, "session is required");
    }

    /** Settles a pending attempt; a settled one keeps its first outcome (returns false). */
    public boolean settle(PaymentAttemptStatus outcome, Instant at) {
        Objects.requireNonNull(outcome, "outcome is required");
        if (outcome == PaymentAttemptStatus.PENDING) {
            throw new IllegalArgumentException("an attempt settles as paid, failed or abandoned");
        }
        if (status != PaymentAttemptStatus.PENDING) {
            return false;
        }
        status = outcome;
        settledAt = Objects.requireNonNull(at, "at is required");
        return true;
    }

    public Long id() { return id; }
    public String reference() { return reference; }
    public long dossierId() { return dossierId; }
    public long accountId() { return accountId; }
    public PaymentKind kind() { return kind; }
    public Money amount() { return Money.of(amount); }
    public String provider() { return provider; }
    public Optional<String> providerSession() { return Optional.ofNullable(providerSession); }
    public PaymentAttemptStatus status() { return status; }
    public Instant createdAt() { return createdAt; }
    public Optional<Instant> settledAt() { return Optional.ofNullable(settledAt); }
}
