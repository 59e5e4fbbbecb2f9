package org.sejour.application.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.AccommodationRepository;
import org.sejour.domain.model.catalog.AccommodationOwnership;
import org.sejour.domain.model.shared.NotFoundException;

import java.util.Set;

/**
 * The ownership checks every catalog service starts with: another owner's accommodation is
 * reported exactly like one that does not exist.
 */
@ApplicationScoped
class CatalogAccess {

    @Inject
    AccommodationRepository accommodations;
    @Inject
    AccommodationOwnership ownership;

    Accommodation accommodation(long accountId, long accommodationId) {
        return accommodations.find(accountId, accommodationId)
                .orElseThrow(() -> new NotFoundException("accommodation", accommodationId));
    }

    /** An empty selection means all accommodations; otherwise each id must be the owner's. */
    Set<Long> selection(long accountId, Set<Long> accommodationIds) {
        if (accommodationIds == null) {
            return null; // the entity refuses it with its own field and message
        }
        Set<Long> owned = ownership.ownedAmong(accountId, accommodationIds);
        accommodationIds.stream().filter(id -> !owned.contains(id)).findFirst().ifPresent(id -> {
            throw new NotFoundException("accommodation", id);
        });
        return accommodationIds;
    }
}
