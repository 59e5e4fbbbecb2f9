package org.sejour.it.incontainer;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.sejour.application.AccommodationService;
import org.sejour.application.OperatorService;
import org.sejour.application.catalog.AgeRangeService;
import org.sejour.application.catalog.PricingCatalogLoader;
import org.sejour.application.catalog.PricingInputs;
import org.sejour.application.catalog.PromoCodeService;
import org.sejour.application.catalog.PromotionService;
import org.sejour.application.catalog.RateService;
import org.sejour.application.catalog.SalesBanService;
import org.sejour.application.catalog.SalesTermsService;
import org.sejour.application.catalog.StockService;
import org.sejour.application.catalog.SupplementService;
import org.sejour.application.catalog.TouristTaxService;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Classification;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.catalog.AccountSalesTerms;
import org.sejour.domain.model.catalog.CatalogAgeRange;
import org.sejour.domain.model.catalog.CatalogPromoCode;
import org.sejour.domain.model.catalog.CatalogPromotion;
import org.sejour.domain.model.catalog.CatalogRate;
import org.sejour.domain.model.catalog.CatalogSupplement;
import org.sejour.domain.model.catalog.DayPeriod;
import org.sejour.domain.model.catalog.DepositRule;
import org.sejour.domain.model.catalog.DiscountKind;
import org.sejour.domain.model.catalog.NightStock;
import org.sejour.domain.model.catalog.PromoCodeSearch;
import org.sejour.domain.model.catalog.SalesBan;
import org.sejour.domain.model.catalog.SupplementAvailability;
import org.sejour.domain.model.catalog.SupplementPeriod;
import org.sejour.domain.model.catalog.SupplementPricing;
import org.sejour.domain.model.catalog.SupplementText;
import org.sejour.domain.model.pricing.AgeRange;
import org.sejour.domain.model.pricing.GuestParty;
import org.sejour.domain.model.pricing.NightAvailability;
import org.sejour.domain.model.pricing.PromoCode;
import org.sejour.domain.model.pricing.PromoCodeRejection;
import org.sejour.domain.model.pricing.Promotion;
import org.sejour.domain.model.pricing.Quote;
import org.sejour.domain.model.pricing.QuoteCalculator;
import org.sejour.domain.model.pricing.QuoteRequest;
import org.sejour.domain.model.pricing.SalesTerms;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.StayPeriod;
import org.sejour.domain.model.shared.TranslatedText;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The owner's pricing configuration on Payara against PostgreSQL: round trips, tenancy, schema checks, the loader. */
@ExtendWith(ArquillianExtension.class)
public class CatalogIT {

    @EJB
    OperatorService operators;
    @EJB
    AccommodationService accommodations;
    @EJB
    RateService rates;
    @EJB
    StockService stock;
    @EJB
    SalesBanService bans;
    @EJB
    PromotionService promotions;
    @EJB
    PromoCodeService promoCodes;
    @EJB
    SupplementService supplements;
    @EJB
    AgeRangeService ageRanges;
    @EJB
    SalesTermsService salesTerms;
    @EJB
    TouristTaxService touristTaxes;
    @EJB
    PricingCatalogLoader loader;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    private static final Set<DayOfWeek> SATURDAY = Set.of(DayOfWeek.SATURDAY);

    private long newOwner() {
        return operators.createOwner("cat-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test")
                .accountId();
    }

