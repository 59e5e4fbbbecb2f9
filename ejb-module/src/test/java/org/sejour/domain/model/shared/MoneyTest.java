package org.sejour.domain.model.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest(name = "{0} is held as {1}")
    @CsvSource({
            "500,       500.00",
            "500.0,     500.00",
            "12.5,      12.50",
            "10.005,    10.01",
            "10.004,    10.00",
            "-10.005,   -10.01",
            "' 7.10 ',  7.10"
    })
    void keepsTwoDecimalsRoundingHalfUp(String input, String expected) {
        assertEquals(new BigDecimal(expected), Money.of(input).amount());
    }

    @ParameterizedTest(name = "{1} % of {0} = {2}")
    @CsvSource({
            "1500.00, 25,    375.00",
            "1000.00, 10,    100.00",
            "100.00,  33.33, 33.33",
            "0.30,    2.5,   0.01",
            "0.10,    5,     0.01",
            "0.09,    5,     0.00",
            "606.20,  30,    181.86",
            "1125.00, 3,     33.75"
    })
    void percentageRoundsToTheCentHalfUp(String amount, String percent, String expected) {
        assertEquals(Money.of(expected), Money.of(amount).percentage(Percentage.of(percent)));
    }

    @ParameterizedTest(name = "{0} + {1} = {2}, {0} - {1} = {3}")
    @CsvSource({
            "1500.00, 375.00, 1875.00, 1125.00",
            "800.00,  200.00, 1000.00, 600.00",
            "0.10,    0.20,   0.30,    -0.10"
    })
    void addsAndSubtractsExactly(String a, String b, String sum, String difference) {
        assertEquals(Money.of(sum), Money.of(a).plus(Money.of(b)));
        assertEquals(Money.of(difference), Money.of(a).minus(Money.of(b)));
    }

    @Test
    void multipliesByQuantityAndByFactor() {
        assertEquals(Money.of("35.00"), Money.of("5.00").times(7));
        assertEquals(Money.of("3.33"), Money.of("10.00").times(new BigDecimal("0.333")));
    }

    @Test
    void equalityIgnoresTheWayTheAmountWasWritten() {
        assertEquals(Money.of("500"), Money.of("500.00"));
        assertEquals(Money.of("500").hashCode(), Money.of("500.00").hashCode());
        assertEquals(Money.ofCents(50_000), Money.of("500.00"));
    }

    @Test
    void tellsSignAndOrder() {
        assertTrue(Money.of("-0.01").isNegative());
        assertTrue(Money.of("0.00").isZero());
        assertTrue(Money.of("0.01").isPositive());
        assertFalse(Money.ZERO.isNegative());
        assertTrue(Money.of("2").compareTo(Money.of("10")) < 0);
        assertEquals(Money.of("2"), Money.of("2").min(Money.of("10")));
        assertEquals(Money.of("10"), Money.of("2").max(Money.of("10")));
        assertEquals(Money.of("-2"), Money.of("2").negate());
    }

    @Test
    void isEurosAndPrintsPlainly() {
        assertEquals("EUR", Money.of("1").currency().getCurrencyCode());
        assertEquals("1125.00 EUR", Money.of("1125").toString());
    }

    @Test
    void rejectsMissingAmounts() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Money.of((String) null));
        assertEquals("amount is required", e.getMessage());
        assertThrows(NullPointerException.class, () -> Money.of("1").plus(null));
        assertThrows(NumberFormatException.class, () -> Money.of("12,50"));
    }
}
