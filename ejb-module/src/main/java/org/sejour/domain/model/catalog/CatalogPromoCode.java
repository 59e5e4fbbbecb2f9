package org.sejour.domain.model.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.sejour.domain.model.pricing.PromoCode;
import org.sejour.domain.model.shared.DateRange;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Percentage;
import org.sejour.domain.model.shared.TranslatedText;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A promo code as the owner configures it ("Codes promo"). The usage count is only read
 * here: a booking spends a code in SQL, guarded by the schema's single-use CHECK.
 */
@Entity
@Table(name = "promo_code")
public class CatalogPromoCode implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Letters and digits, short enough to read out on the phone; the schema checks the same. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{2,20}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;
    @Column(name = "code", nullable = false)
    private String code;
    @Column(name = "internal_label", nullable = false)
    private String internalLabel;
    @Column(name = "public_label", nullable = false)
    private String publicLabel;
    @Column(name = "single_use", nullable = false)
    private boolean singleUse;
    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;
    @Column(name = "valid_to", nullable = false)
    private LocalDate validTo;
    @Column(name = "percent", nullable = false)
    private BigDecimal percent;
    @Column(name = "all_accommodations", nullable = false)
    private boolean allAccommodations;
    @Column(name = "all_stays", nullable = false)
    private boolean allStays;
    @Column(name = "uses", insertable = false, updatable = false)
    private int uses;

    @ElementCollection
    @CollectionTable(name = "promo_code_accommodation", joinColumns = @JoinColumn(name = "promo_code_id"))
    @Column(name = "accommodation_id")
    private Set<Long> accommodationIds = new HashSet<>();

    /** language code → public label in the languages other than French (promo_code_label) */
    @ElementCollection
    @CollectionTable(name = "promo_code_label", joinColumns = @JoinColumn(name = "promo_code_id"))
    @MapKeyColumn(name = "lang")
    @Column(name = "label")
    private Map<String, String> translatedLabels = new HashMap<>();

    @ElementCollection
    @CollectionTable(name = "promo_code_period", joinColumns = @JoinColumn(name = "promo_code_id"))
    @OrderBy("firstDay")
    private List<DayPeriod> stays = new ArrayList<>();

    protected CatalogPromoCode() {
        // JPA
    }

    /**
     * @param accommodationIds empty for all the owner's accommodations
     * @param stays            empty for all stays
     */
    public CatalogPromoCode(long accountId, String code, String internalLabel, String publicLabel,
                            PromoCode.Usage usage, LocalDate validFrom, LocalDate validTo, BigDecimal percent,
                            Set<Long> accommodationIds, List<DayPeriod> stays) {
        this.accountId = accountId;
        revise(code, internalLabel, publicLabel, usage, validFrom, validTo, percent, accommodationIds, stays);
    }

    /** A code whose public label may be translated; French is required. */
    public CatalogPromoCode(long accountId, String code, String internalLabel, TranslatedText publicLabels,
                            PromoCode.Usage usage, LocalDate validFrom, LocalDate validTo, BigDecimal percent,
                            Set<Long> accommodationIds, List<DayPeriod> stays) {
        this.accountId = accountId;
        revise(code, internalLabel, publicLabels, usage, validFrom, validTo, percent, accommodationIds, stays);
    }

    /** Replaces every setting; the usage count stays as the bookings left it. */
    public void revise(String code, String internalLabel, String publicLabel, PromoCode.Usage usage,
                       LocalDate validFrom, LocalDate validTo, BigDecimal percent,
                       Set<Long> accommodationIds, List<DayPeriod> stays) {
        String normalised = normalise(code);
        PromoCode.Usage checkedUsage = Rules.required(usage, "usage", "promoCode.usage.required");
        if (checkedUsage == PromoCode.Usage.SINGLE && uses > 1) {
            throw new InvalidInputException("usage", "promoCode.usage.alreadyUsedMoreThanOnce");
        }
        this.code = normalised;
        this.internalLabel = Rules.text(internalLabel, 120, "internalLabel", "promoCode.internalLabel");
        this.publicLabel = Rules.text(publicLabel, 120, "publicLabel", "promoCode.publicLabel");
        this.singleUse = checkedUsage == PromoCode.Usage.SINGLE;
        Rules.order(validFrom, validTo, "validity", "promoCode.validity");
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.percent = Rules.percent(percent, false, true, "percent", "promoCode.percent.range");
        Set<Long> ids = Rules.required(accommodationIds, "accommodations", "promoCode.accommodations.required");
        this.allAccommodations = ids.isEmpty();
        this.accommodationIds = new HashSet<>(ids);
        this.stays = new ArrayList<>(Rules.distinctFirstDays(stays, "stays", "promoCode.stays"));
        this.allStays = this.stays.isEmpty();
    }

    /**
     * Replaces every setting, the public label given in several languages: French is required
     * (it is the fallback guests see), the others are optional.
     */
    public void revise(String code, String internalLabel, TranslatedText publicLabels, PromoCode.Usage usage,
                       LocalDate validFrom, LocalDate validTo, BigDecimal percent,
                       Set<Long> accommodationIds, List<DayPeriod> stays) {
        TranslatedText labels = Rules.required(publicLabels, "publicLabel", "promoCode.publicLabel.required");
        Map<String, String> translations = new HashMap<>();
        labels.asMap().forEach((language, label) -> {
            if (language != Language.FR) {
                translations.put(language.code(), Rules.text(label, 120, "publicLabel", "promoCode.publicLabel"));
            }
        });
        revise(code, internalLabel, labels.isFilledIn(Language.FR) ? labels.in(Language.FR) : null, usage,
                validFrom, validTo, percent, accommodationIds, stays);
        this.translatedLabels.clear();
        this.translatedLabels.putAll(translations);
    }

    /** Trimmed, upper case, letters and digits, 2 to 20 of them. */
    public static String normalise(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidInputException("code", "promoCode.code.required");
        }
        String normalised = PromoCode.normalise(typed);
        if (!CODE.matcher(normalised).matches()) {
            throw new InvalidInputException("code", "promoCode.code.format");
        }
        return normalised;
    }

    public Long id() { return id; }
    public long accountId() { return accountId; }
    public String code() { return code; }
    public String internalLabel() { return internalLabel; }
    public String publicLabel() { return publicLabel; }

    /** The public label in every language filled in, French included. */
    public TranslatedText publicLabels() {
        Map<Language, String> labels = new EnumMap<>(Language.class);
        translatedLabels.forEach((code, label) -> Language.fromCode(code).ifPresent(l -> labels.put(l, label)));
        labels.put(Language.FR, publicLabel);
        return TranslatedText.of(labels);
    }
    public PromoCode.Usage usage() { return singleUse ? PromoCode.Usage.SINGLE : PromoCode.Usage.MULTIPLE; }
    public DateRange validity() { return DateRange.of(validFrom, validTo); }
    public BigDecimal percent() { return percent; }
    public int uses() { return uses; }
    public boolean allAccommodations() { return allAccommodations; }
    public boolean allStays() { return allStays; }
    public Set<Long> accommodationIds() { return Set.copyOf(accommodationIds); }
    public List<DayPeriod> stays() { return List.copyOf(stays); }

    /** "Consommé" on the codes screen: used by at least one booking. */
    public boolean isConsumed() {
        return uses > 0;
    }

    public PromoCode toPricing() {
        return new PromoCode(code, internalLabel, publicLabel, usage(), validity(), new Percentage(percent),
                Scopes.accommodations(accommodationIds), Scopes.stays(stays), uses, translatedLabels);
    }
}
