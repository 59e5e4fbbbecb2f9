package org.sejour.domain.model.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.sejour.domain.model.pricing.TaxExemption;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How many persons of one age range one of the dossier's stays is for (the first stay: position 0),
 * and how many of them, of a taxable range, the owner declared exempt from the tourist tax, by
 * reason (V42's checks refuse more exempt persons than persons, or exempt persons of a range
 * already exempt by age).
 */
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
    @Column(name = "exempt_seasonal_workers", nullable = false)
    private int exemptSeasonalWorkers;
    @Column(name = "exempt_emergency_housing", nullable = false)
    private int exemptEmergencyHousing;
    @Column(name = "exempt_low_rent", nullable = false)
    private int exemptLowRent;

    protected PartyCount() {
        // JPA
    }

    public PartyCount(String label, int persons, boolean taxable) {
        this(label, persons, taxable, 0);
    }

    public PartyCount(String label, int persons, boolean taxable, int stay) {
        this(label, persons, taxable, stay, Map.of());
    }

    public PartyCount(String label, int persons, boolean taxable, int stay, Map<TaxExemption, Integer> exempt) {
        this.stay = stay;
        this.label = Objects.requireNonNull(label, "label is required");
        if (persons < 1) {
            throw new IllegalArgumentException("a party count is at least one person");
        }
        this.persons = persons;
        this.taxable = taxable;
        Objects.requireNonNull(exempt, "exemptions are required (may be empty)");
        if (exempt.values().stream().anyMatch(n -> n < 0)) {
            throw new IllegalArgumentException("exempt persons must not be negative");
        }
        int total = exempt.values().stream().mapToInt(Integer::intValue).sum();
        if (total > (taxable ? persons : 0)) {
            throw new IllegalArgumentException(total + " exempt persons of " + label + ", at most "
                    + (taxable ? persons : 0));
        }
        this.exemptSeasonalWorkers = exempt.getOrDefault(TaxExemption.SEASONAL_WORKER, 0);
        this.exemptEmergencyHousing = exempt.getOrDefault(TaxExemption.EMERGENCY_HOUSING, 0);
        this.exemptLowRent = exempt.getOrDefault(TaxExemption.LOW_RENT, 0);
    }

    /** The same persons counted with {@code other}'s (same label), for the dossier's party; exemptions add up too. */
    PartyCount plus(PartyCount other) {
        Map<TaxExemption, Integer> exempt = exemptions();
        other.exemptions().forEach((reason, n) -> exempt.merge(reason, n, Integer::sum));
        return new PartyCount(label, persons + other.persons, taxable, 0, exempt);
    }

    /** This count for stay {@code position} of the dossier. */
    PartyCount ofStay(int position) {
        return new PartyCount(label, persons, taxable, position, exemptions());
    }

    public String label() { return label; }
    public int persons() { return persons; }
    public boolean taxable() { return taxable; }
    public int stay() { return stay; }

    public int exempt(TaxExemption reason) {
        return switch (reason) {
            case SEASONAL_WORKER -> exemptSeasonalWorkers;
            case EMERGENCY_HOUSING -> exemptEmergencyHousing;
            case LOW_RENT -> exemptLowRent;
        };
    }

    /** The persons declared exempt, by reason (only reasons with someone). */
    public Map<TaxExemption, Integer> exemptions() {
        Map<TaxExemption, Integer> exempt = new EnumMap<>(TaxExemption.class);
        for (TaxExemption reason : TaxExemption.values()) {
            if (exempt(reason) > 0) {
                exempt.put(reason, exempt(reason));
            }
        }
        return exempt;
    }

    /** Persons who pay the tourist tax: none of a range exempt by age, else all but those declared exempt. */
    public int taxablePersons() {
        return taxable ? persons - exemptSeasonalWorkers - exemptEmergencyHousing - exemptLowRent : 0;
    }
}
