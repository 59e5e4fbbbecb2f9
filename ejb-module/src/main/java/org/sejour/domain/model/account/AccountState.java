package org.sejour.domain.model.account;

import java.util.Optional;
import java.util.UUID;

/**
 * What an account's public answers depend on, read in one statement: whether it is open to
 * guests, the versions of its catalog (V9) and of its sellable nights (V22), and the website
 * whose pages may read the answers (CORS). Two equal states mean the same catalog and the same
 * nights, so an answer computed under one still holds.
 *
 * @param nightsVersion empty until the account's nights first change
 * @param website       the owner's website as declared in the contact details, if any
 */
public record AccountState(long accountId, AccountMode mode, UUID catalogVersion, Optional<UUID> nightsVersion,
                           Optional<String> website) {

    /** The versions as one opaque value, for caches to compare. */
    public String versions() {
        return catalogVersion + "/" + nightsVersion.map(UUID::toString).orElse("-");
    }
}
