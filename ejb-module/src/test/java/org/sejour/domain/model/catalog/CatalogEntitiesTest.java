package org.sejour.domain.model.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sejour.domain.model.pricing.AgeRange;
import org.sejour.domain.model.pricing.Classification;
import org.sejour.domain.model.pricing.PromoCode;
import org.sejour.domain.model.pricing.Promotion;
import org.sejour.domain.model.pricing.Rate;
import org.sejour.domain.model.pricing.SalesTerms;
import org.sejour.domain.model.pricing.Supplement;
import org.sejour.domain.model.pricing.TouristTax;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.Percentage;
import org.sejour.domain.model.shared.StayPeriod;
import org.sejour.domain.model.shared.TranslatedText;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogEntitiesTest {

    private static final Instant NOW = Instant.parse("2019-01-10T10:00:00Z");

    private static CatalogRate rate(List<DayPeriod> periods, int nights, Set<DayOfWeek> days, String price,
                                    Optional<CatalogRate.Discount> discount) {
        return new CatalogRate(1L, 7L, periods, nights, days, new BigDecimal(price), discount, NOW);
    }

    private static String refusal(Runnable action) {
        return assertThrows(InvalidInputException.class, action::run).messageKey();
    }

    @ParameterizedTest(name = "{0} ↔ {1}")
    @CsvSource({"MONDAY, 1", "SATURDAY, 32", "SUNDAY, 64"})
    void weekdaysAreIsoBits(DayOfWeek day, int mask) {
        assertEquals(mask, Weekdays.toMask(Set.of(day)));
        assertEquals(Set.of(day), Weekdays.fromMask(mask));
    }

    @Test
    void everyWeekdayIs127() {
        assertEquals(127, Weekdays.toMask(Set.of(DayOfWeek.values())));
        assertEquals(Set.of(DayOfWeek.values()), Weekdays.fromMask(127));
    }

    @Test
    void theTutorialsRateBecomesThePricingRate() {
        CatalogRate rate = rate(List.of(DayPeriod.of("2019-05-01", "2019-06-01"), DayPeriod.of("2019-09-01", "2019-10-01")),
                7, Set.of(DayOfWeek.SATURDAY), "500.00", Optional.empty());
        Rate pricing = rate.toPricing();
        assertEquals(Money.of("500.00"), pricing.discountedPrice());
        assertTrue(pricing.periodOf(LocalDate.parse("2019-06-01")).isPresent());
        assertTrue(pricing.allowsArrivalOn(DayOfWeek.SATURDAY));
        assertFalse(pricing.allowsArrivalOn(DayOfWeek.SUNDAY));
        assertTrue(rate.appliesWithin(LocalDate.parse("2019-06-01"), LocalDate.parse("2019-06-30")));
        assertFalse(rate.appliesWithin(LocalDate.parse("2019-06-02"), LocalDate.parse("2019-08-31")));
    }

    @Test
    void aRemiseIsAnAmountOrAPercentage() {
        CatalogRate amount = rate(List.of(DayPeriod.of("2019-05-01", "2019-05-31")), 3, Set.of(DayOfWeek.FRIDAY),
                "250.00", Optional.of(new CatalogRate.Discount(DiscountKind.AMOUNT, new BigDecimal("50.00"))));
        assertEquals(Money.of("200.00"), amount.toPricing().discountedPrice());
        CatalogRate percent = rate(List.of(DayPeriod.of("2019-06-01", "2019-08-31")), 7, Set.of(DayOfWeek.SATURDAY),
                "1000.00", Optional.of(new CatalogRate.Discount(DiscountKind.PERCENT, new BigDecimal("10"))));
        assertEquals(Money.of("900.00"), percent.toPricing().discountedPrice());
    }

    @Test
    void rateRulesNameTheirField() {
        List<DayPeriod> may = List.of(DayPeriod.of("2019-05-01", "2019-05-31"));
        Set<DayOfWeek> saturday = Set.of(DayOfWeek.SATURDAY);
        assertEquals("period.order", refusal(() -> DayPeriod.of("2019-06-01", "2019-05-01")));
        assertEquals("rate.periods.required", refusal(() -> rate(List.of(), 7, saturday, "1", Optional.empty())));
        assertEquals("rate.periods.duplicate", refusal(() -> rate(List.of(DayPeriod.of("2019-05-01", "2019-05-31"),
                DayPeriod.of("2019-05-01", "2019-05-02")), 7, saturday, "1", Optional.empty())));
        assertEquals("rate.nights.range", refusal(() -> rate(may, 0, saturday, "1", Optional.empty())));
        assertEquals("rate.arrivalDays.required", refusal(() -> rate(may, 7, Set.of(), "1", Optional.empty())));
        assertEquals("rate.price.invalid", refusal(() -> rate(may, 7, saturday, "-1", Optional.empty())));
        assertEquals("rate.price.invalid", refusal(() -> rate(may, 7, saturday, "1.005", Optional.empty())));
        assertEquals("rate.discount.percentRange", refusal(() -> rate(may, 7, saturday, "100",
                Optional.of(new CatalogRate.Discount(DiscountKind.PERCENT, new BigDecimal("101"))))));
        assertEquals("rate.discount.abovePrice", refusal(() -> rate(may, 7, saturday, "100",
                Optional.of(new CatalogRate.Discount(DiscountKind.AMOUNT, new BigDecimal("100.01"))))));
        assertEquals("rate.discount.positive", refusal(() -> rate(may, 7, saturday, "100",
                Optional.of(new CatalogRate.Discount(DiscountKind.AMOUNT, BigDecimal.ZERO)))));
    }

    @Test
    void withoutStockManagementTheStockIsOne() {
        NightStock.requireAllowed(false, 1);
        NightStock.requireAllowed(true, 4);
        NightStock.requireAllowed(true, 0);
        assertEquals("stock.notManaged", refusal(() -> NightStock.requireAllowed(false, 2)));
        assertEquals("stock.notManaged", refusal(() -> NightStock.requireAllowed(false, 0)));
        assertEquals("stock.units.range", refusal(() -> NightStock.requireAllowed(true, -1)));
        NightStock stock = new NightStock(7L, LocalDate.parse("2019-05-04"), 4);
        stock.offer(2);
        assertEquals(2, stock.remaining());
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"N", "NOEL-2019", "NOËL2019", "ABCDEFGHIJKLMNOPQRSTU", " "})
    void codesAreTwoToTwentyLettersAndDigits(String code) {
        assertThrows(InvalidInputException.class, () -> CatalogPromoCode.normalise(code));
    }

    @Test
    void codesAreStoredUpperCaseAndBecomeThePricingCode() {
        CatalogPromoCode code = new CatalogPromoCode(1L, " noel2019 ", "Promotion Noël 2019", "Promotion Noël 2019",
                PromoCode.Usage.SINGLE, LocalDate.parse("2019-09-01"), LocalDate.parse("2019-12-01"),
                new BigDecimal("25"), Set.of(), List.of());
        assertEquals("NOEL2019", code.code());
        assertFalse(code.isConsumed());
        PromoCode pricing = code.toPricing();
        assertTrue(pricing.matches("Noel2019"));
        assertEquals(Optional.empty(), pricing.rejectionFor(99L,
                StayPeriod.of(LocalDate.parse("2019-12-21"), 7), LocalDate.parse("2019-11-15")));
        assertEquals("promoCode.percent.range", refusal(() -> code.revise("NOEL2019", "x", "x",
                PromoCode.Usage.SINGLE, LocalDate.parse("2019-09-01"), LocalDate.parse("2019-12-01"),
                new BigDecimal("100.5"), Set.of(), List.of())));
        assertEquals("promoCode.validity.order", refusal(() -> code.revise("NOEL2019", "x", "x",
                PromoCode.Usage.SINGLE, LocalDate.parse("2019-12-01"), LocalDate.parse("2019-09-01"),
                new BigDecimal("25"), Set.of(), List.of())));
        assertEquals("promoCode.publicLabel.required", refusal(() -> code.revise("NOEL2019", "x", " ",
                PromoCode.Usage.SINGLE, LocalDate.parse("2019-09-01"), LocalDate.parse("2019-12-01"),
                new BigDecimal("25"), Set.of(), List.of())));
    }

    @Test
    void promotionsWithoutRowsAreForEveryAccommodationAndStay() {
        CatalogPromotion promotion = new CatalogPromotion(1L, Promotion.Kind.LAST_MINUTE, 7, new BigDecimal("20"),
                TranslatedText.empty(), Set.of(), List.of());
        Promotion pricing = promotion.toPricing();
        assertEquals("Dernière minute", pricing.label());
        assertEquals("Última hora", pricing.label("es"), "no label of the owner's: the kind's name in the guest's language");
        assertTrue(pricing.appliesTo(42L, StayPeriod.of(LocalDate.parse("2019-06-15"), 7), LocalDate.parse("2019-06-10")));
        assertEquals("promotion.percent.range", refusal(() -> new CatalogPromotion(1L, Promotion.Kind.LAST_MINUTE,
                7, new BigDecimal("100"), TranslatedText.empty(), Set.of(), List.of())));
        assertEquals("promotion.days.range", refusal(() -> new CatalogPromotion(1L, Promotion.Kind.EARLY_BOOKING,
                -1, new BigDecimal("10"), TranslatedText.empty(), Set.of(), List.of())));
    }

    @Test
    void aPromotionsLabelIsTheOwnersInTheGuestsLanguageElseEnglishElseFrench() {
        CatalogPromotion promotion = new CatalogPromotion(1L, Promotion.Kind.EARLY_BOOKING, 60, new BigDecimal("10"),
                TranslatedText.of(Map.of(Language.FR, "Printemps précoce", Language.DE, "Frühling")), Set.of(), List.of());
        Promotion pricing = promotion.toPricing();
        assertEquals("Frühling", pricing.label("de"));
        assertEquals("Printemps précoce", pricing.label("nl"), "no Dutch, no English: French");
        promotion.redefine(Promotion.Kind.EARLY_BOOKING, 60, new BigDecimal("10"),
                TranslatedText.of(Map.of(Language.IT, "Primavera")), Set.of(), List.of());
        assertEquals("Réservation anticipée", promotion.displayLabel(), "no French label: the kind's name");
        assertEquals("Réservation anticipée", promotion.toPricing().label("fr"),
                "only an Italian label: the French read the kind's name rather than Italian");
        assertEquals("Primavera", promotion.toPricing().label("it"));
        assertEquals("promotion.label.tooLong", refusal(() -> promotion.redefine(Promotion.Kind.EARLY_BOOKING, 60,
                new BigDecimal("10"), TranslatedText.of(Map.of(Language.CA, "x".repeat(121))), Set.of(), List.of())));
        assertEquals("Primavera", promotion.labels().in(Language.IT), "a refused label changes nothing");
    }

    private static Map<Language, SupplementText> cleaning() {
        return Map.of(Language.FR, new SupplementText("Ménage", null), Language.EN, new SupplementText("Cleaning", "End of stay"));
    }

    @Test
    void aSupplementPricedPerPeriodBecomesThePricingSupplement() {
        CatalogSupplement supplement = new CatalogSupplement(1L, false, cleaning(),
                new CatalogSupplement.Price(SupplementPricing.FIXED, SupplementAvailability.PER_PERIOD,
                        new BigDecimal("60.00"), List.of(new SupplementPeriod(LocalDate.parse("2019-07-01"),
                        LocalDate.parse("2019-08-31"), new BigDecimal("70.00")))),
                false, 1, Set.of(), 0);
        Supplement pricing = supplement.toPricing(5L);
        assertEquals("Cleaning", pricing.label("en"));
        assertEquals("Ménage", pricing.label("de"));
        assertEquals(Optional.of(Money.of("70.00")),
                pricing.charge(LocalDate.parse("2019-07-06"), 7, 1, Money.of("500.00")));
        assertEquals(Optional.of(Money.of("60.00")),
                pricing.charge(LocalDate.parse("2019-06-15"), 7, 1, Money.of("500.00")));
    }

    @Test
    void supplementRulesNameTheirField() {
        CatalogSupplement.Price always = new CatalogSupplement.Price(SupplementPricing.FIXED,
                SupplementAvailability.ALWAYS, new BigDecimal("15"), List.of());
        assertEquals("supplement.label.frenchRequired", refusal(() -> new CatalogSupplement(1L, true,
                Map.of(Language.EN, new SupplementText("Fee", null)), always, true, 1, Set.of(), 0)));
        assertEquals("supplement.periods.required", refusal(() -> new CatalogSupplement(1L, true, cleaning(),
                new CatalogSupplement.Price(SupplementPricing.FIXED, SupplementAvailability.ONLY_IN_PERIODS,
                        null, List.of()), true, 1, Set.of(), 0)));
        assertEquals("supplement.percent.range", refusal(() -> new CatalogSupplement(1L, false, cleaning(),
                new CatalogSupplement.Price(SupplementPricing.PERCENT, SupplementAvailability.ALWAYS,
                        new BigDecimal("101"), List.of()), true, 1, Set.of(), 0)));
        assertEquals("supplement.maxQuantity.range", refusal(() -> new CatalogSupplement(1L, false, cleaning(),
                always, true, 0, Set.of(), 0)));
    }

    @Test
    void aNewAccountHasAdultsChildrenAndBabies() {
        List<AgeRange> ranges = CatalogAgeRange.defaultsFor(1L).stream().map(CatalogAgeRange::toPricing).toList();
        assertEquals(List.of(new AgeRange("Adulte", 18, 120, true), new AgeRange("Enfant", 2, 17, false),
                new AgeRange("Bébé", 0, 1, false)), ranges);
        assertEquals("ageRange.age.order", refusal(() -> new CatalogAgeRange(1L, "Ado", 17, 13, false, 0)));
        assertEquals("ageRange.label.required", refusal(() -> new CatalogAgeRange(1L, " ", 1, 2, false, 0)));
    }

    @Test
    void defaultTermsAreArrhes30PercentWithTheAccountsMinimumStay() {
        SalesTerms terms = AccountSalesTerms.defaultsFor(1L).toPricing(3);
        assertEquals(SalesTerms.DepositType.ARRHES, terms.depositType());
        assertEquals(Percentage.of(30), terms.depositPercentage());
        assertEquals(7, terms.depositDeadlineDays());
        assertEquals(30, terms.balanceDeadlineDays());
        assertEquals(0, terms.leadTimeDays());
        assertEquals(3, terms.minimumStayNights());
        assertEquals(7, AccountSalesTerms.defaultsFor(1L).optionDays());
    }

    @Test
    void publicLabelsAreTranslatedWithFrenchRequired() {
        CatalogPromoCode code = new CatalogPromoCode(1L, "ETE", "Fidélité", TranslatedText.of(Map.of(
                Language.FR, "Offre d'été", Language.EN, " Summer offer ", Language.DE, " ")),
                PromoCode.Usage.MULTIPLE, LocalDate.parse("2019-06-01"), LocalDate.parse("2019-08-31"),
                new BigDecimal("10"), Set.of(), List.of());
        assertEquals("Offre d'été", code.publicLabel());
        assertEquals(Set.of(Language.FR, Language.EN), code.publicLabels().languages());
        assertEquals("Summer offer", code.publicLabels().in(Language.EN));
        assertEquals("Offre d'été", code.publicLabels().in(Language.NL), "French is the fallback");
        assertEquals("promoCode.publicLabel.required", refusal(() -> code.revise("ETE", "Fidélité",
                TranslatedText.of(Map.of(Language.EN, "Summer offer")), PromoCode.Usage.MULTIPLE,
                LocalDate.parse("2019-06-01"), LocalDate.parse("2019-08-31"), new BigDecimal("10"), Set.of(), List.of())));
        assertEquals("promoCode.publicLabel.tooLong", refusal(() -> code.revise("ETE", "Fidélité",
                TranslatedText.of(Map.of(Language.FR, "Été", Language.IT, "x".repeat(121))), PromoCode.Usage.MULTIPLE,
                LocalDate.parse("2019-06-01"), LocalDate.parse("2019-08-31"), new BigDecimal("10"), Set.of(), List.of())));
        assertEquals("Summer offer", code.publicLabels().in(Language.EN), "a refused revision changes nothing");
    }

    @Test
    void termsAndConditionsNeedTheirFrenchText() {
        AccountSalesTerms terms = AccountSalesTerms.defaultsFor(1L);
        assertTrue(terms.conditions().languages().isEmpty());
        terms.rewriteConditions(TranslatedText.of(Map.of(Language.FR, "Arrivée à 16 h.", Language.EN, "Arrival at 4 pm.")));
        assertEquals("Arrival at 4 pm.", terms.conditions().in(Language.EN));
        assertEquals("Arrivée à 16 h.", terms.conditions().in(Language.ES));
        assertEquals("salesTerms.conditions.frenchRequired", refusal(() -> terms.rewriteConditions(
                TranslatedText.of(Map.of(Language.EN, "Arrival at 4 pm.")))));
        terms.rewriteConditions(TranslatedText.empty());
        assertTrue(terms.conditions().languages().isEmpty(), "no terms at all is allowed");
    }

    /** The version a guest accepts: the same terms give the same one, any change of text or rule another. */
    @Test
    void theTermsFingerprintFollowsTheirTextAndRules() {
        AccountSalesTerms terms = AccountSalesTerms.defaultsFor(1L);
        String defaults = terms.fingerprint();
        assertTrue(defaults.matches("[0-9a-f]{16}"), defaults);
        assertEquals(defaults, AccountSalesTerms.defaultsFor(2L).fingerprint(), "not tied to the account");
        terms.rewriteConditions(TranslatedText.of(Map.of(Language.FR, "Arrivée à 16 h.")));
        String withText = terms.fingerprint();
        assertFalse(withText.equals(defaults));
        terms.rewriteConditions(TranslatedText.of(Map.of(Language.FR, "Arrivée à 16 h.", Language.NL, "Aankomst om 16 uur.")));
        assertFalse(terms.fingerprint().equals(withText), "a translation is part of what the guest reads");
        terms.rewriteConditions(TranslatedText.of(Map.of(Language.FR, "Arrivée à 16 h.")));
        assertEquals(withText, terms.fingerprint(), "the same terms again, the same version");
        terms.change(new AccountSalesTerms.Settings(SalesTerms.DepositType.ARRHES, new BigDecimal("30.00"), 7, 30, 0,
                7, true, List.of()));
        assertEquals(withText, terms.fingerprint(), "30.00 % is 30 %");
        terms.change(new AccountSalesTerms.Settings(SalesTerms.DepositType.ARRHES, new BigDecimal("30"), 7, 30, 0,
                8, true, List.of()));
        assertFalse(terms.fingerprint().equals(withText), "a longer option is other terms");
    }

    @Test
    void depositRulesAreUniqueByDays() {
        AccountSalesTerms terms = AccountSalesTerms.defaultsFor(1L);
        terms.change(new AccountSalesTerms.Settings(SalesTerms.DepositType.ACOMPTE, new BigDecimal("25"), 7, 30, 2,
                7, true, List.of(new DepositRule(7, new BigDecimal("100")))));
        assertEquals(Percentage.of(100), terms.toPricing(1)
                .depositPercentageFor(LocalDate.parse("2019-05-13"), LocalDate.parse("2019-05-18")));
        assertEquals("salesTerms.depositRule.duplicate", refusal(() -> terms.change(new AccountSalesTerms.Settings(
                SalesTerms.DepositType.ARRHES, new BigDecimal("30"), 7, 30, 0, 7, true,
                List.of(new DepositRule(7, new BigDecimal("100")), new DepositRule(7, new BigDecimal("50")))))));
        assertEquals("salesTerms.optionDays.range", refusal(() -> terms.change(new AccountSalesTerms.Settings(
                SalesTerms.DepositType.ARRHES, new BigDecimal("30"), 7, 30, 0, 0, true, List.of()))));
    }

    @Test
    void aFixedTaxIsForTheAccommodationsClassification() {
        TouristTax tax = AccommodationTouristTax.fixedPerAdultNight(7L, new BigDecimal("1.50"), new BigDecimal("10"))
                .toPricing("Gap", Classification.THREE_STARS);
        assertEquals(Optional.of(TouristTax.Mode.FIXED_PER_ADULT_NIGHT), tax.modeFor(Classification.THREE_STARS));
        assertEquals(Optional.of(Percentage.of(10)), tax.departmentalSurcharge());
        TouristTax percent = AccommodationTouristTax.percentUnclassified(7L, new BigDecimal("5"),
                new BigDecimal("2.30"), null).toPricing("Gap", Classification.UNCLASSIFIED);
        assertEquals(Optional.of(TouristTax.Mode.PERCENT_UNCLASSIFIED), percent.modeFor(Classification.UNCLASSIFIED));
        assertEquals(Optional.empty(), percent.departmentalSurcharge());
        assertEquals("touristTax.percent.range", refusal(() -> AccommodationTouristTax.percentUnclassified(7L,
                new BigDecimal("0"), new BigDecimal("2.30"), null)));
    }

    @Test
    void aBanClosesItsNightsBothIncluded() {
        SalesBan ban = new SalesBan(7L, LocalDate.parse("2019-05-31"), LocalDate.parse("2019-06-01"), NOW);
        assertTrue(ban.closes(LocalDate.parse("2019-06-01")));
        assertFalse(ban.closes(LocalDate.parse("2019-06-02")));
        assertEquals("salesBan.nights.order", refusal(() -> new SalesBan(7L, LocalDate.parse("2019-06-01"),
                LocalDate.parse("2019-05-31"), NOW)));
    }
}
