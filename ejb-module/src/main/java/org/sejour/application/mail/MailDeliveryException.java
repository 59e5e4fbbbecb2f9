package org.sejour.application.mail;

/** A message the SMTP server did not take; checked, so the sender must decide what it means. */
public class MailDeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    public MailDeliveryException(boolean permanent, String detail, Throwable cause) {
        super(detail, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
