package org.sejour.application.dossier;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A guest arriving or leaving on {@code day}: one line of the arrivals or departures list, with
 * what is left to pay ({@code owed}, the dossier's own: DossierAmounts.owed).
 */
public record MovementRow(long dossierId, int number, LocalDate day, String guestName, String guestPhone,
                          String accommodation, int nights, int persons, BigDecimal owed)
        implements Serializable {
}
