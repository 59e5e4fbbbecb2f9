package org.sejour.domain.model.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/** A supplement's label and description in one language (a supplement_text row). */
@Embeddable
public class SupplementText implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "label", nullable = false)
    private String label;
    @Column(name = "description")
    private String description;

    protected SupplementText() {
        // JPA
    }

    public SupplementText(String label, String description) {
        this.label = Rules.text(label, 120, "labels", "supplement.label");
        this.description = Rules.optionalText(description, 2000, "descriptions", "supplement.description.tooLong");
    }

    public String label() { return label; }
    public Optional<String> description() { return Optional.ofNullable(description); }

    @Override
    public boolean equals(Object o) {
        return o instanceof SupplementText other && label.equals(other.label)
                && Objects.equals(description, other.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, description);
    }
}
