package org.sejour.interfaces.backoffice.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The failures as SmtpFailures.describe and MailDelivery write them, sorted into what the owner can do. */
class MailErrorTextsTest {

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
            "550 SMTPAddressFailedException: 550 5.1.1 address rejected => REFUSED",
            "SendFailedException: Invalid Addresses | 553 SMTPAddressFailedException: 553 no => REFUSED",
            "451 SMTPSendFailedException: 451 4.3.0 try again later => DEFERRED",
            "MailConnectException: Couldn't connect to host, port: localhost, 25; timeout -1 => UNREACHABLE",
            "MessagingException: x | SocketTimeoutException: Read timed out => UNREACHABLE",
            "cannot be composed: java.lang.IllegalStateException: no photo => COMPOSE",
            "AuthenticationFailedException: failed to connect, no password specified? => OTHER",
    })
    void sortsTheFailure(String stored, MailErrorTexts.Kind kind) {
        assertEquals(kind, MailErrorTexts.kind(stored));
    }
}
