package org.sejour.interfaces.backoffice.web;

import org.sejour.domain.model.catalog.DayPeriod;
import org.sejour.domain.model.shared.InvalidInputException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The "du … au …" rows of a form that takes several periods (a rate's periods of application, the
 * stays a promotion or a promo code discounts), as typed, with their add and remove buttons
 * (WEB-INF/includes/period-rows.xhtml); the domain checks them on save.
 */
public class PeriodRows implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<DayRow> rows = new ArrayList<>();

    public static PeriodRows of(List<DayPeriod> periods) {
        PeriodRows rows = new PeriodRows();
        periods.forEach(p -> rows.rows.add(new DayRow(p.firstDay(), p.lastDay(), null)));
        return rows;
    }

    public void add() {
        rows.add(new DayRow());
    }

    public void remove(DayRow row) {
        rows.remove(row);
    }

    /** The periods typed; a row left incomplete or backwards is refused under {@code field}. */
    public List<DayPeriod> periods(String field) {
        List<DayPeriod> periods = new ArrayList<>();
        for (DayRow row : rows) {
            try {
                periods.add(new DayPeriod(row.getFirstDay(), row.getLastDay()));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(field, e.messageKey());
            }
        }
        return periods;
    }

    public List<DayRow> getRows() { return rows; }
    public boolean isEmpty() { return rows.isEmpty(); }
}
