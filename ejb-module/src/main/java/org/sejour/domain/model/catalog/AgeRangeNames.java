package org.sejour.domain.model.catalog;

import org.sejour.domain.model.shared.Language;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a guest reads the age ranges of a dossier's party: dossiers keep each range's French label,
 * the owner's ranges give its name in the guest's language. A range deleted since the booking
 * keeps its French label.
 */
public final class AgeRangeNames {

    private final Map<String, CatalogAgeRange> byLabel = new HashMap<>();
    private final Language language;

    public AgeRangeNames(List<CatalogAgeRange> ranges, Language language) {
        this.language = Objects.requireNonNull(language, "language is required");
        ranges.forEach(range -> byLabel.put(range.label(), range));
    }

    public String of(String label) {
        CatalogAgeRange range = byLabel.get(label);
        return range == null ? label : range.labelIn(language);
    }
}
