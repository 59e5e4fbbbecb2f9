package org.sejour.domain.model.document;

/** The owner's texts in the mails sent to guests. */
public enum MailField {
    CONTRACT_INTRO,
    CONTRACT_CLOSING,
    NOTIFICATION_SUBJECT,
    NOTIFICATION_INTRO,
    /** Before the amount and deadline of a deposit or balance reminder, which stay Séjour's. */
    REMINDER_INTRO,
    REMINDER_CLOSING,
    /** Used instead of the footer generated from the contact details when the owner asks for it. */
    FOOTER
}
