package org.sejour.application.prearrival;

import org.sejour.domain.model.prearrival.PreArrivalForm;
import org.sejour.domain.model.shared.StayPeriod;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;

/**
 * The pre-arrival form as the guest's booking page shows it: how many persons to name, the
 * owner's arrival hours, whether it can still be changed, and what was sent before (or, the
 * first time, the guest's own name and country to start from). Handed to the request-scoped
 * page only, never kept in a session.
 *
 * @param answers  the answers sent, or empty before the first time
 * @param guest    the first person, as the booking named them (to start the form with)
 */
public record GuestPreArrival(int partySize, StayPeriod stay, Optional<LocalTime> arrivalFrom,
                              Optional<LocalTime> arrivalUntil, boolean editable,
                              Optional<PreArrivalForm.Answers> answers, Optional<Instant> updatedAt,
                              PreArrivalForm.Person guest) {
}
