package org.sejour.domain.model.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import org.sejour.domain.model.pricing.AgeRange;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.TranslatedText;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An owner-defined age range (tranche d'âge); taxable ranges pay the tourist tax. Its French
 * label names it in dossiers and bookings; guests read it in their language when the owner
 * wrote one (else English, else French).
 */
@Entity
@Table(name = "age_range")
public class CatalogAgeRange implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int MAX_AGE = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;
    @Column(name = "label", nullable = false)
    private String label;
    @Column(name = "min_age", nullable = false)
    private int minAge;
    @Column(name = "max_age", nullable = false)
    private int maxAge;
    @Column(name = "taxable", nullable = false)
    private boolean taxable;
    @Column(name = "position", nullable = false)
    private int position;

    /** language code → label in the languages other than French (age_range_label) */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "age_range_label", joinColumns = @JoinColumn(name = "age_range_id"))
    @MapKeyColumn(name = "lang")
    @Column(name = "label")
    private Map<String, String> translatedLabels = new HashMap<>();

    protected CatalogAgeRange() {
        // JPA
    }

    public CatalogAgeRange(long accountId, String label, int minAge, int maxAge, boolean taxable, int position) {
        this.accountId = accountId;
        redefine(label, minAge, maxAge, taxable, position);
    }

    /**
     * What a new account starts with, as the tutorial shows: adults pay the tax, minors do not;
     * named in the seven languages (migration V45 gives existing accounts' defaults the same names).
     */
    public static List<CatalogAgeRange> defaultsFor(long accountId) {
        List<CatalogAgeRange> defaults = List.of(new CatalogAgeRange(accountId, "Adulte", 18, MAX_AGE, true, 0),
                new CatalogAgeRange(accountId, "Enfant", 2, 17, false, 1),
                new CatalogAgeRange(accountId, "Bébé", 0, 1, false, 2));
        defaults.get(0).rename(names("Adulte", "Adult", "Erwachsener", "Adulto", "Adult", "Adulto", "Volwassene"));
        defaults.get(1).rename(names("Enfant", "Child", "Kind", "Niño", "Infant", "Bambino", "Kind"));
        defaults.get(2).rename(names("Bébé", "Baby", "Kleinkind", "Bebé", "Nadó", "Neonato", "Baby"));
        return defaults;
    }

    private static TranslatedText names(String fr, String en, String de, String es, String ca, String it, String nl) {
        return TranslatedText.of(Map.of(Language.FR, fr, Language.EN, en, Language.DE, de, Language.ES, es,
                Language.CA, ca, Language.IT, it, Language.NL, nl));
    }

    /** Names the range in several languages; French is required (it is the label), the others optional. */
    public void rename(TranslatedText labels) {
        String french = Rules.text(labels.isFilledIn(Language.FR) ? labels.in(Language.FR) : null, 60, "label",
                "ageRange.label");
        Map<String, String> others = new HashMap<>();
        labels.asMap().forEach((language, text) -> {
            if (language != Language.FR) {
                others.put(language.code(), Rules.text(text, 60, "label", "ageRange.label"));
            }
        });
        this.label = french;
        translatedLabels.clear();
        translatedLabels.putAll(others);
    }

    public void redefine(String label, int minAge, int maxAge, boolean taxable, int position) {
        String checkedLabel = Rules.text(label, 60, "label", "ageRange.label");
        Rules.between(minAge, 0, MAX_AGE, "minAge", "ageRange.age.range");
        Rules.between(maxAge, 0, MAX_AGE, "maxAge", "ageRange.age.range");
        if (maxAge < minAge) {
            throw new InvalidInputException("maxAge", "ageRange.age.order");
        }
        this.label = checkedLabel;
        this.minAge = minAge;
        this.maxAge = maxAge;
        this.taxable = taxable;
        this.position = Math.max(0, position);
    }

    public Long id() { return id; }
    public long accountId() { return accountId; }
    public String label() { return label; }
    public int minAge() { return minAge; }
    public int maxAge() { return maxAge; }
    public boolean taxable() { return taxable; }
    public int position() { return position; }

    /** The label in every language written, French included. */
    public TranslatedText labels() {
        Map<Language, String> all = new EnumMap<>(Language.class);
        all.put(Language.FR, label);
        translatedLabels.forEach((code, text) -> Language.fromCode(code).ifPresent(l -> all.put(l, text)));
        return TranslatedText.of(all);
    }

    /** What a guest reading {@code language} sees. */
    public String labelIn(Language language) {
        return labels().forReader(language);
    }

    public AgeRange toPricing() {
        return new AgeRange(label, minAge, maxAge, taxable);
    }
}
