package org.sejour.application.catalog;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.access.Requires;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.catalog.CatalogPromoCode;
import org.sejour.domain.model.catalog.DayPeriod;
import org.sejour.domain.model.catalog.PromoCodeRepository;
import org.sejour.domain.model.catalog.PromoCodeSearch;
import org.sejour.domain.model.pricing.PromoCode;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.TranslatedText;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The "Codes promo" screen: create, edit, search, delete. Uses are counted by bookings, not here. */
@Stateless
public class PromoCodeService {

    @Inject
    CatalogAccess access;
    @Inject
    PromoCodeRepository codes;

    /** The settings of a code as the owner's form sends them; the public label in French and maybe more. */
    public record Definition(String code, String internalLabel, TranslatedText publicLabels, PromoCode.Usage usage,
                             LocalDate validFrom, LocalDate validTo, BigDecimal percent,
                             Set<Long> accommodationIds, List<DayPeriod> stays) {

        /** A code whose public label is only in French. */
        public Definition(String code, String internalLabel, String publicLabel, PromoCode.Usage usage,
                          LocalDate validFrom, LocalDate validTo, BigDecimal percent,
                          Set<Long> accommodationIds, List<DayPeriod> stays) {
            this(code, internalLabel, TranslatedText.of(publicLabel == null ? Map.of()
                            : Map.of(Language.FR, publicLabel)), usage, validFrom, validTo, percent,
                    accommodationIds, stays);
        }
    }

    @Requires(Permission.MANAGE_SETTINGS)
    public CatalogPromoCode create(long accountId, @NotNull Definition definition) {
        requireFree(accountId, definition.code(), null);
        access.selection(accountId, definition.accommodationIds());
        return codes.store(new CatalogPromoCode(accountId, definition.code(), definition.internalLabel(),
                definition.publicLabels(), definition.usage(), definition.validFrom(), definition.validTo(),
                definition.percent(), definition.accommodationIds(), definition.stays()));
    }

    @Requires(Permission.MANAGE_SETTINGS)
    public CatalogPromoCode update(long accountId, long promoCodeId, @NotNull Definition definition) {
        CatalogPromoCode code = get(accountId, promoCodeId);
        requireFree(accountId, definition.code(), code.id());
        access.selection(accountId, definition.accommodationIds());
        code.revise(definition.code(), definition.internalLabel(), definition.publicLabels(), definition.usage(),
                definition.validFrom(), definition.validTo(), definition.percent(), definition.accommodationIds(),
                definition.stays());
        return code;
    }

    private void requireFree(long accountId, String typed, Long exceptId) {
        String normalised = CatalogPromoCode.normalise(typed);
        codes.findByCode(accountId, normalised).filter(other -> !other.id().equals(exceptId)).ifPresent(other -> {
            throw new InvalidInputException("code", "promoCode.code.taken");
        });
    }

    public CatalogPromoCode get(long accountId, long promoCodeId) {
        return codes.find(accountId, promoCodeId).orElseThrow(() -> new NotFoundException("promoCode", promoCodeId));
    }

    public List<CatalogPromoCode> search(long accountId, @NotNull PromoCodeSearch search) {
        return codes.search(accountId, search);
    }

    /** A code some dossier used stays, so that the dossier keeps its reference: it is refused here. */
    @Requires(Permission.MANAGE_SETTINGS)
    public void delete(long accountId, long promoCodeId) {
        CatalogPromoCode code = get(accountId, promoCodeId);
        if (code.isConsumed()) {
            throw new InvalidInputException("code", "promoCode.consumed");
        }
        codes.remove(code);
    }
}