    private long gite(long accountId, boolean stockManaged) {
        return accommodations.create(accountId, new AccommodationDetails("Les Lauriers", stockManaged,
                AccommodationType.GITE, Classification.THREE_STARS, null, "Lieu-dit les Prés", "05000", "Gap", null,
                800, 1, 4, new BigDecimal("75"), 0, null, null, Visibility.BOOKABLE,
                TranslatedText.of(Map.of(Language.FR, "Gîte au calme")), Set.of())).id();
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private int update(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }

    private long count(String sql, Object... args) throws SQLException {
        return Long.parseLong(text(sql, args));
    }

    private String text(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private static PromoCodeService.Definition noel2019(Set<Long> accommodationIds) {
        return new PromoCodeService.Definition("noel2019", "Promotion Noël 2019", "Promotion Noël 2019",
                PromoCode.Usage.SINGLE, day("2019-09-01"), day("2019-12-01"), new BigDecimal("25"),
                accommodationIds, List.of());
    }

    private static SupplementService.Definition cleaning(Set<Long> accommodationIds) {
        return new SupplementService.Definition(false,
                Map.of(Language.FR, new SupplementText("Ménage", "Fin de séjour"), Language.EN,
                        new SupplementText("Cleaning", null)),
                new CatalogSupplement.Price(SupplementPricing.FIXED, SupplementAvailability.PER_PERIOD,
                        new BigDecimal("60.00"), List.of(new SupplementPeriod(day("2019-07-01"), day("2019-08-31"),
                        new BigDecimal("70.00")))),
                false, 1, accommodationIds, 0);
    }

    @Test
    void ratesRoundTripAndAreListedByOverlap() {
        long owner = newOwner();
        long gite = gite(owner, false);
        CatalogRate low = rates.create(owner, gite, List.of(DayPeriod.of("2019-05-01", "2019-06-01"),
                        DayPeriod.of("2019-09-01", "2019-10-01")), 7, SATURDAY, new BigDecimal("500.00"),
                Optional.empty());
        CatalogRate high = rates.create(owner, gite, List.of(DayPeriod.of("2019-06-01", "2019-09-01")), 7,
                Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), new BigDecimal("800.00"),
                Optional.of(new CatalogRate.Discount(DiscountKind.PERCENT, new BigDecimal("10"))));

        CatalogRate read = rates.get(owner, high.id());
        assertEquals(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), read.arrivalDays());
        assertEquals(Money.of("720.00"), read.toPricing().discountedPrice());
        assertEquals(List.of(low.id()), rates.overlapping(owner, gite, day("2019-05-10"), day("2019-05-20"))
                .stream().map(CatalogRate::id).toList());
        assertEquals(List.of(low.id(), high.id()), rates.overlapping(owner, gite, day("2019-06-01"), day("2019-06-01"))
                .stream().map(CatalogRate::id).toList());
        assertEquals(2, rates.overlapping(owner, gite, day("2019-05-01"), day("2019-05-01")).get(0).periods().size());

        rates.reprice(owner, low.id(), new BigDecimal("450.00"), Optional.empty());
        assertEquals(0, new BigDecimal("450.00").compareTo(rates.get(owner, low.id()).price()));
        rates.delete(owner, low.id());
        assertThrows(NotFoundException.class, () -> rates.get(owner, low.id()));
        assertTrue(rates.overlapping(owner, gite, day("2019-05-10"), day("2019-05-20")).isEmpty());
    }

    @Test
    void stockIsUpsertedAndNeverSetBelowSold() throws SQLException {
        long owner = newOwner();
        long flats = gite(owner, true);
        assertEquals(7, stock.setUnits(owner, flats, day("2019-05-04"), day("2019-05-10"), 4).size());
        stock.setUnits(owner, flats, day("2019-05-08"), day("2019-05-12"), 3);
        List<NightStock> nights = stock.nights(owner, flats, day("2019-05-01"), day("2019-05-31"));
        assertEquals(9, nights.size());
        assertEquals(4, nights.get(0).units());
        assertEquals(3, nights.get(8).units());

        update("update night_stock set sold = 2 where accommodation_id = ? and night = ?", flats, day("2019-05-09"));
        InvalidInputException below = assertThrows(InvalidInputException.class,
                () -> stock.setUnits(owner, flats, day("2019-05-04"), day("2019-05-12"), 1));
        assertEquals("stock.belowSold", below.messageKey());
        assertEquals(3, count("select units from night_stock where accommodation_id = ? and night = ?",
                flats, day("2019-05-12")), "nothing changed, not even the nights that could");
        stock.setUnits(owner, flats, day("2019-05-09"), day("2019-05-09"), 2);
        assertEquals(0, stock.nights(owner, flats, day("2019-05-09"), day("2019-05-09")).get(0).remaining());

        long single = gite(owner, false);
        assertEquals("stock.notManaged", assertThrows(InvalidInputException.class,
                () -> stock.setUnits(owner, single, day("2019-05-04"), day("2019-05-10"), 2)).messageKey());
        assertEquals(1, stock.setUnits(owner, single, day("2019-05-04"), day("2019-05-04"), 1).get(0).units());
    }

