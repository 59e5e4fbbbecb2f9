package org.sejour.application.booking;

import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.TermsAcceptance;
import org.sejour.domain.model.shared.InvalidInputException;

import java.util.Objects;

/**
 * A booking: the stay asked for, who the guest is, where it comes from, whether it is confirmed
 * at once, the owner's terms the guest accepted (null where nobody accepts them online, as for a
 * phone booking the owner types), and whether the owner wants the guest's mail sent with it
 * (online bookings always send it; a booking the owner makes sends it only when asked).
 */
public record BookingCommand(StayRequest stay, Guest guest, Origin origin, String originSite, boolean confirmed,
                             TermsAcceptance termsAccepted, boolean mailGuest) {

    public BookingCommand {
        Objects.requireNonNull(stay, "stay is required");
        Objects.requireNonNull(guest, "guest is required");
        Objects.requireNonNull(origin, "origin is required");
        if (mailGuest && guest.email() == null) {
            throw new InvalidInputException("email", "booking.mailGuest.noEmail");
        }
    }

    /** A booking without online acceptance of the terms, sending the guest only what its origin sends by itself. */
    public BookingCommand(StayRequest stay, Guest guest, Origin origin, String originSite, boolean confirmed) {
        this(stay, guest, origin, originSite, confirmed, null, false);
    }

    /** An online booking: the guest accepted these terms. */
    public BookingCommand(StayRequest stay, Guest guest, Origin origin, String originSite, boolean confirmed,
                          TermsAcceptance termsAccepted) {
        this(stay, guest, origin, originSite, confirmed, termsAccepted, false);
    }

    /** A booking the owner makes, with the guest's mail sent only when asked. */
    public BookingCommand(StayRequest stay, Guest guest, Origin origin, String originSite, boolean confirmed,
                          boolean mailGuest) {
        this(stay, guest, origin, originSite, confirmed, null, mailGuest);
    }

    /**
     * The request an idempotency key stands for. The acceptance time is left out: a retry accepts
     * again a moment later and is still the same request; the version is in.
     */
    String canonical() {
        // the mail flag only when asked, so the hashes stored before it existed still match
        return stay.canonical() + "|" + guest.lastName() + "|" + guest.firstName() + "|" + guest.email() + "|"
                + origin + "|" + originSite + "|" + confirmed
                + (termsAccepted == null ? "" : "|" + termsAccepted.version()) + (mailGuest ? "|mail" : "");
    }
}
