package org.sejour.domain.model.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sejour.domain.model.pricing.Fixtures.ADULT;
import static org.sejour.domain.model.pricing.Fixtures.BABY;
import static org.sejour.domain.model.pricing.Fixtures.CHILD;
import static org.sejour.domain.model.pricing.Fixtures.STUDIO;
import static org.sejour.domain.model.pricing.Fixtures.adults;
import static org.sejour.domain.model.pricing.Fixtures.date;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.sejour.domain.model.pricing.QuoteLine.Kind;
import org.sejour.domain.model.pricing.SupplementPrice.PeriodPrice;
import org.sejour.domain.model.shared.DateRange;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.Percentage;
import org.sejour.domain.model.shared.StayPeriod;

/** Worked examples of docs/pricing.md, then the reasons a stay is refused. */
class QuoteCalculatorTest {

    private final QuoteCalculator calculator = new QuoteCalculator();

    private Quote quoted(QuoteRequest request, PricingCatalog catalog, NightAvailability availability) {
        QuoteResult result = calculator.quote(request, catalog, availability);
        assertEquals(List.of(), result.refusals());
        return result.quote().orElseThrow();
    }

    private static List<String> lines(Quote quote) {
        return quote.lines().stream()
                .map(l -> Stream.of(l.kind().name(), l.label(), l.quantity() > 1 ? "×" + l.quantity() : "",
                                l.amount().amount().toPlainString())
                        .filter(part -> !part.isEmpty())
                        .collect(Collectors.joining(" ")))
                .collect(Collectors.toList());
    }

    // ---- Example 1: the tutorial's week ------------------------------------------------------

    @ParameterizedTest(name = "week from {0} booked {1}: {2} €, deposit {3} by {4}, balance {5} by {6}")
    @CsvSource({
            "2019-05-04, 2019-01-10, 500.00, 150.00, 2019-01-17, 350.00, 2019-04-04",
            "2019-05-25, 2019-01-10, 500.00, 150.00, 2019-01-17, 350.00, 2019-04-25",
            "2019-06-01, 2019-01-10, 800.00, 240.00, 2019-01-17, 560.00, 2019-05-02",
            // Booked 5 days before: 100 % deposit (arrival in under 7 days), everything due now.
            "2019-05-18, 2019-05-13, 500.00, 500.00, 2019-05-13, 0.00,   2019-05-13"
    })
    void example1TutorialWeekAndItsDeposit(String arrival, String booked, String total, String deposit,
                                           String depositDue, String balance, String balanceDue) {
        Quote quote = quoted(Fixtures.request(arrival, 7, adults(2), booked),
                Fixtures.catalog(Fixtures.tutorialRates()), NightAvailability.open(1));
        assertEquals(List.of("ACCOMMODATION " + total), lines(quote));
        assertEquals(Money.of(total), quote.total());
        assertEquals(Optional.empty(), quote.struckOutPrice());
        assertEquals(SalesTerms.DepositType.ARRHES, quote.deposit().type());
        assertEquals(Money.of(deposit), quote.deposit().amount());
        assertEquals(date(depositDue), quote.deposit().dueDate());
        assertEquals(Money.of(balance), quote.balance().amount());
        assertEquals(date(balanceDue), quote.balance().dueDate());
    }

    @Test
    void example1DossierOf800With200PaidLeaves600() {
        Quote quote = quoted(Fixtures.request("2019-06-01", 7, adults(2), "2019-01-10"),
                Fixtures.catalog(Fixtures.tutorialRates()), NightAvailability.open(1));
        assertEquals(Money.of("800.00"), quote.total());
        assertEquals(Money.of("600.00"), quote.balanceAfter(List.of(Money.of("200.00"))).remaining());
    }

    // ---- Example 2: promo code NOEL2019 -------------------------------------------------------