    @Test
    void salesBansRoundTrip() {
        long owner = newOwner();
        long gite = gite(owner, false);
        SalesBan ban = bans.close(owner, gite, day("2019-05-31"), day("2019-06-02"));
        assertEquals(List.of(ban.id()), bans.overlapping(owner, gite, day("2019-06-02"), day("2019-06-30"))
                .stream().map(SalesBan::id).toList());
        assertTrue(bans.overlapping(owner, gite, day("2019-06-03"), day("2019-06-30")).isEmpty());
        bans.delete(owner, ban.id());
        assertTrue(bans.overlapping(owner, gite, day("2019-05-01"), day("2019-06-30")).isEmpty());
    }

    @Test
    void promotionsCodesAndSupplementsRoundTrip() throws SQLException {
        long owner = newOwner();
        long gite = gite(owner, false);
        CatalogPromotion lastMinute = promotions.create(owner, Promotion.Kind.LAST_MINUTE, 7, new BigDecimal("20"),
                TranslatedText.empty(), Set.of(gite), List.of(DayPeriod.of("2019-06-01", "2019-09-01")));
        assertEquals(Set.of(gite), promotions.get(owner, lastMinute.id()).accommodationIds());
        promotions.update(owner, lastMinute.id(), Promotion.Kind.EARLY_BOOKING, 60, new BigDecimal("5"),
                TranslatedText.of(Map.of(Language.FR, "Anticipée")),
                Set.of(), List.of());
        CatalogPromotion early = promotions.list(owner).get(0);
        assertEquals(Promotion.Kind.EARLY_BOOKING, early.kind());
        assertTrue(early.accommodationIds().isEmpty());
        assertEquals("Anticipée", early.toPricing().label());
        String before = text("select catalog_version::text from account where id = ?", owner);
        promotions.update(owner, early.id(), Promotion.Kind.EARLY_BOOKING, 60, new BigDecimal("5"),
                TranslatedText.of(Map.of(Language.FR, "Anticipée", Language.DE, "Frühbucher-Rabatt")), Set.of(), List.of());
        assertNotEquals(before, text("select catalog_version::text from account where id = ?", owner),
                "a label changed in German alone reaches the kept quotes");
        assertEquals("Frühbucher-Rabatt", promotions.get(owner, early.id()).toPricing().label("de"));
        assertEquals("Anticipée", promotions.get(owner, early.id()).toPricing().label("es"));
        assertEquals(1, count("select count(*) from promotion_label where promotion_id = ?", early.id()));

        CatalogPromoCode noel = promoCodes.create(owner, noel2019(Set.of()));
        assertEquals("NOEL2019", noel.code());
        assertEquals("promoCode.code.taken", assertThrows(InvalidInputException.class,
                () -> promoCodes.create(owner, noel2019(Set.of()))).messageKey());
        CatalogPromoCode ete = promoCodes.create(owner, new PromoCodeService.Definition("ETE2019", "Code fidélité",
                "Code fidélité", PromoCode.Usage.MULTIPLE, day("2019-01-01"), day("2019-08-31"), new BigDecimal("25"),
                Set.of(gite), List.of(DayPeriod.of("2019-06-01", "2019-08-31"))));
        update("update promo_code set uses = 3 where id = ?", ete.id());
        assertEquals(List.of("ETE2019", "NOEL2019"), codes(owner, PromoCodeSearch.everything()));
        assertEquals(List.of("NOEL2019"), codes(owner, new PromoCodeSearch(Optional.of("oel"), Optional.empty(),
                Optional.empty(), Optional.empty())));
        assertEquals(List.of("ETE2019"), codes(owner, new PromoCodeSearch(Optional.empty(), Optional.of("fidél"),
                Optional.empty(), Optional.empty())));
        assertEquals(List.of("NOEL2019"), codes(owner, new PromoCodeSearch(Optional.empty(), Optional.empty(),
                Optional.of(PromoCode.Usage.SINGLE), Optional.empty())));
        assertEquals(List.of("ETE2019"), codes(owner, new PromoCodeSearch(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(true))));
        assertEquals(3, promoCodes.get(owner, ete.id()).uses());
        assertEquals("promoCode.consumed", assertThrows(InvalidInputException.class,
                () -> promoCodes.delete(owner, ete.id())).messageKey());
        promoCodes.update(owner, noel.id(), new PromoCodeService.Definition("NOEL19", "Noël", "Noël",
                PromoCode.Usage.MULTIPLE, day("2019-09-01"), day("2019-12-01"), new BigDecimal("30"), Set.of(), List.of()));
        assertEquals("NOEL19", promoCodes.get(owner, noel.id()).code());
        promoCodes.delete(owner, noel.id());
        assertEquals(List.of("ETE2019"), codes(owner, PromoCodeSearch.everything()));

        CatalogSupplement supplement = supplements.create(owner, cleaning(Set.of(gite)));
        CatalogSupplement read = supplements.get(owner, supplement.id());
        assertEquals("Cleaning", read.texts().get(Language.EN).label());
        assertEquals(Optional.of("Fin de séjour"), read.texts().get(Language.FR).description());
        assertEquals(1, read.periods().size());
        assertEquals(Set.of(gite), read.accommodationIds());
        supplements.update(owner, supplement.id(), cleaning(Set.of()));
        assertTrue(supplements.list(owner).get(0).allAccommodations());
        supplements.delete(owner, supplement.id());
        assertTrue(supplements.list(owner).isEmpty());
    }

