package org.sejour.application.payment;

import org.sejour.domain.model.dossier.DossierAmounts;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.pricing.SalesTerms;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.StayPeriod;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the guest may see of their dossier through its secret token: no owner-only field. Its
 * amounts are the dossier's own ({@link DossierAmounts}), under the words the contract uses.
 */
public record GuestDossier(int number, int accountNumber, DossierStatus status, Origin origin,
                           String accommodationName, StayPeriod stay, String guestName, String guestEmail,
                           String partySummary, List<Line> lines, DossierAmounts amounts,
                           SalesTerms.DepositType depositType, Optional<Due> due, List<Receipt> receipts)
        implements Serializable {

    public Money total() {
        return amounts.total();
    }

    /** A receipt (or, for a refund, a credit note) the guest may download from their booking page. */
    public record Receipt(long id, String printedNumber, LocalDate issuedOn, Money amount, boolean creditNote)
            implements Serializable {
    }

    /** One priced line as frozen in the dossier. */
    public record Line(String kind, String label, int quantity, Money amount) implements Serializable {
    }

    /** What can be paid online now. */
    public record Due(PaymentKind kind, Money amount) implements Serializable {
    }
}
