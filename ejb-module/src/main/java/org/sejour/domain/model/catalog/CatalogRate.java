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
import org.sejour.domain.model.pricing.Rate;
import org.sejour.domain.model.pricing.RateDiscount;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.Percentage;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A rate (tarif) as the owner enters it: the price of a whole stay of {@code nights} nights
 * arriving on one of the allowed weekdays during one of its periods, with an optional remise.
 */
@Entity
@Table(name = "rate")
public class CatalogRate implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int MAX_NIGHTS = 90;

    /** The remise of a rate: an amount off or a percentage off the price. */
    public record Discount(DiscountKind kind, BigDecimal value) {
        public Discount {
            Rules.required(kind, "discountKind", "rate.discount.kind.required");
            Rules.required(value, "discountValue", "rate.discount.value.required");
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;
    @Column(name = "accommodation_id", nullable = false, updatable = false)
    private long accommodationId;

    @ElementCollection
    @CollectionTable(name = "rate_period", joinColumns = @JoinColumn(name = "rate_id"))
    @OrderBy("firstDay")
    private List<DayPeriod> periods = new ArrayList<>();

    @Column(name = "nights", nullable = false)
    private int nights;
    @Column(name = "arrival_days", nullable = false)
    private short arrivalDays;
    @Column(name = "price", nullable = false)
    private BigDecimal price;
    @Enumerated(EnumType.STRING)
    @Column(name = "discount_kind")
    private DiscountKind discountKind;
    @Column(name = "discount_value")
    private BigDecimal discountValue;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected CatalogRate() {
        // JPA
    }

    public CatalogRate(long accountId, long accommodationId, List<DayPeriod> periods, int nights,
                       Set<DayOfWeek> arrivalDays, BigDecimal price, Optional<Discount> discount, Instant createdAt) {
        this.accountId = accountId;
        this.accommodationId = accommodationId;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt is required");
        redefine(periods, nights, arrivalDays, price, discount);
    }

    /**
     * Everything the owner enters, as a whole: periods, length, weekdays, price and remise. Dossiers
     * already booked keep their frozen price; quotes, bookings and changes of bookings are priced by
     * the rate as it now is.
     */
    public void redefine(List<DayPeriod> periods, int nights, Set<DayOfWeek> arrivalDays, BigDecimal price,
                         Optional<Discount> discount) {
        List<DayPeriod> checkedPeriods = new ArrayList<>(Rules.distinctFirstDays(periods, "periods", "rate.periods"));
        if (checkedPeriods.isEmpty()) {
            throw new InvalidInputException("periods", "rate.periods.required");
        }
        int checkedNights = Rules.between(nights, 1, MAX_NIGHTS, "nights", "rate.nights.range");
        if (arrivalDays == null || arrivalDays.isEmpty()) {
            throw new InvalidInputException("arrivalDays", "rate.arrivalDays.required");
        }
        reprice(price, discount);
        this.periods = checkedPeriods;
        this.nights = checkedNights;
        this.arrivalDays = (short) Weekdays.toMask(arrivalDays);
    }

    /** A new price and remise for the same periods, length and weekdays. */
    public void reprice(BigDecimal price, Optional<Discount> discount) {
        BigDecimal checkedPrice = Rules.amount(price, "price", "rate.price.invalid");
        Optional<Discount> checked = Objects.requireNonNull(discount, "discount is required (Optional.empty() for none)");
        checked.ifPresent(d -> {
            if (d.value().signum() <= 0 || d.value().stripTrailingZeros().scale() > 2) {
                throw new InvalidInputException("discountValue", "rate.discount.positive");
            }
            if (d.kind() == DiscountKind.PERCENT && d.value().compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new InvalidInputException("discountValue", "rate.discount.percentRange");
            }
            if (d.kind() == DiscountKind.AMOUNT && d.value().compareTo(checkedPrice) > 0) {
                throw new InvalidInputException("discountValue", "rate.discount.abovePrice");
            }
        });
        this.price = checkedPrice;
        this.discountKind = checked.map(Discount::kind).orElse(null);
        this.discountValue = checked.map(Discount::value).orElse(null);
    }

    public Long id() { return id; }
    public long accountId() { return accountId; }
    public long accommodationId() { return accommodationId; }
    public int nights() { return nights; }
    public BigDecimal price() { return price; }
    public Instant createdAt() { return createdAt; }

    public List<DayPeriod> periods() {
        return List.copyOf(periods);
    }

    public Set<DayOfWeek> arrivalDays() {
        return Weekdays.fromMask(arrivalDays);
    }

    public Optional<Discount> discount() {
        return discountKind == null ? Optional.empty() : Optional.of(new Discount(discountKind, discountValue));
    }

    /** True if one of its periods shares a day with {@code first … last}. */
    public boolean appliesWithin(LocalDate first, LocalDate last) {
        return periods.stream().anyMatch(p -> p.overlaps(first, last));
    }

    public Rate toPricing() {
        Optional<RateDiscount> pricingDiscount = discount().map(d -> d.kind() == DiscountKind.AMOUNT
                ? new RateDiscount.AmountOff(Money.of(d.value()))
                : new RateDiscount.PercentOff(new Percentage(d.value())));
        return new Rate(accommodationId, periods.stream().map(DayPeriod::toDateRange).toList(), nights,
                arrivalDays(), Money.of(price), pricingDiscount);
    }
}
