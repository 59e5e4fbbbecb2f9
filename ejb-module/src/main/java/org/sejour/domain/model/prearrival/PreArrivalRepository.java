package org.sejour.domain.model.prearrival;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The pre-arrival forms, one per dossier, each owner's apart. */
public interface PreArrivalRepository {

    PreArrivalForm store(PreArrivalForm form);

    /** The form of the owner's dossier; empty for none, and for another owner's dossier. */
    Optional<PreArrivalForm> ofDossier(long accountId, long dossierId);

    /** The forms of these dossiers of the owner's (another owner's are left out). */
    List<PreArrivalForm> ofDossiers(long accountId, Collection<Long> dossierIds);

    /**
     * Erases the police fields of the guests whose stay ended before {@code departedBefore},
     * noting {@code today}; answers how many guests' fields were erased.
     */
    int erasePoliceFields(LocalDate departedBefore, LocalDate today);
}
