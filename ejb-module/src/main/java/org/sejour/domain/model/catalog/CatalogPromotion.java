package org.sejour.domain.model.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.sejour.domain.model.pricing.Promotion;
import org.sejour.domain.model.shared.Percentage;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A last-minute or early-booking promotion. The table has no "all" flags: no accommodation
 * rows means all the owner's accommodations, no period rows means all stays.
 */
@Entity
@Table(name = "promotion")
public class CatalogPromotion implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int MAX_DAYS = 730;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private Promotion.Kind kind;
    @Column(name = "days", nullable = false)
    private int days;
    @Column(name = "percent", nullable = false)
    private BigDecimal percent;
    @Column(name = "label")
    private String label;

    @ElementCollection
    @CollectionTable(name = "promotion_accommodation", joinColumns = @JoinColumn(name = "promotion_id"))
    @Column(name = "accommodation_id")
    private Set<Long> accommodationIds = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "promotion_period", joinColumns = @JoinColumn(name = "promotion_id"))
    @OrderBy("firstDay")
    private List<DayPeriod> stays = new ArrayList<>();

    protected CatalogPromotion() {
        // JPA
    }

    public CatalogPromotion(long accountId, Promotion.Kind kind, int days, BigDecimal percent, String label,
                            Set<Long> accommodationIds, List<DayPeriod> stays) {
        this.accountId = accountId;
        redefine(kind, days, percent, label, accommodationIds, stays);
    }

    /** Replaces every setting; the owner edits a promotion as a whole. */
    public void redefine(Promotion.Kind kind, int days, BigDecimal percent, String label,
                         Set<Long> accommodationIds, List<DayPeriod> stays) {
        this.kind = Rules.required(kind, "kind", "promotion.kind.required");
        this.days = Rules.between(days, 0, MAX_DAYS, "days", "promotion.days.range");
        this.percent = Rules.percent(percent, false, false, "percent", "promotion.percent.range");
        this.label = Rules.optionalText(label, 120, "label", "promotion.label.tooLong");
        this.accommodationIds = new HashSet<>(Rules.required(accommodationIds, "accommodations", "promotion.accommodations.required"));
        this.stays = new ArrayList<>(Rules.distinctFirstDays(stays, "stays", "promotion.stays"));
    }

    public Long id() { return id; }
    public long accountId() { return accountId; }
    public Promotion.Kind kind() { return kind; }
    public int days() { return days; }
    public BigDecimal percent() { return percent; }
    public Optional<String> label() { return Optional.ofNullable(label); }
    public Set<Long> accommodationIds() { return Set.copyOf(accommodationIds); }
    public List<DayPeriod> stays() { return List.copyOf(stays); }

    /** The label on quotes: the owner's, else the name of the kind as the tutorial shows it. */
    public String displayLabel() {
        return label != null ? label : switch (kind) {
            case LAST_MINUTE -> "Dernière minute";
            case EARLY_BOOKING -> "Réservation anticipée";
        };
    }

    public Promotion toPricing() {
        return new Promotion(displayLabel(), kind, days, new Percentage(percent), Scopes.accommodations(accommodationIds),
                Scopes.stays(stays));
    }
}
