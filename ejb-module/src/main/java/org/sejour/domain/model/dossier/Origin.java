package org.sejour.domain.model.dossier;

/** Where a booking came from: the owner's site or widget, the phone, a channel, or a booking test. */
public enum Origin {
    BOOKING_SITE, WIDGET, PHONE, CHANNEL, TEST
}
