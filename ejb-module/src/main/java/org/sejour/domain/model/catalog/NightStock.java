package org.sejour.domain.model.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.sejour.domain.model.shared.InvalidInputException;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Units for sale on one night of one accommodation. {@code sold} is read-only here: bookings
 * change it in SQL, and the schema's CHECK (sold ≤ units) is what prevents overselling.
 */
@Entity
@Table(name = "night_stock")
@IdClass(NightStock.Key.class)
public class NightStock implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int MAX_UNITS = 10_000;

    /** Primary key: accommodation and night. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long accommodationId;
        private LocalDate night;

        public Key() {
            // JPA
        }

        public Key(long accommodationId, LocalDate night) {
            this.accommodationId = accommodationId;
            this.night = night;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && accommodationId == other.accommodationId
                    && Objects.equals(night, other.night);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accommodationId, night);
        }
    }

    @Id
    @Column(name = "accommodation_id", nullable = false, updatable = false)
    private long accommodationId;
    @Id
    @Column(name = "night", nullable = false, updatable = false)
    private LocalDate night;
    @Column(name = "units", nullable = false)
    private int units;
    @Column(name = "sold", insertable = false, updatable = false)
    private int sold;

    protected NightStock() {
        // JPA
    }

    public NightStock(long accommodationId, LocalDate night, int units) {
        this.accommodationId = accommodationId;
        this.night = Objects.requireNonNull(night, "night is required");
        this.units = checkedUnits(units);
    }

    /**
     * Without stock management an accommodation is one unit, sold once per night: its stock is 1.
     * With it, any number of identical units up to {@value #MAX_UNITS}.
     */
    public static void requireAllowed(boolean stockManaged, int units) {
        if (!stockManaged && units != 1) {
            throw new InvalidInputException("units", "stock.notManaged");
        }
        checkedUnits(units);
    }

    private static int checkedUnits(int units) {
        return Rules.between(units, 0, MAX_UNITS, "units", "stock.units.range");
    }

    /** Puts {@code units} on sale; never fewer than already sold. */
    public void offer(int units) {
        int checked = checkedUnits(units);
        if (checked < sold) {
            throw new InvalidInputException("units", "stock.belowSold");
        }
        this.units = checked;
    }

    public long accommodationId() { return accommodationId; }
    public LocalDate night() { return night; }
    public int units() { return units; }
    public int sold() { return sold; }

    public int remaining() {
        return Math.max(0, units - sold);
    }
}
