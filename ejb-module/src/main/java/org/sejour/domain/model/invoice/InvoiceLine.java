package org.sejour.domain.model.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A price line as the receipt prints it, label already in the receipt's language. A
 * {@code detail} line explains the line above it (a discount already taken off) and is not
 * added again.
 */
@Embeddable
public class InvoiceLine implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "position", nullable = false)
    private int position;
    @Column(name = "label", nullable = false)
    private String label;
    @Column(name = "quantity", nullable = false)
    private int quantity;
    @Column(name = "amount", nullable = false)
    private BigDecimal amount;
    @Column(name = "struck_out")
    private BigDecimal struckOut;
    @Column(name = "detail", nullable = false)
    private boolean detail;

    protected InvoiceLine() {
        // JPA
    }

    public InvoiceLine(int position, String label, int quantity, BigDecimal amount, BigDecimal struckOut,
                       boolean detail) {
        this.position = position;
        this.label = Objects.requireNonNull(label, "label is required");
        this.quantity = quantity;
        this.amount = Objects.requireNonNull(amount, "amount is required");
        this.struckOut = struckOut;
        this.detail = detail;
    }

    public int position() { return position; }
    public String label() { return label; }
    public int quantity() { return quantity; }
    public BigDecimal amount() { return amount; }
    public Optional<BigDecimal> struckOut() { return Optional.ofNullable(struckOut); }
    public boolean detail() { return detail; }
}
