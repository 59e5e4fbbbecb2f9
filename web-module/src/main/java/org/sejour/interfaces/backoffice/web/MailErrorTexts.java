package org.sejour.interfaces.backoffice.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.util.regex.Pattern;

/**
 * Why a mail was not delivered, in the owner's words. The outbox keeps the SMTP failure as the
 * mail sender described it for the log ("550 SMTPAddressFailedException: 550 5.1.1 …",
 * "MailConnectException: Couldn't connect to host…"); the back office showed that text as it was.
 * It is sorted here into what the owner can act on (check the address, or wait for the mail
 * server); the text itself stays in the server log (MailDelivery logs each failure).
 */
@Named("mailErrors")
@ApplicationScoped
public class MailErrorTexts {

    enum Kind { REFUSED, DEFERRED, UNREACHABLE, COMPOSE, OTHER }

    private static final Pattern PERMANENT = Pattern.compile("(?:^|\\| )5\\d\\d |Invalid Addresses");
    private static final Pattern TEMPORARY = Pattern.compile("(?:^|\\| )4\\d\\d ");
    private static final Pattern NO_CONNECTION = Pattern.compile(
            "MailConnectException|ConnectException|UnknownHostException|SocketTimeoutException|Couldn't connect");

    public String describe(String lastError) {
        return lastError == null || lastError.isBlank() ? "" : Faces.text("mailLog.error." + kind(lastError).name());
    }

    static Kind kind(String lastError) {
        if (lastError.startsWith("cannot be composed")) {
            return Kind.COMPOSE;
        }
        if (PERMANENT.matcher(lastError).find()) {
            return Kind.REFUSED;
        }
        if (TEMPORARY.matcher(lastError).find()) {
            return Kind.DEFERRED;
        }
        return NO_CONNECTION.matcher(lastError).find() ? Kind.UNREACHABLE : Kind.OTHER;
    }
}
