package org.sejour.interfaces.backoffice.web;

import org.sejour.application.catalog.PromoCodeService;
import org.sejour.domain.model.catalog.CatalogPromoCode;
import org.sejour.domain.model.pricing.PromoCode;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.TranslatedText;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;

/**
 * What the promo-code form edits, as typed; the domain checks it when it is saved. Where it applies
 * is a {@link DiscountScope}, as for a promotion.
 */
public class PromoCodeForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String code;
    private String internalLabel;
    private final EnumMap<Language, String> publicLabels;
    private final LanguageSwitch languages;
    private PromoCode.Usage usage = PromoCode.Usage.MULTIPLE;
    private LocalDate validFrom;
    private LocalDate validTo;
    private BigDecimal percent;
    private DiscountScope scope = new DiscountScope();
    private int uses;

    public PromoCodeForm() {
        this(new EnumMap<>(Language.class));
    }

    private PromoCodeForm(EnumMap<Language, String> publicLabels) {
        this.publicLabels = publicLabels;
        this.languages = new LanguageSwitch(publicLabels);
    }

    public static PromoCodeForm of(CatalogPromoCode promoCode) {
        PromoCodeForm form = new PromoCodeForm(LanguageSwitch.editable(promoCode.publicLabels()));
        form.code = promoCode.code();
        form.internalLabel = promoCode.internalLabel();
        form.usage = promoCode.usage();
        form.validFrom = promoCode.validity().first();
        form.validTo = promoCode.validity().last();
        form.percent = promoCode.percent();
        form.scope = DiscountScope.of(promoCode.allAccommodations() ? Set.of() : promoCode.accommodationIds(),
                promoCode.allStays() ? List.of() : promoCode.stays());
        form.uses = promoCode.uses();
        return form;
    }

    public PromoCodeService.Definition toDefinition() {
        Set<Long> accommodations = scope.accommodations();
        return new PromoCodeService.Definition(code, internalLabel, TranslatedText.of(publicLabels), usage,
                validFrom, validTo, percent, accommodations, scope.periods());
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getInternalLabel() { return internalLabel; }
    public void setInternalLabel(String internalLabel) { this.internalLabel = internalLabel; }
    public EnumMap<Language, String> getPublicLabels() { return publicLabels; }
    public LanguageSwitch getLanguages() { return languages; }
    public PromoCode.Usage getUsage() { return usage; }
    public void setUsage(PromoCode.Usage usage) { this.usage = usage; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public LocalDate getValidTo() { return validTo; }
    public void setValidTo(LocalDate validTo) { this.validTo = validTo; }
    public BigDecimal getPercent() { return percent; }
    public void setPercent(BigDecimal percent) { this.percent = percent; }
    public DiscountScope getScope() { return scope; }
    public int getUses() { return uses; }
}
