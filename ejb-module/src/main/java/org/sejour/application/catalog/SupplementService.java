package org.sejour.application.catalog;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.access.Requires;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.catalog.CatalogSupplement;
import org.sejour.domain.model.catalog.SupplementRepository;
import org.sejour.domain.model.catalog.SupplementText;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.NotFoundException;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Supplements: booking fee, cleaning, baby bed… */
@Stateless
public class SupplementService {

    @Inject
    CatalogAccess access;
    @Inject
    SupplementRepository supplements;

    /** The settings of a supplement as the owner's form sends them; no accommodation ids for all. */
    public record Definition(boolean mandatory, Map<Language, SupplementText> texts, CatalogSupplement.Price price,
                             boolean depositApplies, int maxQuantity, Set<Long> accommodationIds, int position) {
    }

    @Requires(Permission.MANAGE_SETTINGS)
    public CatalogSupplement create(long accountId, @NotNull Definition d) {
        access.selection(accountId, d.accommodationIds());
        return supplements.store(new CatalogSupplement(accountId, d.mandatory(), d.texts(), d.price(),
                d.depositApplies(), d.maxQuantity(), d.accommodationIds(), d.position()));
    }

    @Requires(Permission.MANAGE_SETTINGS)
    public CatalogSupplement update(long accountId, long supplementId, @NotNull Definition d) {
        CatalogSupplement supplement = get(accountId, supplementId);
        access.selection(accountId, d.accommodationIds());
        supplement.redefine(d.mandatory(), d.texts(), d.price(), d.depositApplies(), d.maxQuantity(),
                d.accommodationIds(), d.position());
        return supplement;
    }

    public CatalogSupplement get(long accountId, long supplementId) {
        return supplements.find(accountId, supplementId)
                .orElseThrow(() -> new NotFoundException("supplement", supplementId));
    }

    public List<CatalogSupplement> list(long accountId) {
        return supplements.ofAccount(accountId);
    }

    @Requires(Permission.MANAGE_SETTINGS)
    public void delete(long accountId, long supplementId) {
        supplements.remove(get(accountId, supplementId));
    }
}
