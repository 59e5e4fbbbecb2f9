package org.sejour.domain.model.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** How many persons of one age range one of the dossier's stays is for (the first stay: position 0). */
@Embeddable
public class PartyCount implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "label", nullable = false)
    private String label;
    @Column(name = "persons", nullable = false)
    private int persons;
    @Column(name = "taxable", nullable = false)
    private boolean taxable;
    @Column(name = "stay_position", nullable = false)
    private int stay;

    protected PartyCount() {
        // JPA
    }

    public PartyCount(String label, int persons, boolean taxable) {
        this(label, persons, taxable, 0);
    }

    public PartyCount(String label, int persons, boolean taxable, int stay) {
        this.stay = stay;
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
    public int stay() { return stay; }
}
