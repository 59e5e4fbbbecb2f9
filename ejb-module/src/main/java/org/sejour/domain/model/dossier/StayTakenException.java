package org.sejour.domain.model.dossier;

import org.sejour.domain.model.shared.SejourException;

import java.time.LocalDate;
import java.util.List;

/**
 * The stay was bookable when quoted but another booking took its last unit first (HTTP 409), on
 * the nights named; {@code byChannel} when an imported calendar's event holds them (sold on
 * another platform), which the guest and the owner are told in other words.
 */
public class StayTakenException extends SejourException {

    private static final long serialVersionUID = 1L;

    private final List<LocalDate> nights;
    private final boolean byChannel;

    public StayTakenException() {
        this(List.of(), false);
    }

    public StayTakenException(List<LocalDate> nights, boolean byChannel) {
        super(byChannel ? "booking.closedByChannel" : "booking.stayTaken");
        this.nights = List.copyOf(nights);
        this.byChannel = byChannel;
    }

    /** The nights that had no unit left (empty when not known). */
    public List<LocalDate> nights() {
        return nights;
    }

    public boolean byChannel() {
        return byChannel;
    }
}
