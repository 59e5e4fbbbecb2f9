package org.sejour.domain.model.accommodation;

import java.util.List;
import java.util.Optional;

/** Every method takes the owner's account: an accommodation is only ever read within it. */
public interface AccommodationRepository {

    Accommodation store(Accommodation accommodation);

    Optional<Accommodation> find(long accountId, long accommodationId);

    List<Accommodation> ofAccount(long accountId);

    void remove(Accommodation accommodation);

    /** Writes a photo just added to a (managed) accommodation, so that it has its id. */
    AccommodationPhoto storePhoto(AccommodationPhoto photo);

    /** The photo with that id if its accommodation belongs to the account. */
    Optional<AccommodationPhoto> findPhoto(long accountId, long photoId);
}
