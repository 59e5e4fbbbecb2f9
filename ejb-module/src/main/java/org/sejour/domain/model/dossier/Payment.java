package org.sejour.domain.model.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A payment received for a dossier (règlement): deposit, balance or other. */
@Entity
@Table(name = "payment")
public class Payment implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "dossier_id", nullable = false, updatable = false)
    private Dossier dossier;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private PaymentKind kind;
    @Column(name = "paid_on", nullable = false)
    private LocalDate paidOn;
    @Column(name = "amount", nullable = false)
    private BigDecimal amount;
    @Column(name = "method", nullable = false)
    private String method;
    @Column(name = "reference")
    private String reference;
    @Column(name = "provider_ref")
    private String providerReference;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;
    /** the payment a refund gives back (a refund is negative); null for a payment */
    @Column(name = "refund_of")
    private Long refundOf;
    @Column(name = "reason")
    private String reason;

    protected Payment() {
        // JPA
    }

    Payment(Dossier dossier, PaymentKind kind, LocalDate paidOn, BigDecimal amount, String method, String reference,
            String providerReference, Instant recordedAt, String recordedBy) {
        this.dossier = dossier;
        this.kind = Objects.requireNonNull(kind, "kind is required");
        this.paidOn = Objects.requireNonNull(paidOn, "payment date is required");
        this.amount = Objects.requireNonNull(amount, "amount is required");
        this.method = Objects.requireNonNull(method, "method is required");
        this.reference = reference;
        this.providerReference = providerReference;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    /** A refund of {@code refunded}: negative, with its reason, by the refunded payment's method. */
    static Payment refund(Dossier dossier, Payment refunded, LocalDate on, BigDecimal amount, String providerReference,
                          String reason, Instant at, String actor) {
        Payment refund = new Payment(dossier, refunded.kind, on, amount.negate(), refunded.method, refunded.reference,
                providerReference, at, actor);
        refund.refundOf = Objects.requireNonNull(refunded.id, "the refunded payment is stored");
        refund.reason = Objects.requireNonNull(reason, "reason is required");
        return refund;
    }

    public Long id() { return id; }
    public java.util.Optional<Long> refundOf() { return java.util.Optional.ofNullable(refundOf); }
    public java.util.Optional<String> reason() { return java.util.Optional.ofNullable(reason); }
    public boolean isRefund() { return refundOf != null || amount.signum() < 0; }
    public PaymentKind kind() { return kind; }
    public LocalDate paidOn() { return paidOn; }
    public BigDecimal amount() { return amount; }
    public String method() { return method; }
    public String reference() { return reference; }
    public String providerReference() { return providerReference; }
}