    private static PricingCatalog christmas(PromoCode code) {
        return new PricingCatalog(List.of(Fixtures.weekRate("2019-12-01", "2019-12-31", "1500.00")),
                List.of(), List.of(code), List.of(), Optional.empty(), Fixtures.terms());
    }

    @Test
    void example2Noel2019Turns1500Into1125() {
        Quote quote = quoted(Fixtures.requestWithCode("2019-12-21", 7, "noel2019", "2019-11-15"),
                christmas(Fixtures.noel2019()), NightAvailability.open(1));
        assertEquals(List.of("ACCOMMODATION 1500.00", "PROMO_CODE Promotion Noël 2019 -375.00"), lines(quote));
        assertEquals(Money.of("1125.00"), quote.total());
        assertEquals(Optional.of(Money.of("1500.00")), quote.struckOutPrice());
        assertEquals(Optional.of("NOEL2019"), quote.appliedPromoCode());
        assertEquals(Optional.empty(), quote.promoCodeRejection());
        assertEquals(Money.of("337.50"), quote.deposit().amount());
        assertEquals(Money.of("787.50"), quote.balance().amount());
    }

    @ParameterizedTest(name = "a guest reading {0} sees the code as {1}")
    @CsvSource({
            "de, Weihnachtsangebot",
            "en, Christmas offer",
            "nl, Christmas offer",
            "fr, Promotion Noël 2019"
    })
    void theCodesLabelIsTheOwnersInTheGuestsLanguageElseEnglishElseFrench(String language, String label) {
        PromoCode code = Fixtures.noel2019();
        PromoCode translated = new PromoCode(code.code(), code.internalLabel(), code.publicLabel(), code.usage(),
                code.usagePeriod(), code.percentage(), code.accommodations(), code.stays(), 0,
                Map.of("de", "Weihnachtsangebot", "en", "Christmas offer"));
        QuoteRequest french = Fixtures.requestWithCode("2019-12-21", 7, "noel2019", "2019-11-15");
        QuoteRequest request = new QuoteRequest(french.accommodation(), french.stay(), french.party(),
                french.optionalSupplements(), french.promoCode(), french.bookingDate(), language);
        Quote quote = quoted(request, christmas(translated), NightAvailability.open(1));
        assertEquals(List.of("ACCOMMODATION 1500.00", "PROMO_CODE " + label + " -375.00"), lines(quote));
        assertEquals("Weihnachtsangebot", translated.recordUse().publicLabel("de"), "a use keeps the labels");
    }

