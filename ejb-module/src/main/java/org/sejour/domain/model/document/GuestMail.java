package org.sejour.domain.model.document;

/** What a guest receives when a booking is made: the contract PDF, or a notification with a recap. */
public enum GuestMail {
    CONTRACT, NOTIFICATION
}
