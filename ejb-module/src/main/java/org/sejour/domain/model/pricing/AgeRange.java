package org.sejour.domain.model.pricing;

import java.util.Objects;

/**
 * An owner-defined age range (tranche d'âge) such as "Adulte 18–99",
 * "Enfant 2–12", "Bébé 0–1". {@code taxable} ranges pay the tourist tax
 * (adults); the others are exempt (minors).
 */
public record AgeRange(String label, int minAge, int maxAge, boolean taxable) {

    public AgeRange {
        Objects.requireNonNull(label, "label is required");
        if (label.isBlank()) {
            throw new IllegalArgumentException("label is required");
        }
        if (minAge < 0 || maxAge < minAge) {
            throw new IllegalArgumentException("ages must satisfy 0 ≤ min ≤ max, were " + minAge + "–" + maxAge);
        }
    }

    public boolean includesAge(int age) {
        return age >= minAge && age <= maxAge;
    }
}
