package org.sejour.domain.model.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.sejour.domain.model.shared.DateRange;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An inclusive period of days as the owner types it ("du 01/05/2019 au 01/06/2019"), stored as
 * first_day/last_day by rate_period, promotion_period and promo_code_period. One embeddable for
 * the three tables rather than a RatePeriod and two copies: the rows and the rule are the same.
 */
@Embeddable
public class DayPeriod implements Serializable, Rules.HasFirstDay {

    private static final long serialVersionUID = 1L;

    @Column(name = "first_day", nullable = false)
    private LocalDate firstDay;
    @Column(name = "last_day", nullable = false)
    private LocalDate lastDay;

    protected DayPeriod() {
        // JPA
    }

    public DayPeriod(LocalDate firstDay, LocalDate lastDay) {
        Rules.order(firstDay, lastDay, "periods", "period");
        this.firstDay = firstDay;
        this.lastDay = lastDay;
    }

    public static DayPeriod of(String firstDay, String lastDay) {
        return new DayPeriod(LocalDate.parse(firstDay), LocalDate.parse(lastDay));
    }

    @Override
    public LocalDate firstDay() { return firstDay; }
    public LocalDate lastDay() { return lastDay; }

    public DateRange toDateRange() {
        return DateRange.of(firstDay, lastDay);
    }

    public boolean overlaps(LocalDate first, LocalDate last) {
        return !firstDay.isAfter(last) && !lastDay.isBefore(first);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DayPeriod other && firstDay.equals(other.firstDay) && lastDay.equals(other.lastDay);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstDay, lastDay);
    }

    @Override
    public String toString() {
        return firstDay + " … " + lastDay;
    }
}
