package org.sejour.application.dossier;

import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.PaymentKind;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything the dossier page shows, read in one transaction so the page never loads lazily. */
public record DossierView(long id, int number, Instant createdAt, String createdBy, Origin origin, String originSite,
                          DossierStatus status, String cancelReason, Instant optionExpiresAt, Guest guest,
                          long accommodationId, String accommodation, LocalDate arrival, LocalDate departure,
                          int nights, List<Party> party, List<Line> lines, BigDecimal total, BigDecimal deposit,
                          LocalDate depositDue, LocalDate balanceDueDate, BigDecimal paid, BigDecimal refunded,
                          BigDecimal balance,
                          List<PaymentLine> payments, boolean signedContractReceived, boolean onlinePaymentAllowed,
                          String promoCode, String termsVersion, Instant termsAcceptedAt,
                          List<Event> history) implements Serializable {

    public record Party(String label, int persons) implements Serializable {
    }

    public record Line(String kind, String label, int quantity, BigDecimal amount) implements Serializable {
    }

    public record PaymentLine(PaymentKind kind, LocalDate paidOn, BigDecimal amount, String method,
                              String reference) implements Serializable {
    }

    public record Event(Instant at, String actor, String action, String detail) implements Serializable {
    }

    public int persons() {
        return party.stream().mapToInt(Party::persons).sum();
    }

    public boolean isCancelled() {
        return status == DossierStatus.CANCELLED;
    }
}
