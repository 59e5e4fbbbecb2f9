package org.sejour.domain.model.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.sejour.domain.model.pricing.AgeRange;
import org.sejour.domain.model.shared.InvalidInputException;

import java.io.Serializable;
import java.util.List;

/** An owner-defined age range (tranche d'âge); taxable ranges pay the tourist tax. */
@Entity
@Table(name = "age_range")
public class CatalogAgeRange implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int MAX_AGE = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;
    @Column(name = "label", nullable = false)
    private String label;
    @Column(name = "min_age", nullable = false)
    private int minAge;
    @Column(name = "max_age", nullable = false)
    private int maxAge;
    @Column(name = "taxable", nullable = false)
    private boolean taxable;
    @Column(name = "position", nullable = false)
    private int position;

    protected CatalogAgeRange() {
        // JPA
    }

    public CatalogAgeRange(long accountId, String label, int minAge, int maxAge, boolean taxable, int position) {
        this.accountId = accountId;
        redefine(label, minAge, maxAge, taxable, position);
    }

    /** What a new account starts with, as the tutorial shows: adults pay the tax, minors do not. */
    public static List<CatalogAgeRange> defaultsFor(long accountId) {
        return List.of(new CatalogAgeRange(accountId, "Adulte", 18, MAX_AGE, true, 0),
                new CatalogAgeRange(accountId, "Enfant", 2, 17, false, 1),
                new CatalogAgeRange(accountId, "Bébé", 0, 1, false, 2));
    }

    public void redefine(String label, int minAge, int maxAge, boolean taxable, int position) {
        String checkedLabel = Rules.text(label, 60, "label", "ageRange.label");
        Rules.between(minAge, 0, MAX_AGE, "minAge", "ageRange.age.range");
        Rules.between(maxAge, 0, MAX_AGE, "maxAge", "ageRange.age.range");
        if (maxAge < minAge) {
            throw new InvalidInputException("maxAge", "ageRange.age.order");
        }
        this.label = checkedLabel;
        this.minAge = minAge;
        this.maxAge = maxAge;
        this.taxable = taxable;
        this.position = Math.max(0, position);
    }

    public Long id() { return id; }
    public long accountId() { return accountId; }
    public String label() { return label; }
    public int minAge() { return minAge; }
    public int maxAge() { return maxAge; }
    public boolean taxable() { return taxable; }
    public int position() { return position; }

    public AgeRange toPricing() {
        return new AgeRange(label, minAge, maxAge, taxable);
    }
}
