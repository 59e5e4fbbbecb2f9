package org.sejour.domain.model.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sejour.domain.model.pricing.Fixtures.ADULT;
import static org.sejour.domain.model.pricing.Fixtures.BABY;
import static org.sejour.domain.model.pricing.Fixtures.CHILD;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.Percentage;

class TouristTaxTest {

    /** A commune's deliberation: 0.90 € (2 stars), 1.50 € (3 stars); 5 % capped at 2.30 € unclassified; +10 %. */
    private static TouristTax commune(Optional<Percentage> surcharge) {
        return new TouristTax("Paris",
                Map.of(Classification.TWO_STARS, Money.of("0.90"), Classification.THREE_STARS, Money.of("1.50")),
                Optional.of(new TouristTax.UnclassifiedPercent(Percentage.of(5), Money.of("2.30"))),
                surcharge);
    }

    private static TouristTax commune() {
        return commune(Optional.of(Percentage.of(10)));
    }

    @ParameterizedTest(name = "{0}, {1} €, {2} nights, {3} adults + {4} children + {5} babies → {6} × … = {7} + {8}")
    @CsvSource({
            // Fixed per adult per night: minors pay nothing.
            "TWO_STARS,    700.00,  7, 2, 1, 1, 0.90, 12.60, 1.26",
            "THREE_STARS,  700.00,  7, 2, 0, 0, 1.50, 21.00, 2.10",
            "TWO_STARS,    9999.00, 3, 1, 0, 0, 0.90, 2.70,  0.27",
            // Percentage: 700 ÷ 4 occupants (minors included) ÷ 7 nights = 25.00; 5 % = 1.25 per adult-night.
            "UNCLASSIFIED, 700.00,  7, 2, 2, 0, 1.25, 17.50, 1.75",
            // Percentage capped: 2800 ÷ 2 ÷ 7 = 200.00; 5 % = 10.00, ceiling 2.30.
            "UNCLASSIFIED, 2800.00, 7, 2, 0, 0, 2.30, 32.20, 3.22",
            // Rounded once per person-night: 900 ÷ 3 ÷ 7 × 5 % = 2.142857… → 2.14; surcharge 4.494 → 4.49.
            "UNCLASSIFIED, 900.00,  7, 3, 0, 0, 2.14, 44.94, 4.49"
    })
    void taxesAdultsPerNight(Classification classification, String accommodationPrice, int nights,
                             int adults, int children, int babies,
                             String perAdultNight, String tax, String surcharge) {
        GuestParty party = new GuestParty(Map.of(ADULT, adults, CHILD, children, BABY, babies));
        TouristTax.Assessment assessment = commune()
                .assess(classification, Money.of(accommodationPrice), nights, party).orElseThrow();
        assertEquals(Money.of(perAdultNight), assessment.perAdultNight());
        assertEquals(Money.of(tax), assessment.tax());
        assertEquals(Money.of(surcharge), assessment.surcharge());
        assertEquals(Money.of(tax).plus(Money.of(surcharge)), assessment.total());
    }

    @ParameterizedTest(name = "{0}: 3 adults of whom {1} seasonal, {2} emergency, {3} low rent, 1 child → {4} taxable, {5} + {6}")
    @CsvSource({
            // Fixed: 0.90 × 2 taxable × 7 = 12.60; the exempt adult pays nothing, like the child.
            "TWO_STARS,    1, 0, 0, 2, 12.60, 1.26",
            "TWO_STARS,    0, 1, 1, 1, 6.30,  0.63",
            "TWO_STARS,    1, 1, 1, 0, ,",
            // Percentage: the price is still shared by all 4 occupants (700 ÷ 4 ÷ 7 × 5 % = 1.25),
            // then paid by the taxable ones only: 1.25 × 2 × 7 = 17.50.
            "UNCLASSIFIED, 0, 0, 1, 2, 17.50, 1.75"
    })
    void exemptAdultsPayNoTaxButStillShareThePrice(Classification classification, int seasonal, int emergency,
                                                    int lowRent, int taxable, String tax, String surcharge) {
        GuestParty party = new GuestParty(Map.of(ADULT, 3, CHILD, 1), Map.of(TaxExemption.SEASONAL_WORKER, seasonal,
                TaxExemption.EMERGENCY_HOUSING, emergency, TaxExemption.LOW_RENT, lowRent));
        assertEquals(taxable, party.taxablePersons());
        Optional<TouristTax.Assessment> assessment = commune().assess(classification, Money.of("700.00"), 7, party);
        assertEquals(Optional.ofNullable(tax).map(Money::of), assessment.map(TouristTax.Assessment::tax));
        assertEquals(Optional.ofNullable(surcharge).map(Money::of), assessment.map(TouristTax.Assessment::surcharge));
    }

    @Test
    void withoutSurchargeOnlyTheTaxIsDue() {
        TouristTax.Assessment assessment = commune(Optional.empty())
                .assess(Classification.TWO_STARS, Money.of("500"), 7, GuestParty.of(ADULT, 2)).orElseThrow();
        assertEquals(Money.of("12.60"), assessment.total());
        assertEquals(Money.ZERO, assessment.surcharge());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "UNCLASSIFIED, PERCENT_UNCLASSIFIED",
            "TWO_STARS,    FIXED_PER_ADULT_NIGHT",
            "FOUR_STARS,   "
    })
    void modeFollowsTheClassification(Classification classification, TouristTax.Mode expected) {
        assertEquals(Optional.ofNullable(expected), commune().modeFor(classification));
    }

    @Test
    void anUnclassifiedAmountIsUsedWhenTheCommuneHasNoPercentage() {
        TouristTax fixedOnly = new TouristTax("Village", Map.of(Classification.UNCLASSIFIED, Money.of("0.80")),
                Optional.empty(), Optional.empty());
        assertEquals(Optional.of(TouristTax.Mode.FIXED_PER_ADULT_NIGHT), fixedOnly.modeFor(Classification.UNCLASSIFIED));
        assertEquals(Money.of("11.20"), fixedOnly.assess(Classification.UNCLASSIFIED, Money.of("500"), 7,
                GuestParty.of(ADULT, 2)).orElseThrow().total());
    }

    @Test
    void nothingIsDueWithoutTaxablePersonsOrConfiguration() {
        assertEquals(Optional.empty(), commune().assess(Classification.TWO_STARS, Money.of("500"), 7,
                GuestParty.of(CHILD, 2)));
        assertEquals(Optional.empty(), commune().assess(Classification.FIVE_STARS, Money.of("500"), 7,
                GuestParty.of(ADULT, 2)));
    }
}
