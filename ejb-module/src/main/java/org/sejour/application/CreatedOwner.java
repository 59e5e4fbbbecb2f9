package org.sejour.application;

/** A new owner account and the one-time password to hand over; the password is never stored plain. */
public record CreatedOwner(long accountId, int accountNumber, String login, String initialPassword) {
}