    @ParameterizedTest(name = "code {0} booked {1} for {2} → full price, {3}")
    @CsvSource({
            "NOEL2019, 2019-12-02, 2019-12-21, OUTSIDE_USAGE_PERIOD",
            "NOEL2019, 2019-08-31, 2019-12-21, OUTSIDE_USAGE_PERIOD",
            "PAQUES,   2019-11-15, 2019-12-21, UNKNOWN",
            "NOEL2019, 2019-11-15, 2019-12-28, EXCLUDED_STAY"
    })
    void example2AnInvalidCodeIsNotAppliedButDoesNotBlock(String typed, String booked, String arrival,
                                                         PromoCodeRejection rejection) {
        PromoCode christmasWeekOnly = new PromoCode("NOEL2019", "Promotion Noël 2019", "Promotion Noël 2019",
                PromoCode.Usage.SINGLE, DateRange.of("2019-09-01", "2019-12-01"), Percentage.of(25),
                AccommodationScope.all(), StayScope.only(DateRange.of("2019-12-21", "2019-12-21")), 0);
        Quote quote = quoted(Fixtures.requestWithCode(arrival, 7, typed, booked), christmas(christmasWeekOnly),
                NightAvailability.open(1));
        assertEquals(List.of("ACCOMMODATION 1500.00"), lines(quote));
        assertEquals(Money.of("1500.00"), quote.total());
        assertEquals(Optional.of(rejection), quote.promoCodeRejection());
        assertEquals(Optional.empty(), quote.appliedPromoCode());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("unusableCodes")
    void example2SpentOrExcludedCodesAreReported(PromoCode code, PromoCodeRejection rejection) {
        Quote quote = quoted(Fixtures.requestWithCode("2019-12-21", 7, "NOEL2019", "2019-11-15"), christmas(code),
                NightAvailability.open(1));
        assertEquals(Money.of("1500.00"), quote.total());
        assertEquals(Optional.of(rejection), quote.promoCodeRejection());
    }

    static Stream<Arguments> unusableCodes() {
        return Stream.of(
                Arguments.of(Fixtures.noel2019().recordUse(), PromoCodeRejection.SPENT),
                Arguments.of(new PromoCode("NOEL2019", "Noël Lyon", "Noël", PromoCode.Usage.MULTIPLE,
                        DateRange.of("2019-09-01", "2019-12-01"), Percentage.of(25),
                        AccommodationScope.only(Fixtures.LYON), StayScope.all(), 3),
                        PromoCodeRejection.EXCLUDED_ACCOMMODATION));
    }

    // ---- Example 3: everything at once -------------------------------------------------------

    private static final long FEE = 1;
    private static final long CLEANING = 2;
    private static final long INSURANCE = 3;
    private static final long BABY_BED = 4;
    private static final long FIREWOOD = 5;

    private static List<Supplement> supplements() {
        return List.of(
                Fixtures.supplement(FEE, Supplement.Kind.MANDATORY, "Frais de dossier", Supplement.Pricing.FIXED,
                        SupplementPrice.alwaysSame("15.00"), true, 1),
                new Supplement(CLEANING, Supplement.Kind.OPTIONAL, Map.of("fr", "Ménage", "en", "Cleaning"), Map.of(),
                        Supplement.Pricing.FIXED,
                        SupplementPrice.perPeriod("60.00", PeriodPrice.of("2019-07-01", "2019-08-31", "70.00")),
                        false, 1, AccommodationScope.all()),
                Fixtures.supplement(INSURANCE, Supplement.Kind.OPTIONAL, "Assurance annulation",
                        Supplement.Pricing.PERCENT_OF_ACCOMMODATION, SupplementPrice.alwaysSame("3"), true, 1),
                Fixtures.supplement(BABY_BED, Supplement.Kind.OPTIONAL, "Lit bébé", Supplement.Pricing.PER_DAY,
                        SupplementPrice.alwaysSame("5.00"), true, 2),
                Fixtures.supplement(FIREWOOD, Supplement.Kind.OPTIONAL, "Bois de chauffage", Supplement.Pricing.FIXED,
                        SupplementPrice.onlyInPeriods(PeriodPrice.of("2019-11-01", "2020-03-31", "25.00")), true, 3));
    }

    private static PricingCatalog everything() {
        Rate summer = Rate.of(STUDIO, DateRange.of("2019-06-01", "2019-09-01"), 7, Set.of(DayOfWeek.SATURDAY),
                Money.of("1000.00")).withDiscount(RateDiscount.percent("10"));
        List<Promotion> promotions = List.of(
                new Promotion("Dernière minute", Promotion.Kind.LAST_MINUTE, 7, Percentage.of(20),
                        AccommodationScope.all(), StayScope.all()),
                new Promotion("Petite dernière minute", Promotion.Kind.LAST_MINUTE, 14, Percentage.of(10),
                        AccommodationScope.all(), StayScope.all()));
        PromoCode summerCode = new PromoCode("ETE2019", "Fidèles été", "Code fidélité", PromoCode.Usage.MULTIPLE,
                DateRange.of("2019-01-01", "2019-08-31"), Percentage.of(25), AccommodationScope.all(),
                StayScope.all(), 12);
        TouristTax paris = new TouristTax("Paris", Map.of(Classification.THREE_STARS, Money.of("1.50")),
                Optional.empty(), Optional.of(Percentage.of(10)));
        return new PricingCatalog(List.of(summer), promotions, List.of(summerCode), supplements(),
                Optional.of(paris), Fixtures.terms());
    }

    private static QuoteRequest everythingRequest(String arrival, String booked, String language) {
        return new QuoteRequest(new AccommodationProfile(STUDIO, Classification.THREE_STARS, 1, 4),
                StayPeriod.of(date(arrival), 7), GuestParty.of(ADULT, 2, BABY, 1),
                Map.of(CLEANING, 1, INSURANCE, 1, BABY_BED, 1, FIREWOOD, 0), Optional.of("ete2019"),
                date(booked), language);
    }

    @Test
    void example3DiscountPromotionCodeSupplementsTaxAndDeposit() {
        Quote quote = quoted(everythingRequest("2019-06-15", "2019-06-10", "fr"), everything(),
                NightAvailability.open(1));
        assertEquals(List.of(
                "ACCOMMODATION 1000.00",
                "RATE_DISCOUNT -100.00",
                "PROMOTION Dernière minute -180.00",
                "PROMO_CODE Code fidélité -180.00",
                "SUPPLEMENT Frais de dossier 15.00",
                "SUPPLEMENT Ménage 60.00",
                "SUPPLEMENT Assurance annulation 16.20",
                "SUPPLEMENT Lit bébé 35.00",
                "TOURIST_TAX ×14 21.00",
                "TOURIST_TAX_SURCHARGE 2.10"), lines(quote));
        assertEquals(Money.of("540.00"), quote.accommodationPrice());
        assertEquals(Optional.of(Money.of("1000.00")), quote.struckOutPrice());
        assertEquals(Money.of("126.20"), quote.supplementsTotal());
        assertEquals(Money.of("23.10"), quote.touristTaxTotal());
        assertEquals(Money.of("689.30"), quote.total());
        // Deposit base: accommodation + supplements marked for the deposit; not cleaning, not the tax.
        assertEquals(Money.of("606.20"), quote.deposit().base());
        assertEquals(Percentage.FULL, quote.deposit().percentage());
        assertEquals(Money.of("606.20"), quote.deposit().amount());
        assertEquals(date("2019-06-10"), quote.deposit().dueDate());
        assertEquals(Money.of("83.10"), quote.balance().amount());
        assertEquals(date("2019-06-10"), quote.balance().dueDate());
    }

    @Test
    void example3InHighSeasonTheCleaningCostsItsPeriodPrice() {
        // Booked 12 days ahead: only the 14-day promotion (10 %) applies, and the default 30 % deposit.
        Quote quote = quoted(everythingRequest("2019-07-06", "2019-06-24", "en"), everything(),
                NightAvailability.open(1));
        assertEquals(List.of(
                "ACCOMMODATION 1000.00",
                "RATE_DISCOUNT -100.00",
                "PROMOTION Petite dernière minute -90.00",
                "PROMO_CODE Code fidélité -202.50",
                "SUPPLEMENT Frais de dossier 15.00",
                "SUPPLEMENT Cleaning 70.00",
                "SUPPLEMENT Assurance annulation 18.23",
                "SUPPLEMENT Lit bébé 35.00",
                "TOURIST_TAX ×14 21.00",
                "TOURIST_TAX_SURCHARGE 2.10"), lines(quote));
        assertEquals(Money.of("768.83"), quote.total());
        assertEquals(Money.of("675.73"), quote.deposit().base());
        assertEquals(Money.of("202.72"), quote.deposit().amount());
        assertEquals(Money.of("566.11"), quote.balance().amount());
        assertEquals(date("2019-06-24"), quote.deposit().dueDate());
        assertEquals(date("2019-06-24"), quote.balance().dueDate());
    }

    @Test
    void promotionsDoNotAddUpTheBestOneWins() {
        Quote quote = quoted(new QuoteRequest(Fixtures.studio(), StayPeriod.of(date("2019-06-15"), 7), adults(2),
                Map.of(), Optional.empty(), date("2019-06-10"), "fr"), everything(), NightAvailability.open(1));
        assertEquals(1, quote.lines(Kind.PROMOTION).size());
        assertEquals(Money.of("-180.00"), quote.lines(Kind.PROMOTION).get(0).amount());
    }

    @Test
    void aMandatorySupplementOnlyInSomePeriodsIsSkippedOutsideThem() {
        Supplement heating = Fixtures.supplement(9, Supplement.Kind.MANDATORY, "Chauffage", Supplement.Pricing.PER_DAY,
                SupplementPrice.onlyInPeriods(PeriodPrice.of("2019-10-01", "2020-04-30", "8.00")), true, 1);
        PricingCatalog catalog = new PricingCatalog(Fixtures.tutorialRates(), List.of(), List.of(), List.of(heating),
                Optional.empty(), Fixtures.terms());
        Quote may = quoted(Fixtures.request("2019-05-04", 7, adults(2), "2019-01-10"), catalog,
                NightAvailability.open(1));
        assertEquals(List.of("ACCOMMODATION 500.00"), lines(may));
    }

    // ---- Example 4: tourist tax as a percentage, minors exempt ---------------------------------

    @Test
    void example4PercentageTouristTaxForAnUnclassifiedRental() {
        TouristTax commune = new TouristTax("Annecy", Map.of(),
                Optional.of(new TouristTax.UnclassifiedPercent(Percentage.of(5), Money.of("2.30"))),
                Optional.of(Percentage.of(10)));
        PricingCatalog catalog = new PricingCatalog(List.of(Fixtures.weekRate("2019-05-01", "2019-06-01", "700.00")),
                List.of(), List.of(), List.of(), Optional.of(commune), Fixtures.terms());
        QuoteRequest request = new QuoteRequest(new AccommodationProfile(STUDIO, Classification.UNCLASSIFIED, 1, 4),
                StayPeriod.of(date("2019-05-04"), 7), GuestParty.of(ADULT, 2, CHILD, 2), Map.of(), Optional.empty(),
                date("2019-01-10"), "fr");
        Quote quote = quoted(request, catalog, NightAvailability.open(1));
        assertEquals(List.of("ACCOMMODATION 700.00", "TOURIST_TAX ×14 17.50", "TOURIST_TAX_SURCHARGE 1.75"),
                lines(quote));
        assertEquals(Money.of("719.25"), quote.total());
        assertEquals(Money.of("700.00"), quote.deposit().base());
        assertEquals(Money.of("210.00"), quote.deposit().amount());
        assertEquals(Money.of("509.25"), quote.balance().amount());
    }

    // ---- Refusals -----------------------------------------------------------------------------

    /** One refusal scenario: what changes from a bookable tutorial week, and the reasons expected. */
    record Scenario(String name, Function<QuoteRequest, QuoteRequest> request, SalesTerms terms,
                    NightAvailability availability, List<UnbookableReason> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static QuoteRequest with(QuoteRequest r, String arrival, int nights, GuestParty party, String booked) {
        return new QuoteRequest(r.accommodation(), StayPeriod.of(date(arrival), nights), party,
                r.optionalSupplements(), r.promoCode(), date(booked), r.language());
    }

    private static QuoteRequest choosing(QuoteRequest r, long supplementId, int quantity) {
        return new QuoteRequest(r.accommodation(), r.stay(), r.party(), Map.of(supplementId, quantity),
                r.promoCode(), r.bookingDate(), r.language());
    }

    private static NightAvailability stockZeroOn(String night) {
        return d -> new NightAvailability.NightStatus(d.equals(date(night)) ? 0 : 3, false);
    }

    private static NightAvailability salesBanOn(String night) {
        return d -> new NightAvailability.NightStatus(1, d.equals(date(night)));
    }

    static Stream<Scenario> refusals() {
        NightAvailability open = NightAvailability.open(1);
        SalesTerms terms = Fixtures.terms();
        return Stream.of(
                new Scenario("Sunday arrival", r -> with(r, "2019-05-05", 7, adults(2), "2019-01-10"), terms, open,
                        List.of(UnbookableReason.ARRIVAL_WEEKDAY_NOT_ALLOWED)),
                new Scenario("before any rate", r -> with(r, "2019-04-27", 7, adults(2), "2019-01-10"), terms, open,
                        List.of(UnbookableReason.NO_RATE_FOR_ARRIVAL_AND_LENGTH)),
                new Scenario("length without rate", r -> with(r, "2019-05-04", 5, adults(2), "2019-01-10"), terms,
                        open, List.of(UnbookableReason.NO_RATE_FOR_ARRIVAL_AND_LENGTH)),
                new Scenario("3-night weekend under a 7-night minimum",
                        r -> with(r, "2019-05-03", 3, adults(2), "2019-01-10"), Fixtures.terms(7, 0), open,
                        List.of(UnbookableReason.BELOW_MINIMUM_STAY)),
                new Scenario("lead time 3 days, booked 2 days ahead",
                        r -> with(r, "2019-05-04", 7, adults(2), "2019-05-02"), Fixtures.terms(1, 3), open,
                        List.of(UnbookableReason.LEAD_TIME_NOT_MET)),
                new Scenario("arrival before the booking date",
                        r -> with(r, "2019-05-04", 7, adults(2), "2019-05-05"), terms, open,
                        List.of(UnbookableReason.ARRIVAL_IN_THE_PAST)),
                new Scenario("5 persons for 4", r -> with(r, "2019-05-04", 7, adults(5), "2019-01-10"), terms, open,
                        List.of(UnbookableReason.ABOVE_MAXIMUM_CAPACITY)),
                new Scenario("nobody", r -> with(r, "2019-05-04", 7, adults(0), "2019-01-10"), terms, open,
                        List.of(UnbookableReason.BELOW_MINIMUM_CAPACITY)),
                new Scenario("stock 0 on the fourth night", Function.identity(), terms, stockZeroOn("2019-05-07"),
                        List.of(UnbookableReason.NO_STOCK)),
                new Scenario("sales ban on the last night", Function.identity(), terms, salesBanOn("2019-05-10"),
                        List.of(UnbookableReason.SALES_BAN)),
                new Scenario("every night closed", Function.identity(), terms, d -> new NightAvailability.NightStatus(0, true),
                        Stream.generate(() -> List.of(UnbookableReason.NO_STOCK, UnbookableReason.SALES_BAN))
                                .limit(7).flatMap(List::stream).collect(Collectors.toList())),
                new Scenario("several reasons at once",
                        r -> with(r, "2019-05-05", 7, adults(6), "2019-05-04"), Fixtures.terms(1, 2),
                        salesBanOn("2019-05-06"),
                        List.of(UnbookableReason.ARRIVAL_WEEKDAY_NOT_ALLOWED, UnbookableReason.LEAD_TIME_NOT_MET,
                                UnbookableReason.SALES_BAN, UnbookableReason.ABOVE_MAXIMUM_CAPACITY)),
                new Scenario("4 baby beds for a maximum of 2", r -> choosing(r, BABY_BED, 4), terms, open,
                        List.of(UnbookableReason.SUPPLEMENT_QUANTITY_INVALID)),
                new Scenario("negative quantity", r -> choosing(r, CLEANING, -1), terms, open,
                        List.of(UnbookableReason.SUPPLEMENT_QUANTITY_INVALID)),
                new Scenario("unknown supplement", r -> choosing(r, 99, 1), terms, open,
                        List.of(UnbookableReason.SUPPLEMENT_NOT_OPTIONAL)),
                new Scenario("mandatory supplement chosen", r -> choosing(r, FEE, 1), terms, open,
                        List.of(UnbookableReason.SUPPLEMENT_NOT_OPTIONAL)),
                new Scenario("firewood in May", r -> choosing(r, FIREWOOD, 1), terms, open,
                        List.of(UnbookableReason.SUPPLEMENT_NOT_OFFERED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWithEveryReason(Scenario scenario) {
        List<Rate> rates = new ArrayList<>(Fixtures.tutorialRates());
        rates.add(Rate.of(STUDIO, DateRange.of("2019-05-01", "2019-06-01"), 3, Set.of(DayOfWeek.FRIDAY),
                Money.of("250.00")));
        PricingCatalog catalog = new PricingCatalog(rates, List.of(), List.of(), supplements(), Optional.empty(),
                scenario.terms());
        QuoteRequest request = scenario.request().apply(Fixtures.request("2019-05-04", 7, adults(2), "2019-01-10"));

        QuoteResult result = calculator.quote(request, catalog, scenario.availability());

        assertFalse(result.isBookable());
        assertEquals(Optional.empty(), result.quote());
        assertEquals(scenario.expected(), result.reasonCodes());
    }

    @Test
    void aNightRefusalNamesTheNight() {
        QuoteResult result = calculator.quote(Fixtures.request("2019-05-04", 7, adults(2), "2019-01-10"),
                Fixtures.catalog(Fixtures.tutorialRates()), stockZeroOn("2019-05-07"));
        assertEquals(List.of(new Refusal(UnbookableReason.NO_STOCK, "night of 2019-05-07", date("2019-05-07"))),
                result.refusals());
    }

    @Test
    void aNightHeldByAnImportedCalendarIsClosedByAChannelNotSold() {
        QuoteResult result = calculator.quote(Fixtures.request("2019-05-04", 7, adults(2), "2019-01-10"),
                Fixtures.catalog(Fixtures.tutorialRates()), d -> new NightAvailability.NightStatus(
                        d.equals(date("2019-05-06")) ? 0 : 1, false, d.equals(date("2019-05-06"))));
        assertEquals(List.of(new Refusal(UnbookableReason.CLOSED_BY_CHANNEL, "night of 2019-05-06",
                date("2019-05-06"))), result.refusals());
    }

    @ParameterizedTest(name = "lead time {0} days, booked {1} for 2019-05-04 → bookable")
    @CsvSource({
            "3, 2019-05-01",
            "0, 2019-05-04",
            "7, 2019-04-27"
    })
    void leadTimeExactlyOnTheBoundaryIsBookable(int leadTimeDays, String booked) {
        PricingCatalog catalog = new PricingCatalog(Fixtures.tutorialRates(), List.of(), List.of(), List.of(),
                Optional.empty(), Fixtures.terms(1, leadTimeDays));
        QuoteResult result = calculator.quote(Fixtures.request("2019-05-04", 7, adults(2), booked), catalog,
                NightAvailability.open(1));
        assertTrue(result.isBookable());
        assertEquals(Money.of("500.00"), result.quote().orElseThrow().total());
    }

    @Test
    void theDepartureDayIsNotANightOfTheStay() {
        // Stock 0 and a ban on departure day do not concern a stay leaving that morning.
        NightAvailability closedOnDeparture = d -> d.equals(LocalDate.parse("2019-05-11"))
                ? new NightAvailability.NightStatus(0, true) : new NightAvailability.NightStatus(1, false);
        QuoteResult result = calculator.quote(Fixtures.request("2019-05-04", 7, adults(2), "2019-01-10"),
                Fixtures.catalog(Fixtures.tutorialRates()), closedOnDeparture);
        assertTrue(result.isBookable());
    }

    @Test
    void aStayAcrossTwoRatePeriodsTakesTheArrivalDaysRate() {
        Quote quote = quoted(Fixtures.request("2019-08-31", 7, adults(2), "2019-01-10"),
                Fixtures.catalog(Fixtures.tutorialRates()), NightAvailability.open(1));
        assertEquals(Money.of("800.00"), quote.total());
    }
}
