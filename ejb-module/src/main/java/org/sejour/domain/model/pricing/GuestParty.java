package org.sejour.domain.model.pricing;

import java.util.Map;
import java.util.Objects;

/**
 * The persons of a booking, counted per age range. Everyone counts towards capacity.
 * {@code exemptions} counts the persons of taxable ranges the owner declared exempt from the
 * tourist tax, by reason (a seasonal worker…); they can never outnumber those persons.
 */
public record GuestParty(Map<AgeRange, Integer> countByAgeRange, Map<TaxExemption, Integer> exemptions) {

    public GuestParty {
        Objects.requireNonNull(countByAgeRange, "count by age range is required");
        Objects.requireNonNull(exemptions, "exemptions are required (may be empty)");
        countByAgeRange.forEach((range, count) -> {
            Objects.requireNonNull(range, "age range is required");
            Objects.requireNonNull(count, "count is required");
            if (count < 0) {
                throw new IllegalArgumentException("count of " + range.label() + " must not be negative, was " + count);
            }
        });
        exemptions.forEach((reason, count) -> {
            Objects.requireNonNull(reason, "exemption reason is required");
            Objects.requireNonNull(count, "count is required");
            if (count < 0) {
                throw new IllegalArgumentException("exempt persons (" + reason + ") must not be negative, was " + count);
            }
        });
        countByAgeRange = Map.copyOf(countByAgeRange);
        exemptions = Map.copyOf(exemptions);
        int exempt = exemptions.values().stream().mapToInt(Integer::intValue).sum();
        int ofTaxableAge = taxableRangePersons(countByAgeRange);
        if (exempt > ofTaxableAge) {
            throw new IllegalArgumentException(exempt + " exempt persons, but only " + ofTaxableAge
                    + " of a taxable age");
        }
    }

    /** A party nobody of which is exempt but by age. */
    public GuestParty(Map<AgeRange, Integer> countByAgeRange) {
        this(countByAgeRange, Map.of());
    }

    public static GuestParty of(AgeRange range, int count) {
        return new GuestParty(Map.of(range, count));
    }

    public static GuestParty of(AgeRange range1, int count1, AgeRange range2, int count2) {
        return new GuestParty(Map.of(range1, count1, range2, count2));
    }

    public int count(AgeRange range) {
        return countByAgeRange.getOrDefault(range, 0);
    }

    public int totalPersons() {
        return countByAgeRange.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Persons declared exempt for that reason. */
    public int exempt(TaxExemption reason) {
        return exemptions.getOrDefault(reason, 0);
    }

    /** Persons who pay the tourist tax: those in taxable (adult) ranges, less those declared exempt. */
    public int taxablePersons() {
        return taxableRangePersons(countByAgeRange) - exemptions.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static int taxableRangePersons(Map<AgeRange, Integer> counts) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().taxable())
                .mapToInt(Map.Entry::getValue)
                .sum();
    }
}
