package org.sejour.application.mail;

/** Hands messages to the SMTP server. */
public interface Mailer {

    /**
     * A connection to the SMTP server for many messages, one after the other: connecting,
     * greeting and quitting for each mail cost more than the mail itself. Not thread-safe:
     * one per sender thread.
     */
    Connection open();

    interface Connection extends AutoCloseable {

        /**
         * Sends the message, or throws: {@link MailDeliveryException#permanent()} tells a refusal
         * that trying again cannot cure (5xx reply, rejected address) from a temporary failure.
         */
        void send(OutgoingMessage message) throws MailDeliveryException;

        /** Quits the SMTP session, if one is open; never throws. */
        @Override
        void close();
    }
}