    private List<String> codes(long owner, PromoCodeSearch search) {
        return promoCodes.search(owner, search).stream().map(CatalogPromoCode::code).toList();
    }

    @Test
    void pricingANewAccountReadsTheDefaultAgeRangesWithoutStoringThem() throws SQLException {
        long owner = newOwner();
        long gite = gite(owner, false);
        List<AgeRange> read = loader.load(owner, gite).ageRanges();
        assertEquals(List.of("Adulte", "Enfant", "Bébé"), read.stream().map(AgeRange::label).toList());
        // searches may run on the database's read-only replica: pricing writes nothing
        assertEquals(0, count("select count(*) from age_range where account_id = ?", owner));
        assertEquals(read, ageRanges.list(owner).stream().map(CatalogAgeRange::toPricing).toList(),
                "the ranges stored later are the ones priced with");
    }

    @Test
    void ageRangesTermsAndTaxRoundTrip() throws SQLException {
        long owner = newOwner();
        long gite = gite(owner, false);
        List<CatalogAgeRange> defaults = ageRanges.list(owner);
        assertEquals(List.of("Adulte", "Enfant", "Bébé"), defaults.stream().map(CatalogAgeRange::label).toList());
        assertEquals(3, ageRanges.list(owner).size(), "defaults are created once");
        CatalogAgeRange teen = ageRanges.create(owner, "Adolescent", 13, 17, false);
        assertEquals("ageRange.label.taken", assertThrows(InvalidInputException.class,
                () -> ageRanges.create(owner, "adulte", 18, 99, true)).messageKey());
        ageRanges.update(owner, defaults.get(1).id(), "Enfant", 2, 12, false);
        assertEquals("Kind", ageRanges.get(owner, defaults.get(1).id()).labelIn(Language.DE),
                "the defaults are named in the guests' languages, and renaming in French keeps those names");
        assertEquals("Erwachsener", defaults.get(0).labelIn(Language.DE));

        // named in German: the catalog version moves (kept answers show the names), Italian reads English, else French
        String before = text("select catalog_version::text from account where id = ?", owner);
        ageRanges.update(owner, teen.id(), TranslatedText.of(Map.of(Language.FR, "Adolescent", Language.DE, "Jugendlicher")),
                13, 17, false);
        assertNotEquals(before, text("select catalog_version::text from account where id = ?", owner));
        assertEquals("Jugendlicher", ageRanges.get(owner, teen.id()).labelIn(Language.DE));
        assertEquals("Adolescent", ageRanges.get(owner, teen.id()).labelIn(Language.IT));
        assertEquals("ageRange.label.tooLong", assertThrows(InvalidInputException.class, () -> ageRanges.update(owner,
                teen.id(), TranslatedText.of(Map.of(Language.FR, "Ado", Language.NL, "x".repeat(61))), 13, 17, false))
                .messageKey());
        assertEquals("Jugendlicher", ageRanges.get(owner, teen.id()).labelIn(Language.DE), "nothing changed");
        assertEquals("ageRange.label.required", assertThrows(InvalidInputException.class, () -> ageRanges.create(owner,
                TranslatedText.of(Map.of(Language.DE, "Senior")), 65, 120, true)).messageKey(), "French is required");
        ageRanges.delete(owner, teen.id());
        assertEquals(0, count("select count(*) from age_range_label where age_range_id = ?", teen.id()));
        assertEquals(List.of("Adulte", "Enfant", "Bébé"), ageRanges.list(owner).stream().map(CatalogAgeRange::label).toList());
        assertEquals(12, ageRanges.get(owner, defaults.get(1).id()).maxAge());

        AccountSalesTerms terms = salesTerms.get(owner);
        assertEquals(SalesTerms.DepositType.ARRHES, terms.depositType());
        assertEquals(0, count("select count(*) from sales_terms where account_id = ?", owner), "defaults are not written");
        salesTerms.change(owner, new AccountSalesTerms.Settings(SalesTerms.DepositType.ACOMPTE, new BigDecimal("25"),
                5, 45, 2, 3, false, List.of(new DepositRule(7, new BigDecimal("100")))));
        salesTerms.change(owner, new AccountSalesTerms.Settings(SalesTerms.DepositType.ACOMPTE, new BigDecimal("25"),
                5, 45, 2, 3, false, List.of(new DepositRule(7, new BigDecimal("100")), new DepositRule(30, new BigDecimal("50")))));
        AccountSalesTerms changed = salesTerms.get(owner);
        assertEquals(45, changed.balanceDueDays());
        assertEquals(2, changed.depositRules().size());

        assertTrue(touristTaxes.find(owner, gite).isEmpty());
        touristTaxes.chargePerAdultNight(owner, gite, new BigDecimal("1.50"), new BigDecimal("10"));
        touristTaxes.chargePercentUnclassified(owner, gite, new BigDecimal("5"), new BigDecimal("2.30"), null);
        assertEquals(0, new BigDecimal("2.30").compareTo(touristTaxes.find(owner, gite).orElseThrow().ceiling().orElseThrow()));
        assertEquals(1, count("select count(*) from tourist_tax where accommodation_id = ? and amount is null", gite));
        touristTaxes.remove(owner, gite);
        assertTrue(touristTaxes.find(owner, gite).isEmpty());
    }

