package org.sejour.application.dossier;

import org.sejour.domain.model.dossier.DossierAmounts;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Origin;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One dossier as the search lists and exports it; amounts in euros, each the dossier's own
 * ({@link DossierAmounts}, built by {@link #of}): {@code total}; {@code deposit}; {@code balance} =
 * total − deposit; {@code paid}; {@code refunded}; {@code owed} = what is left to pay;
 * {@code toRefund} = what was paid above the total and not given back.
 */
public record DossierRow(long id, int number, Instant createdAt, DossierStatus status, String accommodation,
                         LocalDate arrival, LocalDate departure, String guestName, String guestEmail,
                         String guestPhone, int persons, Origin origin, String promoCode, BigDecimal total,
                         BigDecimal deposit, BigDecimal balance, BigDecimal paid, BigDecimal refunded,
                         BigDecimal owed, BigDecimal toRefund) implements Serializable {

    /** A row whose amounts are {@code amounts}' (the query reads total, deposit, paid and refunded). */
    static DossierRow of(long id, int number, Instant createdAt, DossierStatus status, String accommodation,
                         LocalDate arrival, LocalDate departure, String guestName, String guestEmail,
                         String guestPhone, int persons, Origin origin, String promoCode, DossierAmounts amounts) {
        return new DossierRow(id, number, createdAt, status, accommodation, arrival, departure, guestName, guestEmail,
                guestPhone, persons, origin, promoCode, amounts.total().amount(), amounts.deposit().amount(),
                amounts.balance().amount(), amounts.paid().amount(), amounts.refunded().amount(),
                amounts.owed().amount(), amounts.toRefund().amount());
    }

    public int nights() {
        return (int) ChronoUnit.DAYS.between(arrival, departure);
    }
}
