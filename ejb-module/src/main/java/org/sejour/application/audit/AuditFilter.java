package org.sejour.application.audit;

import org.sejour.domain.model.shared.InvalidInputException;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What the owner narrows the audit trail to; every part optional, a period ending before it starts
 * refused. Days are French calendar days.
 *
 * @param userId one person's changes (an owner, staff member or the operator)
 * @param from   first day, included
 * @param to     last day, included
 */
public record AuditFilter(AuditSubject subject, Long userId, LocalDate from, LocalDate to) implements Serializable {

    public AuditFilter {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "audit.period.reversed");
        }
    }

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null);
}
