package org.sejour.domain.model.dossier;

import org.sejour.domain.model.pricing.Refusal;
import org.sejour.domain.model.shared.SejourException;

import java.util.List;

/** The stay cannot be booked, for the reasons given (no rate, lead time, capacity…). */
public class NotBookableException extends SejourException {

    private static final long serialVersionUID = 1L;

    private final transient List<Refusal> refusals;

    public NotBookableException(List<Refusal> refusals) {
        super("booking.notBookable", refusals.isEmpty() ? "" : refusals.get(0).reason().name());
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }
}
