package org.sejour.domain.model.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** How many persons of one age range the dossier is for. */
@Embeddable
public class PartyCount implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "label", nullable = false)
    private String label;
    @Column(name = "persons", nullable = false)
    private int persons;
    @Column(name = "taxable", nullable = false)
    private boolean taxable;

    protected PartyCount() {
        // JPA
    }

    public PartyCount(String label, int persons, boolean taxable) {
        this.label = Objects.requireNonNull(label, "label is required");
        if (persons < 1) {
            throw new IllegalArgumentException("a party count is at least one person");
        }
        this.persons = persons;
        this.taxable = taxable;
    }

    public String label() { return label; }
    public int persons() { return persons; }
    public boolean taxable() { return taxable; }
}
