package org.sejour.domain.model.mail;

/**
 * PENDING until sent, given up or found moot; SENT, FAILED and DROPPED are final. DROPPED: not
 * sent because, by the time it could go out, it had nothing left to say (a payment reminder of
 * a dossier paid or cancelled meanwhile).
 */
public enum OutboxStatus {
    PENDING, SENT, FAILED, DROPPED
}
