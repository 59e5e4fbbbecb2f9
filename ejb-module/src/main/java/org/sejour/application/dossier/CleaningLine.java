package org.sejour.application.dossier;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One line of the housekeeping list: a stay arriving or leaving on {@code day}, with what to prepare
 * (persons, nights, dates) and nothing else: no amounts, no guest contact.
 */
public record CleaningLine(LocalDate day, DossierQueries.Movement movement, int dossierNumber, String accommodation,
                           LocalDate arrival, LocalDate departure, int persons) implements Serializable {
}
