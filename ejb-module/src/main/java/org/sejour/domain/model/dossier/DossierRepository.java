package org.sejour.domain.model.dossier;

import org.sejour.domain.model.shared.StayPeriod;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Dossiers, always read within their account; the stock ledger is the database's night_stock. */
public interface DossierRepository {

    Dossier store(Dossier dossier);

    Optional<Dossier> find(long accountId, long dossierId);

    /**
     * The account's dossiers among these ids (others' are not in it), with what a mail's recap
     * reads (accommodation, party, payments) loaded for all of them at once, not per dossier.
     */
    List<Dossier> findForMails(long accountId, Collection<Long> dossierIds);

    Optional<Dossier> findByIdempotencyKey(long accountId, String key);

    /** The dossier a guest follows through its secret link, whatever its account. */
    Optional<Dossier> findByGuestToken(String guestToken);

    /** The account's next dossier number; takes no lock, so a rolled-back booking leaves a gap. */
    int nextNumber(long accountId);

    /**
     * Takes one unit of each night of the stay. Answers the nights that had no unit left: when
     * there are any, what was taken must not survive the transaction (the caller throws).
     */
    List<java.time.LocalDate> takeNights(long accommodationId, boolean stockManaged, StayPeriod stay);

    /** Those of {@code nights} on which an imported calendar's event holds a unit of the accommodation. */
    List<java.time.LocalDate> heldByChannels(long accommodationId, Collection<java.time.LocalDate> nights);

    void releaseNights(long accommodationId, StayPeriod stay);

    /** Gives the nights of each of the dossier's stays back to the stock. */
    default void releaseNights(Dossier dossier) {
        for (DossierStay stay : dossier.stays()) {
            releaseNights(stay.accommodation().id(), dossier.stay());
        }
    }

    /**
     * What each night from {@code first} (inclusive) to {@code end} (exclusive) has left to
     * sell, and whether a sales ban closes it, read in one query (one unit without stock
     * management).
     */
    org.sejour.domain.model.pricing.NightAvailability availability(long accommodationId, java.time.LocalDate first,
                                                                   java.time.LocalDate end);

    /** {@link #availability} for every accommodation of the account, in one query. */
    java.util.Map<Long, org.sejour.domain.model.pricing.NightAvailability> availabilityOfAccount(
            long accountId, java.time.LocalDate first, java.time.LocalDate end);

    /**
     * {@link #availability} for those accommodations of the account, in one query; ids of
     * another account are left out.
     */
    java.util.Map<Long, org.sejour.domain.model.pricing.NightAvailability> availabilityOf(
            long accountId, Collection<Long> accommodationIds, java.time.LocalDate first, java.time.LocalDate end);

    /**
     * The nights version of each accommodation of the account whose nights changed since
     * versions were kept (V56); an accommodation left out has the version "never changed". Read
     * before the nights it stands for, so that what is kept under it is at least as new.
     */
    java.util.Map<Long, java.util.UUID> nightsVersions(long accountId);

    /** Spends one use of a promo code; false when it is single-use and already spent. */
    boolean spendPromoCode(long promoCodeId);

    /** Gives back the use a dossier spent, as if it had never been booked; a single-use code is new again. */
    void givePromoCodeBack(long promoCodeId);

    Optional<Long> promoCodeId(long accountId, String code);

    /** The code of a promo code, as it is stored (upper case). */
    Optional<String> promoCode(long promoCodeId);

    /** The account's dossier holding the payment a provider knows by {@code providerReference}. */
    Optional<Long> dossierOfProviderPayment(long accountId, String providerReference);

    /** The account's most recently created dossier. */
    Optional<Long> latestId(long accountId);

    /**
     * The dossier, its row locked for the rest of the transaction and its state read afresh
     * (not from a cache): for the jobs, which decide on what they read.
     */
    Optional<Dossier> lock(long dossierId);

    /** A dossier this transaction has {@link #lock locked} already: as read then, without a second read. */
    Optional<Dossier> locked(long dossierId);

    /**
     * Ids of options whose deadline is before {@code asOf}, above {@code afterId}, in id order;
     * only the given owner's when {@code accountId} is given.
     */
    List<Long> expiredOptionIds(Instant asOf, Long accountId, long afterId, int max);

    /** The account's dossiers of one origin, newest first (the booking tests page lists its TEST ones). */
    List<Dossier> ofOrigin(long accountId, Origin origin, int max);

    /**
     * The account's dossiers whose guests leave between {@code from} and {@code to} (both
     * included), cancelled ones and test bookings left out, in departure then number order: the
     * stays of a tourist-tax register.
     */
    List<Dossier> departingBetween(long accountId, LocalDate from, LocalDate to);

    /** Deletes a dossier with its lines, payments and history (test bookings only are ever deleted). */
    void remove(Dossier dossier);
}
