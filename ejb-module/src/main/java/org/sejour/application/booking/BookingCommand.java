package org.sejour.application.booking;

import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.shared.InvalidInputException;

import java.util.Objects;

/**
 * A booking: the stay asked for, who the guest is, where it comes from, whether it is confirmed
 * at once, and whether the owner wants the guest's mail sent with it (online bookings always
 * send it; a booking the owner makes sends it only when asked).
 */
public record BookingCommand(StayRequest stay, Guest guest, Origin origin, String originSite, boolean confirmed,
                             boolean mailGuest) {

    public BookingCommand {
        Objects.requireNonNull(stay, "stay is required");
        Objects.requireNonNull(guest, "guest is required");
        Objects.requireNonNull(origin, "origin is required");
        if (mailGuest && guest.email() == null) {
            throw new InvalidInputException("email", "booking.mailGuest.noEmail");
        }
    }

    /** A booking that sends the guest only what its origin sends by itself. */
    public BookingCommand(StayRequest stay, Guest guest, Origin origin, String originSite, boolean confirmed) {
        this(stay, guest, origin, originSite, confirmed, false);
    }

    String canonical() {
        // the mail flag only when asked, so the hashes stored before it existed still match
        return stay.canonical() + "|" + guest.lastName() + "|" + guest.firstName() + "|" + guest.email() + "|"
                + origin + "|" + originSite + "|" + confirmed + (mailGuest ? "|mail" : "");
    }
}
