package org.sejour.domain.model.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.sejour.domain.model.pricing.SupplementPrice;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** The price of a supplement for arrivals within a period (a supplement_period row). */
@Embeddable
public class SupplementPeriod implements Serializable, Rules.HasFirstDay {

    private static final long serialVersionUID = 1L;

    @Column(name = "first_day", nullable = false)
    private LocalDate firstDay;
    @Column(name = "last_day", nullable = false)
    private LocalDate lastDay;
    @Column(name = "amount", nullable = false)
    private BigDecimal amount;

    protected SupplementPeriod() {
        // JPA
    }

    public SupplementPeriod(LocalDate firstDay, LocalDate lastDay, BigDecimal amount) {
        Rules.order(firstDay, lastDay, "periods", "period");
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.amount = Rules.amount(amount, "periods", "supplement.amount.invalid");
    }

    @Override
    public LocalDate firstDay() { return firstDay; }
    public LocalDate lastDay() { return lastDay; }
    public BigDecimal amount() { return amount; }

    SupplementPrice.PeriodPrice toPricing() {
        return new SupplementPrice.PeriodPrice(new DayPeriod(firstDay, lastDay).toDateRange(), amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SupplementPeriod other && firstDay.equals(other.firstDay)
                && lastDay.equals(other.lastDay) && amount.compareTo(other.amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstDay, lastDay);
    }
}
