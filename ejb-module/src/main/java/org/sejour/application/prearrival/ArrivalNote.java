package org.sejour.application.prearrival;

import java.io.Serializable;
import java.time.LocalTime;

/** What the arrivals list shows of a dossier's pre-arrival form: received, when they come, how many named. */
public record ArrivalNote(long dossierId, LocalTime arrivalTime, int named, int policeForms)
        implements Serializable {
}