    @Test
    void anotherOwnersIdsDoNotExistForYou() {
        long a = newOwner();
        long b = newOwner();
        long gite = gite(a, true);
        long rate = rates.create(a, gite, List.of(DayPeriod.of("2019-05-01", "2019-06-01")), 7, SATURDAY,
                new BigDecimal("500.00"), Optional.empty()).id();
        long ban = bans.close(a, gite, day("2019-05-31"), day("2019-05-31")).id();
        long promotion = promotions.create(a, Promotion.Kind.LAST_MINUTE, 7, new BigDecimal("20"), TranslatedText.empty(),
                Set.of(), List.of()).id();
        long code = promoCodes.create(a, noel2019(Set.of())).id();
        long supplement = supplements.create(a, cleaning(Set.of())).id();
        long range = ageRanges.list(a).get(0).id();
        LocalDate may1 = day("2019-05-01");
        LocalDate may31 = day("2019-05-31");

        List<Executable> attempts = List.of(
                () -> rates.create(b, gite, List.of(DayPeriod.of("2019-05-01", "2019-06-01")), 7, SATURDAY,
                        BigDecimal.TEN, Optional.empty()),
                () -> rates.get(b, rate),
                () -> rates.overlapping(b, gite, may1, may31),
                () -> rates.reprice(b, rate, BigDecimal.ONE, Optional.empty()),
                () -> rates.delete(b, rate),
                () -> stock.setUnits(b, gite, may1, may31, 2),
                () -> stock.nights(b, gite, may1, may31),
                () -> bans.close(b, gite, may1, may31),
                () -> bans.overlapping(b, gite, may1, may31),
                () -> bans.delete(b, ban),
                () -> promotions.create(b, Promotion.Kind.LAST_MINUTE, 7, BigDecimal.TEN, TranslatedText.empty(), Set.of(gite), List.of()),
                () -> promotions.get(b, promotion),
                () -> promotions.update(b, promotion, Promotion.Kind.LAST_MINUTE, 7, BigDecimal.TEN, TranslatedText.empty(), Set.of(), List.of()),
                () -> promotions.delete(b, promotion),
                () -> promoCodes.create(b, noel2019(Set.of(gite))),
                () -> promoCodes.get(b, code),
                () -> promoCodes.update(b, code, noel2019(Set.of())),
                () -> promoCodes.delete(b, code),
                () -> supplements.create(b, cleaning(Set.of(gite))),
                () -> supplements.get(b, supplement),
                () -> supplements.update(b, supplement, cleaning(Set.of())),
                () -> supplements.delete(b, supplement),
                () -> ageRanges.get(b, range),
                () -> ageRanges.update(b, range, "Volé", 1, 2, false),
                () -> ageRanges.delete(b, range),
                () -> touristTaxes.find(b, gite),
                () -> touristTaxes.chargePerAdultNight(b, gite, BigDecimal.ONE, null),
                () -> touristTaxes.chargePercentUnclassified(b, gite, BigDecimal.ONE, BigDecimal.ONE, null),
                () -> touristTaxes.remove(b, gite),
                () -> loader.load(b, gite));
        for (int i = 0; i < attempts.size(); i++) {
            assertThrows(NotFoundException.class, attempts.get(i), "attempt " + i);
        }
        assertTrue(promotions.list(b).isEmpty());
        assertTrue(supplements.list(b).isEmpty());
        assertTrue(promoCodes.search(b, PromoCodeSearch.everything()).isEmpty());
        assertEquals(3, ageRanges.list(b).size(), "b gets its own defaults");
        assertEquals(0, new BigDecimal("500.00").compareTo(rates.get(a, rate).price()), "A's data is untouched");
        assertEquals(1, promotions.list(a).size());
    }

