package org.sejour.domain.model.dossier;

/** option (awaiting the deposit) → confirmed; either → cancelled. */
public enum DossierStatus {
    OPTION, CONFIRMED, CANCELLED
}
