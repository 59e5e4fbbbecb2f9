package org.sejour.application.catalog;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.access.Requires;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.catalog.CatalogPromotion;
import org.sejour.domain.model.catalog.DayPeriod;
import org.sejour.domain.model.catalog.PromotionRepository;
import org.sejour.domain.model.pricing.Promotion;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.TranslatedText;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** Last-minute and early-booking promotions. */
@Stateless
public class PromotionService {

    @Inject
    CatalogAccess access;
    @Inject
    PromotionRepository promotions;

    /**
     * @param labels the owner's label in any languages, or none; @param accommodationIds empty for
     * all; @param stays empty for all stays
     */
    @Requires(Permission.MANAGE_SETTINGS)
    public CatalogPromotion create(long accountId, @NotNull Promotion.Kind kind, int days,
                                   @NotNull BigDecimal percent, @NotNull TranslatedText labels,
                                   @NotNull Set<Long> accommodationIds, @NotNull List<DayPeriod> stays) {
        access.selection(accountId, accommodationIds);
        return promotions.store(new CatalogPromotion(accountId, kind, days, percent, labels, accommodationIds, stays));
    }

    @Requires(Permission.MANAGE_SETTINGS)
    public CatalogPromotion update(long accountId, long promotionId, @NotNull Promotion.Kind kind, int days,
                                   @NotNull BigDecimal percent, @NotNull TranslatedText labels,
                                   @NotNull Set<Long> accommodationIds, @NotNull List<DayPeriod> stays) {
        CatalogPromotion promotion = get(accountId, promotionId);
        access.selection(accountId, accommodationIds);
        promotion.redefine(kind, days, percent, labels, accommodationIds, stays);
        return promotion;
    }

    public CatalogPromotion get(long accountId, long promotionId) {
        return promotions.find(accountId, promotionId)
                .orElseThrow(() -> new NotFoundException("promotion", promotionId));
    }

    public List<CatalogPromotion> list(long accountId) {
        return promotions.ofAccount(accountId);
    }

    @Requires(Permission.MANAGE_SETTINGS)
    public void delete(long accountId, long promotionId) {
        promotions.remove(get(accountId, promotionId));
    }
}