    @Test
    void theSchemaRefusesImpossibleRows() throws SQLException {
        long owner = newOwner();
        long gite = gite(owner, true);
        stock.setUnits(owner, gite, day("2019-05-04"), day("2019-05-04"), 2);
        assertEquals("23514", assertThrows(SQLException.class, () -> update(
                "update night_stock set sold = 3 where accommodation_id = ?", gite)).getSQLState(), "sold > units");
        assertEquals("23514", assertThrows(SQLException.class, () -> update(
                "insert into rate (account_id, accommodation_id, nights, arrival_days, price) values (?, ?, 7, 0, 500)",
                owner, gite)).getSQLState(), "no arrival day");
        assertEquals("23514", assertThrows(SQLException.class, () -> update(
                "insert into promo_code (account_id, code, internal_label, public_label, single_use, valid_from, "
                        + "valid_to, percent) values (?, 'noel', 'x', 'x', true, ?, ?, 25)",
                owner, day("2019-09-01"), day("2019-12-01"))).getSQLState(), "lower-case code");
        long code = promoCodes.create(owner, noel2019(Set.of())).id();
        update("update promo_code set uses = 1 where id = ?", code);
        assertEquals("23514", assertThrows(SQLException.class, () -> update(
                "update promo_code set uses = 2 where id = ?", code)).getSQLState(), "single use spent twice");
    }

    @Test
    void theLoadedCatalogPricesTheTutorialsFigures() {
        long owner = newOwner();
        long gite = gite(owner, false);
        long other = gite(owner, false);
        rates.create(owner, gite, List.of(DayPeriod.of("2019-05-01", "2019-06-01"), DayPeriod.of("2019-09-01", "2019-10-01")),
                7, SATURDAY, new BigDecimal("500.00"), Optional.empty());
        rates.create(owner, gite, List.of(DayPeriod.of("2019-12-01", "2019-12-31")), 7, SATURDAY,
                new BigDecimal("1500.00"), Optional.empty());
        rates.create(owner, other, List.of(DayPeriod.of("2019-05-01", "2019-06-01")), 7, SATURDAY,
                new BigDecimal("9999.00"), Optional.empty());
        promoCodes.create(owner, noel2019(Set.of(gite)));
        promoCodes.create(owner, new PromoCodeService.Definition("AUTRE", "Autre", "Autre", PromoCode.Usage.MULTIPLE,
                day("2019-01-01"), day("2019-12-31"), BigDecimal.TEN, Set.of(other), List.of()));
        promotions.create(owner, Promotion.Kind.LAST_MINUTE, 7, BigDecimal.TEN, TranslatedText.empty(), Set.of(other), List.of());

        PricingInputs inputs = loader.load(owner, gite);
        assertEquals(2, inputs.catalog().rates().size(), "only this accommodation's rates");
        AgeRange adult = inputs.ageRanges().stream().filter(AgeRange::taxable).findFirst().orElseThrow();
        QuoteCalculator calculator = new QuoteCalculator();
        // account-wide lists: the calculator applies only what is scoped to this accommodation
        Quote otherCode = quote(calculator, inputs, adult, "2019-05-04", Optional.of("AUTRE"), "2019-04-30");
        assertEquals(Optional.of(PromoCodeRejection.EXCLUDED_ACCOMMODATION), otherCode.promoCodeRejection());
        assertEquals(Money.of("500.00"), otherCode.total(), "nor the other accommodation's last-minute promotion");

        Quote week = quote(calculator, inputs, adult, "2019-05-04", Optional.empty(), "2019-01-10");
        assertEquals(Money.of("500.00"), week.total());
        assertEquals(Money.of("150.00"), week.deposit().amount());

        Quote noel = quote(calculator, inputs, adult, "2019-12-21", Optional.of("noel2019"), "2019-11-15");
        assertEquals(Money.of("1500.00"), noel.listPrice());
        assertEquals(Money.of("1125.00"), noel.total());

        Quote late = quote(calculator, inputs, adult, "2019-12-21", Optional.of("NOEL2019"), "2019-12-02");
        assertEquals(Money.of("1500.00"), late.total());
        assertEquals(Optional.of(PromoCodeRejection.OUTSIDE_USAGE_PERIOD), late.promoCodeRejection());
    }

