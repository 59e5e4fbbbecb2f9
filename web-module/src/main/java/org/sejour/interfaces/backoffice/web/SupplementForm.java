package org.sejour.interfaces.backoffice.web;

import org.sejour.application.catalog.SupplementService;
import org.sejour.domain.model.catalog.CatalogSupplement;
import org.sejour.domain.model.catalog.SupplementAvailability;
import org.sejour.domain.model.catalog.SupplementPeriod;
import org.sejour.domain.model.catalog.SupplementPricing;
import org.sejour.domain.model.catalog.SupplementText;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** What the supplement form edits, as typed; the domain checks it when it is saved. */
public class SupplementForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private boolean mandatory;
    private final EnumMap<Language, String> labels;
    private final EnumMap<Language, String> descriptions;
    private final LanguageSwitch languages;
    private SupplementPricing pricing = SupplementPricing.FIXED;
    private SupplementAvailability availability = SupplementAvailability.ALWAYS;
    private BigDecimal amount;
    private boolean depositApplies = true;
    private Integer maxQuantity = 1;
    private boolean allAccommodations = true;
    private List<Long> accommodationIds = new ArrayList<>();
    private final List<DayRow> periods = new ArrayList<>();
    private int position;

    public SupplementForm() {
        this(new EnumMap<>(Language.class), new EnumMap<>(Language.class));
    }

    private SupplementForm(EnumMap<Language, String> labels, EnumMap<Language, String> descriptions) {
        this.labels = labels;
        this.descriptions = descriptions;
        this.languages = new LanguageSwitch(labels, descriptions);
    }

    public static SupplementForm of(CatalogSupplement supplement) {
        SupplementForm form = new SupplementForm();
        supplement.texts().forEach((language, text) -> {
            form.labels.put(language, text.label());
            text.description().ifPresent(d -> form.descriptions.put(language, d));
        });
        form.mandatory = supplement.isMandatory();
        form.pricing = supplement.pricing();
        form.availability = supplement.availability();
        form.amount = supplement.standardAmount().orElse(null);
        form.depositApplies = supplement.depositApplies();
        form.maxQuantity = supplement.maxQuantity();
        form.allAccommodations = supplement.allAccommodations();
        form.accommodationIds = new ArrayList<>(supplement.accommodationIds());
        supplement.periods().forEach(p -> form.periods.add(new DayRow(p.firstDay(), p.lastDay(), p.amount())));
        form.position = supplement.position();
        return form;
    }

    /** The definition the service takes; fields the chosen variant does not use are left out. */
    public SupplementService.Definition toDefinition() {
        Map<Language, SupplementText> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String label = labels.get(language);
            String description = descriptions.get(language);
            boolean hasLabel = label != null && !label.isBlank();
            boolean hasDescription = description != null && !description.isBlank();
            if (hasLabel || hasDescription) {
                // a description without its label is refused by SupplementText, next to the labels
                texts.put(language, new SupplementText(label, description));
            }
        }
        if (!texts.containsKey(Language.FR)) {
            throw new InvalidInputException("labels", "supplement.label.frenchRequired");
        }
        List<SupplementPeriod> checkedPeriods = new ArrayList<>();
        if (availability != null && availability.hasPeriods()) {
            for (DayRow row : periods) {
                checkedPeriods.add(new SupplementPeriod(row.getFirstDay(), row.getLastDay(), row.getAmount()));
            }
        }
        if (!allAccommodations && accommodationIds.isEmpty()) {
            throw new InvalidInputException("accommodations", "settings.accommodations.noneChosen");
        }
        BigDecimal standard = availability == null || availability.hasStandardPrice() ? amount : null;
        return new SupplementService.Definition(mandatory, texts,
                new CatalogSupplement.Price(pricing, availability, standard, checkedPeriods), depositApplies,
                maxQuantity == null ? 0 : maxQuantity,
                allAccommodations ? new HashSet<>() : new HashSet<>(accommodationIds), position);
    }

    /**
     * The rules name "amount" for any price of a supplement; when it is offered only in periods
     * the form shows no standard price, so the message goes next to the period rows.
     */
    public InvalidInputException placed(InvalidInputException e) {
        if (availability == null || availability.hasStandardPrice()) {
            return e;
        }
        return new InvalidInputException(e.violations().stream()
                .map(v -> "amount".equals(v.field()) ? new InvalidInputException.Violation("periods", v.messageKey()) : v)
                .toList());
    }

    public void addPeriod() {
        periods.add(new DayRow());
    }

    public void removePeriod(DayRow row) {
        periods.remove(row);
    }

    public boolean isMandatory() { return mandatory; }
    public void setMandatory(boolean mandatory) { this.mandatory = mandatory; }
    public EnumMap<Language, String> getLabels() { return labels; }
    public EnumMap<Language, String> getDescriptions() { return descriptions; }
    public LanguageSwitch getLanguages() { return languages; }
    public SupplementPricing getPricing() { return pricing; }
    public void setPricing(SupplementPricing pricing) { this.pricing = pricing; }
    public SupplementAvailability getAvailability() { return availability; }
    public void setAvailability(SupplementAvailability availability) { this.availability = availability; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public boolean isDepositApplies() { return depositApplies; }
    public void setDepositApplies(boolean depositApplies) { this.depositApplies = depositApplies; }
    public Integer getMaxQuantity() { return maxQuantity; }
    public void setMaxQuantity(Integer maxQuantity) { this.maxQuantity = maxQuantity; }
    public boolean isAllAccommodations() { return allAccommodations; }
    public void setAllAccommodations(boolean allAccommodations) { this.allAccommodations = allAccommodations; }
    public List<Long> getAccommodationIds() { return accommodationIds; }
    public void setAccommodationIds(List<Long> accommodationIds) { this.accommodationIds = accommodationIds; }
    public List<DayRow> getPeriods() { return periods; }
}
