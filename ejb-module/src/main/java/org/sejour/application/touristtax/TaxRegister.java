package org.sejour.application.touristtax;

import org.sejour.domain.model.pricing.TaxExemption;
import org.sejour.domain.model.shared.Money;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The tourist-tax register (état de la taxe de séjour) an owner hands their commune for a period:
 * one row per stay whose guests left in the period, with its totals per month of departure, per
 * accommodation and for the whole period. The amounts are those the dossiers' price lines hold,
 * which the receipts print (the register's test proves they add up to the cent).
 *
 * @param pendingDossiers numbers of the dossiers of the period whose tax is still due by the guest
 *                        (balance not paid): not collected, so not in the register yet
 */
public record TaxRegister(String commune, LocalDate from, LocalDate to, List<Row> rows,
                          Map<YearMonth, Figures> byMonth, Map<String, Figures> byAccommodation, Figures total,
                          List<Integer> pendingDossiers) implements Serializable {

    public TaxRegister {
        Objects.requireNonNull(commune, "commune is required");
        rows = List.copyOf(rows);
        byMonth = Collections.unmodifiableMap(new TreeMap<>(byMonth));
        byAccommodation = Collections.unmodifiableMap(new TreeMap<>(byAccommodation));
        Objects.requireNonNull(total, "total is required");
        pendingDossiers = List.copyOf(pendingDossiers);
    }

    /**
     * What a stay, or a total of stays, counts: persons, those exempt by age (minors) and by the
     * law's other reasons, the persons and person-nights taxed (nuitées), the tax and the
     * departmental surcharge.
     */
    public record Figures(int stays, int nights, int persons, int minors, int seasonalWorkers, int emergencyHousing,
                          int lowRent, int taxablePersons, int taxableNights, Money tax, Money surcharge)
            implements Serializable {

        public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, Money.ZERO, Money.ZERO);

        public Figures {
            Objects.requireNonNull(tax, "tax is required");
            Objects.requireNonNull(surcharge, "surcharge is required");
        }

        public Money total() {
            return tax.plus(surcharge);
        }

        public int exempt(TaxExemption reason) {
            return switch (reason) {
                case SEASONAL_WORKER -> seasonalWorkers;
                case EMERGENCY_HOUSING -> emergencyHousing;
                case LOW_RENT -> lowRent;
            };
        }

        public Figures plus(Figures o) {
            return new Figures(stays + o.stays, nights + o.nights, persons + o.persons, minors + o.minors,
                    seasonalWorkers + o.seasonalWorkers, emergencyHousing + o.emergencyHousing, lowRent + o.lowRent,
                    taxablePersons + o.taxablePersons, taxableNights + o.taxableNights, tax.plus(o.tax),
                    surcharge.plus(o.surcharge));
        }
    }

    /**
     * One stay: a dossier's accommodation for its nights (arrival included, departure excluded).
     *
     * @param rate the tax per taxable person per night, surcharge excluded; null when nobody was taxed
     */
    public record Row(long dossierId, int dossierNumber, String accommodation, LocalDate arrival, LocalDate departure,
                      Money rate, Figures figures) implements Serializable {
        public Row {
            Objects.requireNonNull(accommodation, "accommodation is required");
            Objects.requireNonNull(figures, "figures are required");
        }

        public YearMonth month() {
            return YearMonth.from(departure);
        }
    }
}
