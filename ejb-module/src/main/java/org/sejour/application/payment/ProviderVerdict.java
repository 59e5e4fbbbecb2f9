package org.sejour.application.payment;

/** What a provider says of a session. */
public enum ProviderVerdict {
    /** the guest has not finished (or the provider has not decided yet) */
    PENDING,
    SUCCEEDED,
    FAILED,
    /** the guest left the payment page without paying */
    ABANDONED
}
