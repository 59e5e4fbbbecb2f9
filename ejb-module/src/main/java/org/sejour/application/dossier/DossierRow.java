package org.sejour.application.dossier;

import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Origin;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** One dossier as the search lists and exports it; amounts in euros, computed by the query. */
public record DossierRow(long id, int number, Instant createdAt, DossierStatus status, String accommodation,
                         LocalDate arrival, LocalDate departure, String guestName, String guestEmail,
                         String guestPhone, int persons, Origin origin, String promoCode, BigDecimal total,
                         BigDecimal paid, BigDecimal balance) implements Serializable {

    public int nights() {
        return (int) ChronoUnit.DAYS.between(arrival, departure);
    }
}
