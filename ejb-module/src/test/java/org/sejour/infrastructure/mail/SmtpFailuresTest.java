package org.sejour.infrastructure.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmtpFailuresTest {

    /** Shaped like the SMTP provider's exceptions, which carry the server's reply code. */
    static class ReplyException extends MessagingException {
        private final int code;

        ReplyException(int code, String text) {
            super(code + " " + text);
            this.code = code;
        }

        public int getReturnCode() {
            return code;
        }
    }

    @Test
    void anAddressRejectedWith550IsPermanent() throws Exception {
        SendFailedException failure = new SendFailedException("Invalid Addresses",
                new ReplyException(550, "5.1.1 address rejected"), new Address[0], new Address[0],
                new Address[]{new InternetAddress("nobody@example.test")});
        assertTrue(SmtpFailures.isPermanent(failure));
        assertTrue(SmtpFailures.describe(failure).contains("550"), SmtpFailures.describe(failure));
    }

    @Test
    void aServerThatCannotBeReachedIsTemporary() {
        assertFalse(SmtpFailures.isPermanent(new MessagingException("Couldn't connect to host",
                new ConnectException("Connection refused"))));
    }

    @Test
    void aFourHundredReplyIsTemporaryEvenWithRefusedAddresses() throws Exception {
        assertFalse(SmtpFailures.isPermanent(new SendFailedException("greylisted",
                new ReplyException(451, "4.7.1 try again later"), new Address[0], new Address[0],
                new Address[]{new InternetAddress("guest@example.test")})));
    }
}
