package org.sejour.application.booking;

import org.sejour.domain.model.dossier.Repricing;

import java.util.List;
import java.util.Objects;

/**
 * A change of a booking: the stays it now asks for (dates, nights, accommodations, persons,
 * supplements, code, as a new booking would), what the owner decided for the price, and whether
 * the guest gets the change mail with the new contract.
 */
public record ChangeCommand(List<StayRequest> stays, Repricing.Decision decision, boolean mailGuest) {

    public ChangeCommand {
        stays = BookingCommand.sameNights(stays);
        Objects.requireNonNull(decision, "decision is required");
    }

    /** The first stay, whose nights all the stays share. */
    public StayRequest stay() {
        return stays.get(0);
    }
}
