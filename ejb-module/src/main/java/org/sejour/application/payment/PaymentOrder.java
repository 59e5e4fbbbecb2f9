package org.sejour.application.payment;

import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;

import java.net.URI;
import java.util.Objects;

/**
 * What a provider is asked to take: for which owner and dossier, the amount, a description the
 * guest recognises, and the address it sends the guest back to (it carries the attempt's reference).
 */
public record PaymentOrder(long accountId, int dossierNumber, String attemptReference, Money amount,
                           String description, String guestEmail, Language language, URI returnUrl) {

    public PaymentOrder {
        Objects.requireNonNull(attemptReference, "attempt reference is required");
        Objects.requireNonNull(amount, "amount is required");
        Objects.requireNonNull(description, "description is required");
        Objects.requireNonNull(language, "language is required");
        Objects.requireNonNull(returnUrl, "return url is required");
    }
}
