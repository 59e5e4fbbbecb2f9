package org.sejour.domain.model.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a dossier's price, frozen when it was booked (or changed). A line of one of the
 * dossier's stays names it by position; a line of the whole dossier (an adjustment, the
 * cancellation) has none.
 */
@Embeddable
public class PricedLine implements Serializable {

    private static final long serialVersionUID = 1L;
    /** A line the owner types when changing a booking: an amount with its reason. */
    public static final String ADJUSTMENT = "ADJUSTMENT";
    /** Keeps the total agreed when a booking is changed: the difference with today's price. */
    public static final String AGREED_PRICE = "AGREED_PRICE";
    /** Takes a cancelled stay's price off the dossier. */
    public static final String CANCELLED_STAY = "CANCELLED_STAY";
    /** What a cancellation costs the guest, under the owner's policy or as the owner decided. */
    public static final String CANCELLATION_FEE = "CANCELLATION_FEE";

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
    @Column(name = "stay_position")
    private Integer stay;

    protected PricedLine() {
        // JPA
    }

    public PricedLine(int position, String kind, String label, int quantity, BigDecimal amount, Long referenceId) {
        this(position, kind, label, quantity, amount, referenceId, null);
    }

    public PricedLine(int position, String kind, String label, int quantity, BigDecimal amount, Long referenceId,
                      Integer stay) {
        this.position = position;
        this.stay = stay;
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
    /** The position of the stay this line prices, empty for a line of the whole dossier. */
    public Optional<Integer> stay() { return Optional.ofNullable(stay); }

    /** The same line at another place in the dossier's list. */
    public PricedLine at(int newPosition) {
        return new PricedLine(newPosition, kind, label, quantity, amount, referenceId, stay);
    }
}
