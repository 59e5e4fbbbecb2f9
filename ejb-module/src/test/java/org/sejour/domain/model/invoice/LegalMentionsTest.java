package org.sejour.domain.model.invoice;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.domain.model.invoice.LegalMentions.VatStatus;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The legal mentions an owner writes for their receipts: SIRET and VAT number checks, prefix, VAT included. */
class LegalMentionsTest {

    static final String SIRET = "30326504500011";

    static LegalMentions franchise(String siret, String prefix) {
        return LegalMentions.of("Hélène Lefèvre", "EI", siret, null, VatStatus.FRANCHISE, null, null, prefix);
    }

    static List<String> violations(Runnable change) {
        InvalidInputException e = assertThrows(InvalidInputException.class, change::run);
        return e.violations().stream().map(v -> v.field() + ":" + v.messageKey()).toList();
    }

    @ParameterizedTest
    @CsvSource({
            "30326504500011,     true",
            "303 265 045 00011,  true",
            "73282932000074,     true",
            "30326504500012,     false",
            "12345678900012,     false",
            "35600000000048,     true",
            "35600000000001,     true",
            "35600000000002,     false"})
    void siretNumbersPassInseesLuhnCheckExceptLaPostesThatAddUpToAMultipleOfFive(String typed, boolean valid) {
        if (valid) {
            assertEquals(Optional.of(typed.replace(" ", "")), franchise(typed, null).siret());
        } else {
            assertEquals(List.of("siret:legal.siret.checksum"), violations(() -> franchise(typed, null)));
        }
    }

    @Test
    void aSiretIsFourteenDigits() {
        assertEquals(List.of("siret:legal.siret.format"), violations(() -> franchise("3032650450001", null)));
        assertEquals(List.of("siret:legal.siret.format"), violations(() -> franchise("3032650450001A", null)));
    }

    @Test
    void aRegisteredOwnerGivesAVatNumberWhoseKeyAndSirenMatchAndARate() {
        LegalMentions m = LegalMentions.of("Gîtes de l'Étang", "SARL", SIRET, "RCS Grenoble 303 265 045",
                VatStatus.REGISTERED, " fr40 303 265 045 ", new BigDecimal("10"), "F2026-");
        assertEquals(Optional.of("FR40303265045"), m.vatNumber());
        assertEquals(Optional.of(new BigDecimal("10.00")), m.vatRate());
        assertEquals(Optional.of("303 265 045 00011"), m.siretAsPrinted());

        assertEquals(List.of("vatNumber:legal.vatNumber.checksum"), violations(() -> LegalMentions.of(null, null, null,
                null, VatStatus.REGISTERED, "FR41303265045", BigDecimal.TEN, null)));
        assertEquals(List.of("vatNumber:legal.vatNumber.format"), violations(() -> LegalMentions.of(null, null, null,
                null, VatStatus.REGISTERED, "DE123456789", BigDecimal.TEN, null)));
        assertEquals(List.of("vatNumber:legal.vatNumber.siren"), violations(() -> LegalMentions.of(null, null,
                "73282932000074", null, VatStatus.REGISTERED, "FR40303265045", BigDecimal.TEN, null)));
        assertEquals(List.of("vatNumber:legal.vatNumber.required", "vatRate:legal.vatRate.required"),
                violations(() -> LegalMentions.of(null, null, null, null, VatStatus.REGISTERED, " ", null, null)));
        assertEquals(List.of("vatRate:legal.vatRate.invalid"), violations(() -> LegalMentions.of(null, null, null,
                null, VatStatus.REGISTERED, "FR40303265045", new BigDecimal("5.555"), null)));
    }

    @Test
    void everyBrokenRuleIsToldAtOnceAndAStatusIsRequired() {
        assertEquals(List.of("siret:legal.siret.checksum", "numberPrefix:legal.numberPrefix.format",
                        "vatStatus:legal.vatStatus.required"),
                violations(() -> LegalMentions.of(null, null, "12345678900012", null, null, null, null, "-F 2026")));
    }

    @Test
    void theFranchiseKeepsNoVatNumberNorRate() {
        LegalMentions m = LegalMentions.of(null, null, null, null, VatStatus.FRANCHISE, "FR40303265045", BigDecimal.TEN, null);
        assertEquals(Optional.empty(), m.vatNumber());
        assertEquals(Optional.empty(), m.vatIncludedIn(Money.of("110.00")));
    }

    @Test
    void thePrefixIsPrintedBeforeTheNumberWhichStaysPlain() {
        assertEquals("F2026-17", franchise(SIRET, "F2026-").printedNumber(17));
        assertEquals("17", franchise(SIRET, " ").printedNumber(17));
        assertEquals("17", LegalMentions.none().printedNumber(17));
    }

    @ParameterizedTest
    @CsvSource({"110.00, 10, 10.00", "150.00, 10, 13.64", "-50.00, 10, -4.55", "120.00, 20, 20.00", "105.50, 5.5, 5.50"})
    void theVatIncludedInAPaymentAtTheRegisteredRate(String paid, String rate, String vat) {
        LegalMentions m = LegalMentions.of(null, null, null, null, VatStatus.REGISTERED, "FR40303265045",
                new BigDecimal(rate), null);
        assertEquals(Optional.of(Money.of(vat)), m.vatIncludedIn(Money.of(paid)));
    }
}
