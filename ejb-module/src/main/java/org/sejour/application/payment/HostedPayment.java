package org.sejour.application.payment;

import java.net.URI;
import java.util.Objects;

/** A session opened at the provider: its id there, and the page the guest pays on. */
public record HostedPayment(String session, URI paymentPage) {

    public HostedPayment {
        Objects.requireNonNull(session, "session is required");
        Objects.requireNonNull(paymentPage, "payment page is required");
    }
}
