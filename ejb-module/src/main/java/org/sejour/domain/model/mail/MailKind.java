package org.sejour.domain.model.mail;

/** Why a mail is sent; the kind decides its text and attachment when it goes out. */
public enum MailKind {
    /** To the guest: the contract PDF with the owner's intro and closing. */
    GUEST_CONTRACT,
    /** To the guest: the owner's subject and intro with a recap of the booking, no attachment. */
    GUEST_NOTIFICATION,
    /** To the owner: a booking came in online. */
    OWNER_NOTIFICATION,
    /** To the owner: an imported calendar event overlaps nights already taken (a channel conflict). */
    CHANNEL_CONFLICT
}
