package org.sejour.domain.model.mail;

/** Why a mail is sent; the kind decides its text and attachment when it goes out. */
public enum MailKind {
    /** To the guest: the contract PDF with the owner's intro and closing. */
    GUEST_CONTRACT,
    /** To the guest: the owner's subject and intro with a recap of the booking, no attachment. */
    GUEST_NOTIFICATION,
    /** To the owner: a booking came in online. */
    OWNER_NOTIFICATION,
    /** To the guest: the deposit is due soon, or late (sent by the deposit-reminders job). */
    GUEST_DEPOSIT_REMINDER,
    /** To the guest: the balance is due soon, or late, before arrival (balance-reminders job). */
    GUEST_BALANCE_REMINDER,
    /** To the guest: their option lapsed without a deposit and was cancelled (option-expiry job). */
    GUEST_OPTION_EXPIRED,
    /** To the owner: one of their options lapsed and its nights are for sale again. */
    OWNER_OPTION_EXPIRED,
    /** To the guest: a payment was refunded; its credit note is attached. */
    GUEST_REFUND,
    /** To the owner: an imported calendar event overlaps nights already taken (a channel conflict). */
    CHANNEL_CONFLICT,
    /** To the guest: the owner changed the booking; the new contract attached. */
    GUEST_BOOKING_CHANGED,
    /** To the guest: they cancelled from their booking page; the fee and what is refunded. */
    GUEST_CANCELLED,
    /** To the owner: a guest cancelled from their booking page. */
    OWNER_GUEST_CANCELLED,
    /** To the guest: a message of one of the owner's rules (before arrival, after departure…), in the outbox's language. */
    GUEST_MESSAGE,
    /** To a future member of the owner's staff: the one-time link to choose their password. */
    STAFF_INVITATION
}
