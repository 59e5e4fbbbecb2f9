package org.sejour.domain.model.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.sejour.domain.model.pricing.Promotion;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Percentage;
import org.sejour.domain.model.shared.TranslatedText;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A last-minute or early-booking promotion. The table has no "all" flags: no accommodation
 * rows means all the owner's accommodations, no period rows means all stays.
 */
@Entity
@Table(name = "promotion")
public class CatalogPromotion implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int MAX_DAYS = 730;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private Promotion.Kind kind;
    @Column(name = "days", nullable = false)
    private int days;
    @Column(name = "percent", nullable = false)
    private BigDecimal percent;
    @Column(name = "label")
    private String label;

    /** language code → the owner's label in the languages other than French (promotion_label) */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "promotion_label", joinColumns = @JoinColumn(name = "promotion_id"))
    @MapKeyColumn(name = "lang")
    @Column(name = "label")
    private Map<String, String> translatedLabels = new HashMap<>();

    @ElementCollection
    @CollectionTable(name = "promotion_accommodation", joinColumns = @JoinColumn(name = "promotion_id"))
    @Column(name = "accommodation_id")
    private Set<Long> accommodationIds = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "promotion_period", joinColumns = @JoinColumn(name = "promotion_id"))
    @OrderBy("firstDay")
    private List<DayPeriod> stays = new ArrayList<>();

    protected CatalogPromotion() {
        // JPA
    }

    public CatalogPromotion(long accountId, Promotion.Kind kind, int days, BigDecimal percent, TranslatedText labels,
                            Set<Long> accommodationIds, List<DayPeriod> stays) {
        this.accountId = accountId;
        redefine(kind, days, percent, labels, accommodationIds, stays);
    }

    /**
     * Replaces every setting; the owner edits a promotion as a whole. The label is optional in
     * every language (without one, guests read the kind's name in theirs).
     */
    public void redefine(Promotion.Kind kind, int days, BigDecimal percent, TranslatedText labels,
                         Set<Long> accommodationIds, List<DayPeriod> stays) {
        this.kind = Rules.required(kind, "kind", "promotion.kind.required");
        this.days = Rules.between(days, 0, MAX_DAYS, "days", "promotion.days.range");
        this.percent = Rules.percent(percent, false, false, "percent", "promotion.percent.range");
        Map<String, String> others = new HashMap<>();
        labels.asMap().forEach((language, text) -> {
            if (language != Language.FR) {
                others.put(language.code(), Rules.optionalText(text, 120, "label", "promotion.label.tooLong"));
            }
        });
        this.label = Rules.optionalText(labels.isFilledIn(Language.FR) ? labels.in(Language.FR) : null, 120, "label",
                "promotion.label.tooLong");
        this.translatedLabels.clear();
        this.translatedLabels.putAll(others);
        this.accommodationIds = new HashSet<>(Rules.required(accommodationIds, "accommodations", "promotion.accommodations.required"));
        this.stays = new ArrayList<>(Rules.distinctFirstDays(stays, "stays", "promotion.stays"));
    }

    public Long id() { return id; }
    public long accountId() { return accountId; }
    public Promotion.Kind kind() { return kind; }
    public int days() { return days; }
    public BigDecimal percent() { return percent; }
    public Optional<String> label() { return Optional.ofNullable(label); }
    public Set<Long> accommodationIds() { return Set.copyOf(accommodationIds); }
    public List<DayPeriod> stays() { return List.copyOf(stays); }

    /** The owner's label in every language written (may be none). */
    public TranslatedText labels() {
        Map<Language, String> all = new EnumMap<>(Language.class);
        if (label != null) {
            all.put(Language.FR, label);
        }
        translatedLabels.forEach((code, text) -> Language.fromCode(code).ifPresent(l -> all.put(l, text)));
        return TranslatedText.of(all);
    }

    /** The label on quotes, in French: the owner's, else the name of the kind as the tutorial shows it. */
    public String displayLabel() {
        return label != null ? label : kindName(Language.FR);
    }

    /**
     * The label on quotes for each language: the owner's in that language, else in English, else
     * in French, else the kind's name in that language.
     */
    public Promotion toPricing() {
        TranslatedText owners = labels();
        Map<String, String> byLanguage = new HashMap<>();
        for (Language language : Language.values()) {
            String written = owners.forReader(language);
            byLanguage.put(language.code(), written.isBlank() ? kindName(language) : written);
        }
        return new Promotion(displayLabel(), kind, days, new Percentage(percent), Scopes.accommodations(accommodationIds),
                Scopes.stays(stays), byLanguage);
    }

    private String kindName(Language language) {
        return switch (kind) {
            case LAST_MINUTE -> switch (language) {
                case FR -> "Dernière minute";
                case EN, IT, NL -> "Last minute";
                case DE -> "Last Minute";
                case ES, CA -> "Última hora";
            };
            case EARLY_BOOKING -> switch (language) {
                case FR -> "Réservation anticipée";
                case EN -> "Early booking";
                case DE -> "Frühbucher";
                case ES, CA -> "Reserva anticipada";
                case IT -> "Prenotazione anticipata";
                case NL -> "Vroegboeken";
            };
        };
    }
}
