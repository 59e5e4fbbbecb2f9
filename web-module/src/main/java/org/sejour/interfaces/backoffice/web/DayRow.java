package org.sejour.interfaces.backoffice.web;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One editable "du … au …" row of a settings form (supplement prices by period, stays a
 * promo code allows), kept as typed until the domain checks it on save.
 */
public class DayRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private LocalDate firstDay;
    private LocalDate lastDay;
    private BigDecimal amount;

    public DayRow() {
    }

    public DayRow(LocalDate firstDay, LocalDate lastDay, BigDecimal amount) {
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.amount = amount;
    }

    public LocalDate getFirstDay() { return firstDay; }
    public void setFirstDay(LocalDate firstDay) { this.firstDay = firstDay; }
    public LocalDate getLastDay() { return lastDay; }
    public void setLastDay(LocalDate lastDay) { this.lastDay = lastDay; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
}
