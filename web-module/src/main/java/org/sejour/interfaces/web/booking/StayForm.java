package org.sejour.interfaces.web.booking;

import org.sejour.domain.model.catalog.CatalogAgeRange;
import org.sejour.domain.model.catalog.CatalogSupplement;
import org.sejour.domain.model.catalog.SupplementText;
import org.sejour.domain.model.pricing.TaxExemption;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.TranslatedText;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One accommodation of a booking being typed: which one, who stays in it (persons per age range)
 * and which optional supplements, as the phone booking, the hosted site and the change screen ask;
 * in the back office also how many of the persons of a taxable age are exempt from the tourist tax,
 * by reason.
 */
public class StayForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One age range of the owner and how many persons of it come. */
    public static class PartyLine implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String label;
        /** the owner's names of the range, French included; guests read theirs */
        private final EnumMap<Language, String> names;
        private final int minAge;
        private final int maxAge;
        private Integer persons;

        PartyLine(String label, Map<Language, String> names, int minAge, int maxAge, int persons) {
            this.label = label;
            this.names = new EnumMap<>(Language.class);
            this.names.putAll(names);
            this.minAge = minAge;
            this.maxAge = maxAge;
            this.persons = persons;
        }

        /** The range's French label, which names it in the booking. */
        public String getLabel() { return label; }

        /** The range as a reader of {@code language} sees it (theirs, else English, else French). */
        public String nameIn(Language language) {
            return TranslatedText.of(names).forReader(language);
        }

        public int getMinAge() { return minAge; }
        public int getMaxAge() { return maxAge; }
        public Integer getPersons() { return persons; }
        public void setPersons(Integer persons) { this.persons = persons; }
    }

    /** An optional supplement offered for the chosen accommodation and how many are taken (0: none). */
    public static class SupplementChoice implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long id;
        private final String label;
        private final String description;
        private final int maxQuantity;
        private Integer quantity = 0;

        SupplementChoice(long id, String label, String description, int maxQuantity) {
            this.id = id;
            this.label = label;
            this.description = description;
            this.maxQuantity = maxQuantity;
        }

        public long getId() { return id; }
        public String getLabel() { return label; }
        public String getDescription() { return description; }
        public int getMaxQuantity() { return maxQuantity; }

        /** 0 … the maximum, for a select. */
        public List<Integer> getQuantities() {
            List<Integer> quantities = new ArrayList<>();
            for (int i = 0; i <= maxQuantity; i++) {
                quantities.add(i);
            }
            return quantities;
        }

        public Integer getQuantity() { return quantity; }
        public void setQuantity(Integer quantity) { this.quantity = quantity; }
    }

    private Long accommodationId;
    private final List<PartyLine> party = new ArrayList<>();
    private List<SupplementChoice> supplements = new ArrayList<>();
    private Integer seasonalWorkers;
    private Integer emergencyHousing;
    private Integer lowRent;

    /** A stay with the owner's age ranges, {@code firstRangePersons} in the first one (the adults'). */
    static StayForm of(List<CatalogAgeRange> ranges, int firstRangePersons) {
        StayForm stay = new StayForm();
        for (CatalogAgeRange range : ranges) {
            stay.party.add(new PartyLine(range.label(), range.labels().asMap(), range.minAge(), range.maxAge(),
                    stay.party.isEmpty() ? firstRangePersons : 0));
        }
        return stay;
    }

    /**
     * The optional supplements offered for the chosen accommodation, labelled in {@code language}
     * (French, else any, where the owner wrote none); quantities typed before are kept where the
     * supplement is still offered.
     */
    public void offer(List<CatalogSupplement> all, Language language) {
        offer(all, s -> s.texts().getOrDefault(language, s.texts().getOrDefault(Language.FR,
                s.texts().values().stream().findFirst().orElse(null))));
    }

    private void offer(List<CatalogSupplement> all, Function<CatalogSupplement, SupplementText> text) {
        Map<Long, Integer> kept = new LinkedHashMap<>();
        supplements.forEach(s -> kept.put(s.getId(), s.getQuantity()));
        supplements = new ArrayList<>();
        if (accommodationId == null) {
            return;
        }
        for (CatalogSupplement s : all) {
            if (!s.isMandatory() && (s.allAccommodations() || s.accommodationIds().contains(accommodationId))) {
                SupplementText shown = text.apply(s);
                SupplementChoice choice = new SupplementChoice(s.id(), shown == null ? "#" + s.id() : shown.label(),
                        shown == null ? "" : shown.description().orElse(""), s.maxQuantity());
                choice.setQuantity(kept.getOrDefault(s.id(), 0));
                supplements.add(choice);
            }
        }
    }

    /** Persons typed per age range label (0 where none). */
    Map<String, Integer> persons() {
        Map<String, Integer> persons = new LinkedHashMap<>();
        for (PartyLine line : party) {
            persons.put(line.getLabel(), line.getPersons() == null ? 0 : line.getPersons());
        }
        return persons;
    }

    /** Sets the persons of each age range (those not named: 0). */
    public void persons(Map<String, Integer> counts) {
        party.forEach(line -> line.setPersons(counts.getOrDefault(line.getLabel(), 0)));
    }

    /** Supplements taken: id → quantity. */
    Map<Long, Integer> chosen() {
        Map<Long, Integer> chosen = new LinkedHashMap<>();
        for (SupplementChoice s : supplements) {
            if (s.getQuantity() != null && s.getQuantity() > 0) {
                chosen.put(s.getId(), s.getQuantity());
            }
        }
        return chosen;
    }

    /** Sets the quantity of the supplements offered (those not named: 0). */
    public void choose(Map<Long, Integer> quantities) {
        supplements.forEach(s -> s.setQuantity(quantities.getOrDefault(s.getId(), 0)));
    }

    /** Persons declared exempt from the tourist tax, by reason (only reasons with someone). */
    Map<TaxExemption, Integer> exemptions() {
        Map<TaxExemption, Integer> declared = new EnumMap<>(TaxExemption.class);
        putPositive(declared, TaxExemption.SEASONAL_WORKER, seasonalWorkers);
        putPositive(declared, TaxExemption.EMERGENCY_HOUSING, emergencyHousing);
        putPositive(declared, TaxExemption.LOW_RENT, lowRent);
        return declared;
    }

    private static void putPositive(Map<TaxExemption, Integer> map, TaxExemption reason, Integer count) {
        if (count != null && count > 0) {
            map.put(reason, count);
        }
    }

    /** Sets the persons declared exempt (reasons not named: none). */
    public void exempt(Map<TaxExemption, Integer> counts) {
        seasonalWorkers = counts.getOrDefault(TaxExemption.SEASONAL_WORKER, 0);
        emergencyHousing = counts.getOrDefault(TaxExemption.EMERGENCY_HOUSING, 0);
        lowRent = counts.getOrDefault(TaxExemption.LOW_RENT, 0);
    }

    public Integer getSeasonalWorkers() { return seasonalWorkers; }
    public void setSeasonalWorkers(Integer v) { seasonalWorkers = v; }
    public Integer getEmergencyHousing() { return emergencyHousing; }
    public void setEmergencyHousing(Integer v) { emergencyHousing = v; }
    public Integer getLowRent() { return lowRent; }
    public void setLowRent(Integer v) { lowRent = v; }

    public boolean hasPersons() {
        return party.stream().anyMatch(p -> p.getPersons() != null && p.getPersons() > 0);
    }

    public Long getAccommodationId() { return accommodationId; }
    public void setAccommodationId(Long accommodationId) { this.accommodationId = accommodationId; }
    public List<PartyLine> getParty() { return party; }
    public List<SupplementChoice> getSupplements() { return supplements; }
}
