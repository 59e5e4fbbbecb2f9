package org.sejour.application.booking;

import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.TermsAcceptance;

import java.util.Objects;

/**
 * A booking: the stay asked for, who the guest is, where it comes from, whether it is confirmed
 * at once, and the owner's terms the guest accepted (null where nobody accepts them online,
 * as for a phone booking the owner types).
 */
public record BookingCommand(StayRequest stay, Guest guest, Origin origin, String originSite, boolean confirmed,
                             TermsAcceptance termsAccepted) {

    public BookingCommand {
        Objects.requireNonNull(stay, "stay is required");
        Objects.requireNonNull(guest, "guest is required");
        Objects.requireNonNull(origin, "origin is required");
    }

    /** A booking without online acceptance of the terms. */
    public BookingCommand(StayRequest stay, Guest guest, Origin origin, String originSite, boolean confirmed) {
        this(stay, guest, origin, originSite, confirmed, null);
    }

    /**
     * The request an idempotency key stands for. The acceptance time is left out: a retry accepts
     * again a moment later and is still the same request; the version is in.
     */
    String canonical() {
        return stay.canonical() + "|" + guest.lastName() + "|" + guest.firstName() + "|" + guest.email() + "|"
                + origin + "|" + originSite + "|" + confirmed
                + (termsAccepted == null ? "" : "|" + termsAccepted.version());
    }
}
