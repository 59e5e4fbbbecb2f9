package org.sejour.domain.model.payment;

/** Where a guest's online payment stands; every status but PENDING is final. */
public enum PaymentAttemptStatus {
    PENDING, PAID, FAILED, ABANDONED
}
