package org.sejour.domain.model.payment;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface DepositHoldRepository {

    DepositHold store(DepositHold hold);

    /** Stores {@code renewed} once {@code replaced} (no longer placed) is written: one placed hold per dossier. */
    DepositHold replace(DepositHold replaced, DepositHold renewed);

    /** The dossier's holds, newest first. */
    List<DepositHold> ofDossier(long accountId, long dossierId);

    /** The newest hold of each of these dossiers of the account. */
    List<DepositHold> latestOf(long accountId, Collection<Long> dossierIds);

    /** The dossier's hold still placed, locked for the transaction. */
    Optional<DepositHold> lockPlaced(long accountId, long dossierId);

    /**
     * Confirmed dossiers of accounts that ask for holds, arriving from {@code today} to within
     * their owner's days, with a payment Stripe took and no hold yet: as (account, dossier) pairs.
     */
    List<long[]> dueForHold(LocalDate today);

    /** The account's placed holds, as (dossier id, dossier number) pairs. */
    List<long[]> placedOf(long accountId);

    /** Placed holds whose dossier left before {@code today} (to release), or placed long enough ago to renew. */
    List<long[]> placedToReleaseOrRenew(LocalDate today);
}
