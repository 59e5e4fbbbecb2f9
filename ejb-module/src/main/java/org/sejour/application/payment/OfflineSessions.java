package org.sejour.application.payment;

import org.sejour.domain.model.shared.Money;

import java.net.URI;
import java.util.Optional;

/** The offline demo provider's own book of hosted sessions (a port: its adapter keeps them in a table). */
public interface OfflineSessions {

    /** What the hosted page shows of a session, and whether it was already answered. */
    record Session(String id, Money amount, String description, URI returnUrl, Optional<ProviderVerdict> outcome) {
    }

    Optional<Session> find(String session);

    /** The visitor's answer; the first one stands. Answers where to send the visitor back. */
    Optional<URI> answer(String session, ProviderVerdict outcome);
}
