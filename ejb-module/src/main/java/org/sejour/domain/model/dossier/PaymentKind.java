package org.sejour.domain.model.dossier;

public enum PaymentKind {
    DEPOSIT, BALANCE, OTHER
}
