package org.sejour.application.dossier;

import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.pricing.SalesTerms;
import org.sejour.domain.model.pricing.TaxExemption;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the dossier page shows, read in one transaction so the page never loads lazily.
 * The amounts, each with one meaning ({@link org.sejour.domain.model.dossier.DossierAmounts}): {@code total};
 * {@code deposit} (arrhes or acompte, as {@code depositType} says) due by {@code depositDue};
 * {@code balance} = total − deposit, due by {@code balanceDueDate}; {@code paid}, gross (refunds not
 * taken off); {@code refunded}, given back, positive; {@code remaining} = total − paid, what is left
 * to pay (a refund only settles an overpayment, it never makes money due again); {@code toRefund},
 * what was paid above the total and not yet given back.
 */
public record DossierView(long id, int number, Instant createdAt, String createdBy, Origin origin, String originSite,
                          DossierStatus status, String cancelReason, Instant optionExpiresAt, Guest guest,
                          List<Stay> stays, LocalDate arrival, LocalDate departure, int nights, List<Party> party,
                          List<Line> lines, BigDecimal total, BigDecimal deposit, LocalDate depositDue,
                          SalesTerms.DepositType depositType,
                          BigDecimal balance, LocalDate balanceDueDate, BigDecimal paid, BigDecimal refunded,
                          BigDecimal remaining, BigDecimal toRefund, List<PaymentLine> payments,
                          boolean signedContractReceived, boolean onlinePaymentAllowed, String promoCode,
                          int contractVersion, String termsVersion, Instant termsAcceptedAt, List<Event> history)
        implements Serializable {

    /** One accommodation booked, with who stays in it and who of them is exempt from the tourist tax, by reason. */
    public record Stay(int position, long accommodationId, String accommodation, List<Party> party,
                       Map<TaxExemption, Integer> exemptions) implements Serializable {
        public Stay {
            exemptions = Map.copyOf(exemptions);
        }
    }

    public record Party(String label, int persons) implements Serializable {
    }

    /**
     * A price line; {@code stay} is the position of the stay it prices, null for the whole dossier;
     * {@code reference} the supplement a supplement line prices.
     */
    public record Line(String kind, String label, int quantity, BigDecimal amount, Integer stay, Long reference)
            implements Serializable {
    }

    public record PaymentLine(PaymentKind kind, LocalDate paidOn, BigDecimal amount, String method,
                              String reference) implements Serializable {
    }

    public record Event(Instant at, String actor, String action, String detail) implements Serializable {
    }

    public int persons() {
        return party.stream().mapToInt(Party::persons).sum();
    }

    /** What is left to pay, never below zero (a guest who paid more is owed {@link #toRefund()}). */
    public BigDecimal owed() {
        return remaining.max(BigDecimal.ZERO);
    }

    public boolean isCancelled() {
        return status == DossierStatus.CANCELLED;
    }

    /** The first stay's accommodation (the lists show it). */
    public String accommodation() {
        return stays.get(0).accommodation();
    }

    public long accommodationId() {
        return stays.get(0).accommodationId();
    }

    /** The lines of one stay, in order. */
    public List<Line> linesOf(int stay) {
        return lines.stream().filter(l -> l.stay() != null && l.stay() == stay).toList();
    }

    /** The lines of the whole dossier (adjustment, cancellation), in order. */
    public List<Line> dossierLines() {
        return lines.stream().filter(l -> l.stay() == null).toList();
    }
}
