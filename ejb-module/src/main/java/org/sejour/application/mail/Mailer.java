package org.sejour.application.mail;

/** Hands messages to the SMTP server. */
public interface Mailer {

    /**
     * Sends the message, or throws: {@link MailDeliveryException#permanent()} tells a refusal
     * that trying again cannot cure (5xx reply, rejected address) from a temporary failure.
     */
    void send(OutgoingMessage message) throws MailDeliveryException;
}
