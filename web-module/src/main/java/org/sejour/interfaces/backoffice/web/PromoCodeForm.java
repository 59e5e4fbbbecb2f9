package org.sejour.interfaces.backoffice.web;

import org.sejour.application.catalog.PromoCodeService;
import org.sejour.domain.model.catalog.CatalogPromoCode;
import org.sejour.domain.model.catalog.DayPeriod;
import org.sejour.domain.model.pricing.PromoCode;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.TranslatedText;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;

/** What the promo-code form edits, as typed; the domain checks it when it is saved. */
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
    private boolean allAccommodations = true;
    private List<Long> accommodationIds = new ArrayList<>();
    private boolean allStays = true;
    private final List<DayRow> stays = new ArrayList<>();
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
        form.allAccommodations = promoCode.allAccommodations();
        form.accommodationIds = new ArrayList<>(promoCode.accommodationIds());
        form.allStays = promoCode.allStays();
        promoCode.stays().forEach(p -> form.stays.add(new DayRow(p.firstDay(), p.lastDay(), null)));
        form.uses = promoCode.uses();
        return form;
    }

    public PromoCodeService.Definition toDefinition() {
        if (!allAccommodations && accommodationIds.isEmpty()) {
            throw new InvalidInputException("accommodations", "settings.accommodations.noneChosen");
        }
        List<DayPeriod> periods = new ArrayList<>();
        if (!allStays) {
            if (stays.isEmpty()) {
                throw new InvalidInputException("stays", "promoCode.stays.noneChosen");
            }
            // the rows' own rule names "periods"; on this form they are the allowed stays
            periods.addAll(PeriodRows.periods(stays, "stays"));
        }
        return new PromoCodeService.Definition(code, internalLabel, TranslatedText.of(publicLabels), usage,
                validFrom, validTo, percent, allAccommodations ? new HashSet<>() : new HashSet<>(accommodationIds),
                periods);
    }

    public void addStay() {
        stays.add(new DayRow());
    }

    public void removeStay(DayRow row) {
        stays.remove(row);
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
    public boolean isAllAccommodations() { return allAccommodations; }
    public void setAllAccommodations(boolean allAccommodations) { this.allAccommodations = allAccommodations; }
    public List<Long> getAccommodationIds() { return accommodationIds; }
    public void setAccommodationIds(List<Long> accommodationIds) { this.accommodationIds = accommodationIds; }
    public boolean isAllStays() { return allStays; }
    public void setAllStays(boolean allStays) { this.allStays = allStays; }
    public List<DayRow> getStays() { return stays; }
    public int getUses() { return uses; }
}
