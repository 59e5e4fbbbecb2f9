package org.sejour.domain.model.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.Percentage;

/**
 * A supplement (supplément): mandatory (booking fee) or optional (cleaning, baby
 * bed). Its price is, per unit: a fixed amount, an amount per night of the stay
 * ("prix par jour": a 7-night week is 7 days), or a percentage of the
 * accommodation price the guest pays (after discount, promotion and code).
 */
public record Supplement(long id,
                         Kind kind,
                         Map<String, String> labels,
                         Map<String, String> descriptions,
                         Pricing pricing,
                         SupplementPrice price,
                         boolean depositApplies,
                         int maxQuantity,
                         AccommodationScope accommodations) {

    /** French is the language every owner fills in; other languages fall back to it. */
    public static final String DEFAULT_LANGUAGE = "fr";

    public enum Kind {
        MANDATORY,
        OPTIONAL
    }

    public enum Pricing {
        FIXED,
        PER_DAY,
        PERCENT_OF_ACCOMMODATION
    }

    public Supplement {
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(labels, "labels are required");
        Objects.requireNonNull(descriptions, "descriptions are required");
        Objects.requireNonNull(pricing, "pricing is required");
        Objects.requireNonNull(price, "price is required");
        Objects.requireNonNull(accommodations, "accommodations are required");
        labels = byLanguage(labels);
        descriptions = byLanguage(descriptions);
        if (!labels.containsKey(DEFAULT_LANGUAGE) || labels.get(DEFAULT_LANGUAGE).isBlank()) {
            throw new IllegalArgumentException("a French label is required");
        }
        if (maxQuantity < 1) {
            throw new IllegalArgumentException("max quantity must be at least 1, was " + maxQuantity);
        }
        if (pricing == Pricing.PERCENT_OF_ACCOMMODATION) {
            // Fails on a value above 100 with the percentage's own message.
            price.allValues().forEach(Percentage::new);
        }
    }

    private static Map<String, String> byLanguage(Map<String, String> texts) {
        return texts.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
    }

    /** The label in {@code language}, or in French when not translated. */
    public String label(String language) {
        return translated(labels, language);
    }

    /** The description in {@code language}, or in French, or empty. */
    public String description(String language) {
        return translated(descriptions, language);
    }

    private static String translated(Map<String, String> texts, String language) {
        String wanted = Objects.requireNonNull(language, "language is required").toLowerCase(Locale.ROOT);
        String text = texts.get(wanted);
        return text != null && !text.isBlank() ? text : texts.getOrDefault(DEFAULT_LANGUAGE, "");
    }

    public boolean isMandatory() {
        return kind == Kind.MANDATORY;
    }

    /** True if this supplement can be added to a stay of that accommodation arriving then. */
    public boolean isOfferedFor(long accommodationId, LocalDate arrival) {
        return accommodations.includes(accommodationId) && price.valueFor(arrival).isPresent();
    }

    /**
     * The price of {@code quantity} units for a stay, or empty if not offered on
     * that arrival day. Percentages are rounded to the cent once per unit, then
     * multiplied, so the line reads "quantity × unit price".
     */
    public Optional<Money> charge(LocalDate arrival, int nights, int quantity, Money accommodationPrice) {
        Objects.requireNonNull(accommodationPrice, "accommodation price is required");
        return price.valueFor(arrival).map(value -> unitPrice(value, nights, accommodationPrice).times(quantity));
    }

    private Money unitPrice(BigDecimal value, int nights, Money accommodationPrice) {
        return switch (pricing) {
            case FIXED -> Money.of(value);
            case PER_DAY -> Money.of(value).times(nights);
            case PERCENT_OF_ACCOMMODATION -> accommodationPrice.percentage(new Percentage(value));
        };
    }
}