    private static Quote quote(QuoteCalculator calculator, PricingInputs inputs, AgeRange adult, String arrival,
                               Optional<String> code, String booked) {
        QuoteRequest request = new QuoteRequest(inputs.profile(), StayPeriod.of(day(arrival), 7),
                GuestParty.of(adult, 2), Map.of(), code, day(booked), "fr");
        return calculator.quote(request, inputs.catalog(), NightAvailability.open(1)).quote()
                .orElseThrow(() -> new AssertionError("not bookable: " + calculator.quote(request, inputs.catalog(),
                        NightAvailability.open(1)).refusals()));
    }

    @Test
    void termsWithTheirConditionsAndMinimumStayAreSavedTogetherOrNotAtAll() throws SQLException {
        long owner = newOwner();
        AccountSalesTerms.Settings settings = new AccountSalesTerms.Settings(SalesTerms.DepositType.ACOMPTE,
                new BigDecimal("25"), 5, 45, 2, 3, false, List.of(new DepositRule(7, new BigDecimal("100"))));
        salesTerms.change(owner, settings, 3, TranslatedText.of(Map.of(Language.FR, "Arrivée à 16 h.",
                Language.EN, "Arrival at 4 pm.")));
        assertEquals(2, count("select count(*) from sales_terms_text where account_id = ?", owner));
        assertEquals(3, count("select min_stay_nights from account where id = ?", owner));
        assertEquals("Arrival at 4 pm.", salesTerms.get(owner).conditions().in(Language.EN));

        assertEquals("salesTerms.minStay.range", assertThrows(InvalidInputException.class,
                () -> salesTerms.change(owner, settings, 0, TranslatedText.empty())).messageKey());
        assertEquals("salesTerms.optionDays.range", assertThrows(InvalidInputException.class,
                () -> salesTerms.change(owner, new AccountSalesTerms.Settings(SalesTerms.DepositType.ARRHES,
                        new BigDecimal("30"), 7, 30, 0, 0, true, List.of()), 5, TranslatedText.empty())).messageKey());
        assertEquals(2, count("select count(*) from sales_terms_text where account_id = ?", owner), "nothing half-written");
        assertEquals(3, count("select min_stay_nights from account where id = ?", owner));

        CatalogPromoCode code = promoCodes.create(owner, new PromoCodeService.Definition("ETE", "Fidélité",
                TranslatedText.of(Map.of(Language.FR, "Offre d'été", Language.NL, "Zomeraanbieding")),
                PromoCode.Usage.MULTIPLE, day("2019-06-01"), day("2019-08-31"), BigDecimal.TEN, Set.of(), List.of()));
        assertEquals(1, count("select count(*) from promo_code_label where promo_code_id = ? and lang = 'nl'", code.id()));
        assertEquals("Zomeraanbieding", promoCodes.get(owner, code.id()).publicLabels().in(Language.NL));

        // a dossier keeps its party's label and taxability: removing a range it used must not fail
        assertEquals(1, count("select count(*) from information_schema.referential_constraints"
                + " where constraint_name = 'dossier_party_age_range_id_fkey' and delete_rule = 'SET NULL'"));
    }
}
