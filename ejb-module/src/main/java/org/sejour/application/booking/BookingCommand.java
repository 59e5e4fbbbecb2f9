package org.sejour.application.booking;

import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.Origin;

import java.util.Objects;

/** A booking: the stay asked for, who the guest is, where it comes from, and whether it is confirmed at once. */
public record BookingCommand(StayRequest stay, Guest guest, Origin origin, String originSite, boolean confirmed) {

    public BookingCommand {
        Objects.requireNonNull(stay, "stay is required");
        Objects.requireNonNull(guest, "guest is required");
        Objects.requireNonNull(origin, "origin is required");
    }

    String canonical() {
        return stay.canonical() + "|" + guest.lastName() + "|" + guest.firstName() + "|" + guest.email() + "|"
                + origin + "|" + originSite + "|" + confirmed;
    }
}
