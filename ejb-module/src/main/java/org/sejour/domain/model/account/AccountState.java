package org.sejour.domain.model.account;

import java.util.Optional;
import java.util.UUID;

/**
 * What an account's public answers depend on, read in one statement: whether it is open to
 * guests, and the versions of its catalog (V9) and of its sellable nights (V22). Two equal
 * states mean the same catalog and the same nights, so an answer computed under one still holds.
 *
 * @param nightsVersion empty until the account's nights first change
 */
public record AccountState(long accountId, AccountMode mode, UUID catalogVersion, Optional<UUID> nightsVersion) {

    /** The versions as one opaque value, for caches to compare. */
    public String versions() {
        return catalogVersion + "/" + nightsVersion.map(UUID::toString).orElse("-");
    }
}
