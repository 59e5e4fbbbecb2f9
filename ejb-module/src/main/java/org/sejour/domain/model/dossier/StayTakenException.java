package org.sejour.domain.model.dossier;

import org.sejour.domain.model.shared.SejourException;

/** The stay was bookable when quoted but another booking took its last unit first (HTTP 409). */
public class StayTakenException extends SejourException {

    private static final long serialVersionUID = 1L;

    public StayTakenException() {
        super("booking.stayTaken");
    }
}
