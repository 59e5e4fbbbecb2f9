package org.sejour.domain.model.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/** One line of a dossier's price, frozen when it was booked. */
@Embeddable
public class PricedLine implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "position", nullable = false)
    private int position;
    @Column(name = "kind", nullable = false)
    private String kind;
    @Column(name = "label", nullable = false)
    private String label;
    @Column(name = "quantity", nullable = false)
    private int quantity;
    @Column(name = "amount", nullable = false)
    private BigDecimal amount;
    @Column(name = "reference_id")
    private Long referenceId;

    protected PricedLine() {
        // JPA
    }

    public PricedLine(int position, String kind, String label, int quantity, BigDecimal amount, Long referenceId) {
        this.position = position;
        this.kind = Objects.requireNonNull(kind, "kind is required");
        this.label = label == null ? "" : label;
        this.quantity = quantity;
        this.amount = Objects.requireNonNull(amount, "amount is required");
        this.referenceId = referenceId;
    }

    public int position() { return position; }
    public String kind() { return kind; }
    public String label() { return label; }
    public int quantity() { return quantity; }
    public BigDecimal amount() { return amount; }
    public Long referenceId() { return referenceId; }
}
