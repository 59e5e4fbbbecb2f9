package org.sejour.domain.model.pricing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sejour.domain.model.shared.DateRange;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.Percentage;
import org.sejour.domain.model.shared.StayPeriod;

/** Test data built fresh by each call; only immutable values, no shared state. */
final class Fixtures {

    static final long STUDIO = 1L;
    static final long LYON = 4L;

    static final AgeRange ADULT = new AgeRange("Adulte", 18, 120, true);
    static final AgeRange TEEN = new AgeRange("Adolescent 13-17", 13, 17, false);
    static final AgeRange CHILD = new AgeRange("Enfant 2-12", 2, 12, false);
    static final AgeRange BABY = new AgeRange("Bébé", 0, 1, false);

    private Fixtures() {
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    static AccommodationProfile studio() {
        return new AccommodationProfile(STUDIO, Classification.TWO_STARS, 1, 4);
    }

    static GuestParty adults(int count) {
        return GuestParty.of(ADULT, count);
    }

    /** The tutorial's grid: low season 500 € (two periods), high season 800 €, Saturday weeks. */
    static List<Rate> tutorialRates() {
        Rate low = new Rate(STUDIO,
                List.of(DateRange.of("2019-05-01", "2019-06-01"), DateRange.of("2019-09-01", "2019-10-01")),
                7, Set.of(DayOfWeek.SATURDAY), Money.of("500.00"), Optional.empty());
        Rate high = Rate.of(STUDIO, DateRange.of("2019-06-01", "2019-09-01"), 7,
                Set.of(DayOfWeek.SATURDAY), Money.of("800.00"));
        return List.of(low, high);
    }

    static Rate weekRate(String first, String last, String price) {
        return Rate.of(STUDIO, DateRange.of(first, last), 7, Set.of(DayOfWeek.SATURDAY), Money.of(price));
    }

    /** Arrhes 30 %, 100 % within 7 days of arrival, deposit in 7 days, balance 30 days before arrival. */
    static SalesTerms terms() {
        return terms(1, 0);
    }

    static SalesTerms terms(int minimumStayNights, int leadTimeDays) {
        return new SalesTerms(SalesTerms.DepositType.ARRHES, Percentage.of(30),
                List.of(new SalesTerms.ProximityRule(7, Percentage.FULL)),
                7, 30, minimumStayNights, leadTimeDays);
    }

    static PromoCode noel2019() {
        return new PromoCode("NOEL2019", "Promotion Noël 2019", "Promotion Noël 2019", PromoCode.Usage.SINGLE,
                DateRange.of("2019-09-01", "2019-12-01"), Percentage.of(25),
                AccommodationScope.all(), StayScope.all(), 0);
    }

    static Supplement supplement(long id, Supplement.Kind kind, String label, Supplement.Pricing pricing,
                                 SupplementPrice price, boolean depositApplies, int maxQuantity) {
        return new Supplement(id, kind, Map.of("fr", label), Map.of(), pricing, price, depositApplies,
                maxQuantity, AccommodationScope.all());
    }

    static PricingCatalog catalog(List<Rate> rates) {
        return new PricingCatalog(rates, List.of(), List.of(), List.of(), Optional.empty(), terms());
    }

    static QuoteRequest request(String arrival, int nights, GuestParty party, String bookingDate) {
        return new QuoteRequest(studio(), StayPeriod.of(date(arrival), nights), party, Map.of(),
                Optional.empty(), date(bookingDate), "fr");
    }

    static QuoteRequest requestWithCode(String arrival, int nights, String code, String bookingDate) {
        return new QuoteRequest(studio(), StayPeriod.of(date(arrival), nights), adults(2), Map.of(),
                Optional.of(code), date(bookingDate), "fr");
    }
}
