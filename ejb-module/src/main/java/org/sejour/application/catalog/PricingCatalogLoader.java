package org.sejour.application.catalog;

/**
 * Reads an accommodation's pricing configuration, scoped to its owner's account. Promotions,
 * codes and supplements come as the account's whole lists: the calculator applies only those
 * scoped to the accommodation priced, and can then say why a code does not apply to it.
 * Throws {@link org.sejour.domain.model.shared.NotFoundException} for an accommodation of
 * another account.
 */
public interface PricingCatalogLoader {

    PricingInputs load(long accountId, long accommodationId);

    /**
     * The pricing inputs of every accommodation of the account, read with a fixed number of
     * queries whatever their number (the availability search prices them all).
     */
    java.util.Map<Long, PricingInputs> loadAll(long accountId);

    /**
     * {@link #loadAll(long)} for a caller that has read the account's catalog version itself
     * (the guests' search, from the account's kept state): the inputs kept under that version,
     * or else read now, which are at least as new.
     */
    java.util.Map<Long, PricingInputs> loadAll(long accountId, java.util.UUID catalogVersion);
}
