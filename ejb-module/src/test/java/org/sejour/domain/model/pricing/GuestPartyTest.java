package org.sejour.domain.model.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sejour.domain.model.pricing.Fixtures.ADULT;
import static org.sejour.domain.model.pricing.Fixtures.BABY;
import static org.sejour.domain.model.pricing.Fixtures.CHILD;
import static org.sejour.domain.model.pricing.Fixtures.TEEN;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuestPartyTest {

    @ParameterizedTest(name = "{0} adults, {1} teens, {2} children, {3} babies → {4} persons, {5} taxable")
    @CsvSource({
            "2, 0, 0, 0, 2, 2",
            "2, 1, 2, 1, 6, 2",
            "0, 0, 1, 0, 1, 0"
    })
    void countsPersonsAndTaxablePersons(int adults, int teens, int children, int babies, int total, int taxable) {
        GuestParty party = new GuestParty(Map.of(ADULT, adults, TEEN, teens, CHILD, children, BABY, babies));
        assertEquals(total, party.totalPersons());
        assertEquals(taxable, party.taxablePersons());
        assertEquals(children, party.count(CHILD));
    }

    @Test
    void exemptPersonsComeOffTheTaxableOnesNeverMoreThanThem() {
        GuestParty party = new GuestParty(Map.of(ADULT, 2, CHILD, 2), Map.of(TaxExemption.SEASONAL_WORKER, 1));
        assertEquals(4, party.totalPersons());
        assertEquals(1, party.taxablePersons());
        assertEquals(1, party.exempt(TaxExemption.SEASONAL_WORKER));
        assertEquals(0, party.exempt(TaxExemption.LOW_RENT));
        // a child is already exempt by age: three exempt adults are more than the two there are
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GuestParty(
                Map.of(ADULT, 2, CHILD, 2), Map.of(TaxExemption.SEASONAL_WORKER, 2, TaxExemption.LOW_RENT, 1)));
        assertEquals("3 exempt persons, but only 2 of a taxable age", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new GuestParty(Map.of(ADULT, 2), Map.of(TaxExemption.EMERGENCY_HOUSING, -1)));
    }

    @ParameterizedTest(name = "age {0} is a child: {1}")
    @CsvSource({"1, false", "2, true", "12, true", "13, false"})
    void ageRangesIncludeBothBounds(int age, boolean expected) {
        assertEquals(expected, CHILD.includesAge(age));
    }

    @Test
    void rejectsNegativeCountsAndReversedRanges() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GuestParty.of(ADULT, -1));
        assertEquals("count of Adulte must not be negative, was -1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AgeRange("Enfant", 12, 2, false));
    }
}
