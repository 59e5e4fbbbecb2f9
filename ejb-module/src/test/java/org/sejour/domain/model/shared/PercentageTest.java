package org.sejour.domain.model.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PercentageTest {

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "100.01", "250"})
    void rejectsValuesOutsideZeroToHundred(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Percentage.of(value));
        assertEquals("percentage must be between 0 and 100, was " + new BigDecimal(value), e.getMessage());
    }

    @Test
    void comparesByValueWhateverTheScale() {
        assertEquals(Percentage.of("25.00"), Percentage.of(25));
        assertEquals(new BigDecimal("0.25"), Percentage.of(25).asFraction());
        assertEquals("2.5 %", Percentage.of("2.50").toString());
    }
}
