package org.sejour.application.booking;

import org.sejour.domain.model.dossier.DossierStay;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.TermsAcceptance;
import org.sejour.domain.model.shared.InvalidInputException;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A booking: the stays asked for (one accommodation each, all for the same nights, with the same
 * code and language: several make one dossier, a family renting two gîtes), who the guest is,
 * where it comes from, whether it is confirmed at once, the owner's terms the guest accepted
 * (null where nobody accepts them online, as for a phone booking the owner types), and whether
 * the owner wants the guest's mail sent with it (online bookings always send it; a booking the
 * owner makes sends it only when asked).
 */
public record BookingCommand(List<StayRequest> stays, Guest guest, Origin origin, String originSite,
                             boolean confirmed, TermsAcceptance termsAccepted, boolean mailGuest) {

    public BookingCommand {
        stays = sameNights(stays);
        Objects.requireNonNull(guest, "guest is required");
        Objects.requireNonNull(origin, "origin is required");
        if (mailGuest && guest.email() == null) {
            throw new InvalidInputException("email", "booking.mailGuest.noEmail");
        }
    }

    public BookingCommand(StayRequest stay, Guest guest, Origin origin, String originSite, boolean confirmed,
                          TermsAcceptance termsAccepted, boolean mailGuest) {
        this(List.of(Objects.requireNonNull(stay, "stay is required")), guest, origin, originSite, confirmed,
                termsAccepted, mailGuest);
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
     * The stays of one dossier: at least one, at most {@link DossierStay#MAX_STAYS}, all for the
     * same nights, code and language (the dossier has one arrival and one departure, SPEC §6).
     */
    static List<StayRequest> sameNights(List<StayRequest> stays) {
        List<StayRequest> copy = List.copyOf(Objects.requireNonNull(stays, "stays are required"));
        if (copy.isEmpty()) {
            throw new InvalidInputException("accommodation", "booking.stays.required");
        }
        if (copy.size() > DossierStay.MAX_STAYS) {
            throw new InvalidInputException("accommodation", "booking.stays.tooMany");
        }
        StayRequest first = copy.get(0);
        for (StayRequest stay : copy) {
            if (!stay.stay().equals(first.stay()) || !stay.promoCode().equals(first.promoCode())
                    || stay.language() != first.language()) {
                throw new InvalidInputException("accommodation", "booking.stays.sameNights");
            }
        }
        return copy;
    }

    /** The first stay; for a booking of one accommodation, the stay. */
    public StayRequest stay() {
        return stays.get(0);
    }

    /**
     * The request an idempotency key stands for. The acceptance time is left out: a retry accepts
     * again a moment later and is still the same request; the version is in.
     */
    String canonical() {
        // one stay reads as before stays could be several, so the hashes stored then still match
        String asked = stays.stream().map(StayRequest::canonical).collect(Collectors.joining("+"));
        // the mail flag only when asked, for the same reason
        return asked + "|" + guest.lastName() + "|" + guest.firstName() + "|" + guest.email() + "|"
                + origin + "|" + originSite + "|" + confirmed
                + (termsAccepted == null ? "" : "|" + termsAccepted.version()) + (mailGuest ? "|mail" : "");
    }
}
