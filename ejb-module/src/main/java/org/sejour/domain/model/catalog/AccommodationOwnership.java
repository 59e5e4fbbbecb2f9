package org.sejour.domain.model.catalog;

import java.util.Collection;
import java.util.Set;

/** Which accommodation ids of a selection belong to the account (for promotion, code and supplement scopes). */
public interface AccommodationOwnership {

    Set<Long> ownedAmong(long accountId, Collection<Long> accommodationIds);
}
