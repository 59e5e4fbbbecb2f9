package org.sejour.domain.model.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.sejour.domain.model.pricing.Supplement;
import org.sejour.domain.model.pricing.SupplementPrice;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A supplement: booking fee, cleaning, baby bed… Texts per language (French required, the
 * others fall back to it), a standard price and/or prices per period of arrival, and the
 * accommodations it is for (no rows: all).
 */
@Entity
@Table(name = "supplement")
public class CatalogSupplement implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int MAX_QUANTITY = 100;

    /** How the supplement is priced and when it is offered. */
    public record Price(SupplementPricing pricing, SupplementAvailability availability,
                        BigDecimal standardAmount, List<SupplementPeriod> periods) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;
    @Column(name = "mandatory", nullable = false)
    private boolean mandatory;
    @Enumerated(EnumType.STRING)
    @Column(name = "pricing", nullable = false)
    private SupplementPricing pricing;
    @Column(name = "amount")
    private BigDecimal amount;
    @Column(name = "deposit_applies", nullable = false)
    private boolean depositApplies;
    @Column(name = "max_quantity", nullable = false)
    private int maxQuantity;
    @Enumerated(EnumType.STRING)
    @Column(name = "availability", nullable = false)
    private SupplementAvailability availability;
    @Column(name = "all_accommodations", nullable = false)
    private boolean allAccommodations;
    @Column(name = "position", nullable = false)
    private int position;

    /** language code → text; codes keep the rows readable in SQL, as for accommodation descriptions */
    @ElementCollection
    @CollectionTable(name = "supplement_text", joinColumns = @JoinColumn(name = "supplement_id"))
    @MapKeyColumn(name = "lang")
    private Map<String, SupplementText> texts = new HashMap<>();

    @ElementCollection
    @CollectionTable(name = "supplement_period", joinColumns = @JoinColumn(name = "supplement_id"))
    @OrderBy("firstDay")
    private List<SupplementPeriod> periods = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "supplement_accommodation", joinColumns = @JoinColumn(name = "supplement_id"))
    @Column(name = "accommodation_id")
    private Set<Long> accommodationIds = new HashSet<>();

    protected CatalogSupplement() {
        // JPA
    }

    /** @param accommodationIds empty for all the owner's accommodations */
    public CatalogSupplement(long accountId, boolean mandatory, Map<Language, SupplementText> texts, Price price,
                             boolean depositApplies, int maxQuantity, Set<Long> accommodationIds, int position) {
        this.accountId = accountId;
        redefine(mandatory, texts, price, depositApplies, maxQuantity, accommodationIds, position);
    }

    /** Replaces every setting; the owner edits a supplement as a whole. */
    public void redefine(boolean mandatory, Map<Language, SupplementText> texts, Price price, boolean depositApplies,
                         int maxQuantity, Set<Long> accommodationIds, int position) {
        Rules.required(texts, "labels", "supplement.label.required");
        if (texts.get(Language.FR) == null) {
            throw new InvalidInputException("labels", "supplement.label.frenchRequired");
        }
        Rules.required(price, "price", "supplement.price.required");
        SupplementPricing checkedPricing = Rules.required(price.pricing(), "pricing", "supplement.pricing.required");
        SupplementAvailability checkedAvailability =
                Rules.required(price.availability(), "availability", "supplement.availability.required");
        List<SupplementPeriod> checkedPeriods =
                Rules.distinctFirstDays(price.periods(), "periods", "supplement.periods");
        BigDecimal standard = price.standardAmount();
        if (checkedAvailability.hasStandardPrice()) {
            Rules.amount(standard, "amount", "supplement.amount.invalid");
        } else if (standard != null) {
            throw new InvalidInputException("amount", "supplement.amount.notWithOnlyInPeriods");
        }
        if (checkedAvailability.hasPeriods() == checkedPeriods.isEmpty()) {
            throw new InvalidInputException("periods", checkedAvailability.hasPeriods()
                    ? "supplement.periods.required" : "supplement.periods.notWithAlways");
        }
        if (checkedPricing == SupplementPricing.PERCENT) {
            List<BigDecimal> values = new ArrayList<>(checkedPeriods.stream().map(SupplementPeriod::amount).toList());
            if (standard != null) {
                values.add(standard);
            }
            values.forEach(v -> Rules.percent(v, true, true, "amount", "supplement.percent.range"));
        }
        this.mandatory = mandatory;
        this.texts = new HashMap<>();
        texts.forEach((language, text) -> this.texts.put(language.code(),
                Rules.required(text, "labels", "supplement.label.required")));
        this.pricing = checkedPricing;
        this.availability = checkedAvailability;
        this.amount = standard;
        this.periods = new ArrayList<>(checkedPeriods);
        this.depositApplies = depositApplies;
        this.maxQuantity = Rules.between(maxQuantity, 1, MAX_QUANTITY, "maxQuantity", "supplement.maxQuantity.range");
        Set<Long> ids = Rules.required(accommodationIds, "accommodations", "supplement.accommodations.required");
        this.allAccommodations = ids.isEmpty();
        this.accommodationIds = new HashSet<>(ids);
        this.position = Math.max(0, position);
    }

    public Long id() { return id; }
    public long accountId() { return accountId; }
    public boolean isMandatory() { return mandatory; }
    public SupplementPricing pricing() { return pricing; }
    public SupplementAvailability availability() { return availability; }
    public Optional<BigDecimal> standardAmount() { return Optional.ofNullable(amount); }
    public boolean depositApplies() { return depositApplies; }
    public int maxQuantity() { return maxQuantity; }
    public int position() { return position; }
    public boolean allAccommodations() { return allAccommodations; }
    public Set<Long> accommodationIds() { return Set.copyOf(accommodationIds); }
    public List<SupplementPeriod> periods() { return List.copyOf(periods); }

    public Map<Language, SupplementText> texts() {
        Map<Language, SupplementText> copy = new HashMap<>();
        texts.forEach((code, text) -> Language.fromCode(code).ifPresent(l -> copy.put(l, text)));
        return copy;
    }

    /** Guests choose a supplement by its id, so only a stored supplement can be priced. */
    public Supplement toPricing() {
        return toPricing(Objects.requireNonNull(id, "a supplement is priced once stored"));
    }

    Supplement toPricing(long supplementId) {
        Map<String, String> labels = new HashMap<>();
        Map<String, String> descriptions = new HashMap<>();
        texts.forEach((code, text) -> {
            labels.put(code, text.label());
            text.description().ifPresent(d -> descriptions.put(code, d));
        });
        SupplementPrice price = new SupplementPrice(availability.toPricing(), Optional.ofNullable(amount),
                periods.stream().map(SupplementPeriod::toPricing).toList());
        return new Supplement(supplementId, mandatory ? Supplement.Kind.MANDATORY : Supplement.Kind.OPTIONAL, labels,
                descriptions, pricing.toPricing(), price, depositApplies, maxQuantity,
                Scopes.accommodations(accommodationIds));
    }
}
