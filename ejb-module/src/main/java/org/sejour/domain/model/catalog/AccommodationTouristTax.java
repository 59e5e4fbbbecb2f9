package org.sejour.domain.model.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.sejour.domain.model.pricing.Classification;
import org.sejour.domain.model.pricing.TouristTax;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.Percentage;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The tourist tax an owner collects for one accommodation, from its commune's deliberation:
 * an amount per adult per night, or (unclassified rentals) a percentage with a ceiling.
 */
@Entity
@Table(name = "tourist_tax")
public class AccommodationTouristTax implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "accommodation_id")
    private long accommodationId;
    @Enumerated(EnumType.STRING)
    @Column(name = "mode", nullable = false)
    private TouristTax.Mode mode;
    @Column(name = "amount")
    private BigDecimal amount;
    @Column(name = "percent")
    private BigDecimal percent;
    @Column(name = "ceiling")
    private BigDecimal ceiling;
    @Column(name = "surcharge_percent", nullable = false)
    private BigDecimal surchargePercent;

    protected AccommodationTouristTax() {
        // JPA
    }

    private AccommodationTouristTax(long accommodationId) {
        this.accommodationId = accommodationId;
    }

    public static AccommodationTouristTax fixedPerAdultNight(long accommodationId, BigDecimal amount,
                                                             BigDecimal surchargePercent) {
        AccommodationTouristTax tax = new AccommodationTouristTax(accommodationId);
        tax.chargePerAdultNight(amount, surchargePercent);
        return tax;
    }

    public static AccommodationTouristTax percentUnclassified(long accommodationId, BigDecimal percent,
                                                              BigDecimal ceiling, BigDecimal surchargePercent) {
        AccommodationTouristTax tax = new AccommodationTouristTax(accommodationId);
        tax.chargePercentUnclassified(percent, ceiling, surchargePercent);
        return tax;
    }

    public void chargePerAdultNight(BigDecimal amount, BigDecimal surchargePercent) {
        BigDecimal checked = Rules.amount(amount, "amount", "touristTax.amount.invalid");
        this.surchargePercent = surcharge(surchargePercent);
        this.mode = TouristTax.Mode.FIXED_PER_ADULT_NIGHT;
        this.amount = checked;
        this.percent = null;
        this.ceiling = null;
    }

    public void chargePercentUnclassified(BigDecimal percent, BigDecimal ceiling, BigDecimal surchargePercent) {
        BigDecimal checkedPercent = Rules.percent(percent, false, true, "percent", "touristTax.percent.range");
        BigDecimal checkedCeiling = Rules.amount(ceiling, "ceiling", "touristTax.ceiling.invalid");
        this.surchargePercent = surcharge(surchargePercent);
        this.mode = TouristTax.Mode.PERCENT_UNCLASSIFIED;
        this.amount = null;
        this.percent = checkedPercent;
        this.ceiling = checkedCeiling;
    }

    private static BigDecimal surcharge(BigDecimal surchargePercent) {
        return Rules.percent(surchargePercent == null ? BigDecimal.ZERO : surchargePercent, true, true,
                "surchargePercent", "touristTax.surcharge.range");
    }

    public long accommodationId() { return accommodationId; }
    public TouristTax.Mode mode() { return mode; }
    public Optional<BigDecimal> amount() { return Optional.ofNullable(amount); }
    public Optional<BigDecimal> percent() { return Optional.ofNullable(percent); }
    public Optional<BigDecimal> ceiling() { return Optional.ofNullable(ceiling); }
    public BigDecimal surchargePercent() { return surchargePercent; }

    /**
     * The tax for the accommodation's classification. A fixed amount is the amount for that
     * classification; the percentage rule applies to unclassified rentals only (as the law says).
     */
    public TouristTax toPricing(String commune, Classification classification) {
        Objects.requireNonNull(classification, "classification is required");
        Optional<Percentage> surcharge = surchargePercent.signum() == 0
                ? Optional.empty() : Optional.of(new Percentage(surchargePercent));
        return mode == TouristTax.Mode.FIXED_PER_ADULT_NIGHT
                ? new TouristTax(commune, Map.of(classification, Money.of(amount)), Optional.empty(), surcharge)
                : new TouristTax(commune, Map.of(), Optional.of(new TouristTax.UnclassifiedPercent(
                        new Percentage(percent), Money.of(ceiling))), surcharge);
    }
}
