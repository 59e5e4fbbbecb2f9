package org.sejour.domain.model.pricing;

import java.util.Map;
import java.util.Objects;

/** The persons of a booking, counted per age range. Everyone counts towards capacity. */
public record GuestParty(Map<AgeRange, Integer> countByAgeRange) {

    public GuestParty {
        Objects.requireNonNull(countByAgeRange, "count by age range is required");
        countByAgeRange.forEach((range, count) -> {
            Objects.requireNonNull(range, "age range is required");
            Objects.requireNonNull(count, "count is required");
            if (count < 0) {
                throw new IllegalArgumentException("count of " + range.label() + " must not be negative, was " + count);
            }
        });
        countByAgeRange = Map.copyOf(countByAgeRange);
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

    /** Persons who pay the tourist tax: those in taxable (adult) ranges. */
    public int taxablePersons() {
        return countByAgeRange.entrySet().stream()
                .filter(e -> e.getKey().taxable())
                .mapToInt(Map.Entry::getValue)
                .sum();
    }
}
