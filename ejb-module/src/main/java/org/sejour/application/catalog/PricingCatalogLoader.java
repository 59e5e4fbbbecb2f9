package org.sejour.application.catalog;

/**
 * Reads an accommodation's pricing configuration from the database, scoped to its owner's
 * account. Throws {@link org.sejour.domain.model.shared.NotFoundException} for an
 * accommodation of another account.
 */
public interface PricingCatalogLoader {

    PricingInputs load(long accountId, long accommodationId);

    /**
     * The pricing inputs of every accommodation of the account, read with a fixed number of
     * queries whatever their number (the availability search prices them all).
     */
    java.util.Map<Long, PricingInputs> loadAll(long accountId);
}
