package org.sejour.domain.model.mail;

/** PENDING until sent or given up; SENT and FAILED are final. */
public enum OutboxStatus {
    PENDING, SENT, FAILED
}
