package org.sejour.domain.model.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.Percentage;

/**
 * Tourist tax (taxe de séjour) of one commune, as configured by the owner from
 * the commune's deliberation; every figure is an input, none is hard-coded.
 *
 * <ul>
 * <li>{@link Mode#FIXED_PER_ADULT_NIGHT}: an amount per taxable person per night,
 *     by classification.</li>
 * <li>{@link Mode#PERCENT_UNCLASSIFIED}: for unclassified rentals, a percentage of
 *     the price per person per night (accommodation price ÷ all occupants, minors
 *     included, ÷ nights), capped by a ceiling per person per night, then paid by
 *     the taxable persons only.</li>
 * </ul>
 * Persons in non-taxable age ranges (minors) are exempt in both modes. An optional
 * departmental surcharge (taxe additionnelle, e.g. 10 %) is added on the tax as
 * a separate line.
 */
public record TouristTax(String commune,
                         Map<Classification, Money> perAdultNight,
                         Optional<UnclassifiedPercent> unclassifiedPercent,
                         Optional<Percentage> departmentalSurcharge) {

    public enum Mode {
        FIXED_PER_ADULT_NIGHT,
        PERCENT_UNCLASSIFIED
    }

    /** The percentage rule for unclassified rentals and its ceiling per person per night. */
    public record UnclassifiedPercent(Percentage rate, Money ceilingPerPersonNight) {
        public UnclassifiedPercent {
            Objects.requireNonNull(rate, "rate is required");
            Objects.requireNonNull(ceilingPerPersonNight, "ceiling per person per night is required");
            if (ceilingPerPersonNight.isNegative()) {
                throw new IllegalArgumentException("ceiling must not be negative, was " + ceilingPerPersonNight);
            }
        }
    }

    /**
     * The tax of one stay. {@code perAdultNight} is the amount each taxable person
     * pays per night (after the cap, before the surcharge), already rounded to the cent.
     */
    public record Assessment(Mode mode, Money perAdultNight, int taxablePersons, int nights,
                             Money tax, Money surcharge) {
        public Money total() {
            return tax.plus(surcharge);
        }
    }

    public TouristTax {
        Objects.requireNonNull(commune, "commune is required");
        Objects.requireNonNull(perAdultNight, "amounts per adult per night are required (may be empty)");
        Objects.requireNonNull(unclassifiedPercent, "unclassified percentage is required (Optional.empty() for none)");
        Objects.requireNonNull(departmentalSurcharge, "departmental surcharge is required (Optional.empty() for none)");
        perAdultNight = Map.copyOf(perAdultNight);
        perAdultNight.forEach((classification, amount) -> {
            if (amount.isNegative()) {
                throw new IllegalArgumentException("tax for " + classification + " must not be negative, was " + amount);
            }
        });
    }

    /** The mode for that classification; the percentage rule wins for unclassified rentals when both are configured. */
    public Optional<Mode> modeFor(Classification classification) {
        Objects.requireNonNull(classification, "classification is required");
        if (classification == Classification.UNCLASSIFIED && unclassifiedPercent.isPresent()) {
            return Optional.of(Mode.PERCENT_UNCLASSIFIED);
        }
        return perAdultNight.containsKey(classification)
                ? Optional.of(Mode.FIXED_PER_ADULT_NIGHT) : Optional.empty();
    }

    /**
     * The tax for a stay, or empty when nothing is due (classification not
     * configured, or nobody taxable).
     *
     * @param accommodationPrice what the guest pays for the accommodation, supplements excluded
     */
    public Optional<Assessment> assess(Classification classification, Money accommodationPrice,
                                       int nights, GuestParty party) {
        Objects.requireNonNull(accommodationPrice, "accommodation price is required");
        Objects.requireNonNull(party, "party is required");
        Optional<Mode> mode = modeFor(classification);
        int taxable = party.taxablePersons();
        if (mode.isEmpty() || taxable == 0 || nights < 1) {
            return Optional.empty();
        }
        Money perAdult = mode.get() == Mode.FIXED_PER_ADULT_NIGHT
                ? perAdultNight.get(classification)
                : percentPerPersonNight(accommodationPrice, nights, party.totalPersons());
        Money tax = perAdult.times(taxable).times(nights);
        Money surcharge = departmentalSurcharge.map(tax::percentage).orElse(Money.ZERO);
        return Optional.of(new Assessment(mode.get(), perAdult, taxable, nights, tax, surcharge));
    }

    private Money percentPerPersonNight(Money accommodationPrice, int nights, int occupants) {
        UnclassifiedPercent rule = unclassifiedPercent.orElseThrow();
        // Divide exactly enough, round once (in Money) after applying rate and ceiling.
        BigDecimal pricePerPersonNight = accommodationPrice.amount()
                .divide(BigDecimal.valueOf((long) occupants * nights), MathContext.DECIMAL64);
        BigDecimal taxed = pricePerPersonNight.multiply(rule.rate().asFraction());
        return Money.of(taxed.min(rule.ceilingPerPersonNight().amount()));
    }
}
