package org.sejour.application.payment;

/**
 * Seals the owners' payment secrets before they reach the database, and opens them when a
 * payment needs them. The key is not in the database (docs/payments.md).
 */
public interface SecretBox {

    /** False when the server was given no key: owners then cannot save secrets. */
    boolean available();

    /**
     * Seals {@code secret}; {@code context} (an account and a field) is bound to the result, so
     * that a sealed value copied to another account or field does not open.
     */
    byte[] seal(String secret, String context);

    /** Opens what {@link #seal} sealed with the same context; throws when it was tampered with. */
    String open(byte[] sealed, String context);
}
