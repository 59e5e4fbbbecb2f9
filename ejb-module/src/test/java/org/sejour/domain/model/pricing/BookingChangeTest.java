package org.sejour.domain.model.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sejour.domain.model.pricing.Fixtures.ADULT;
import static org.sejour.domain.model.pricing.Fixtures.STUDIO;
import static org.sejour.domain.model.pricing.Fixtures.date;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.PartyCount;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.dossier.PricedLine;
import org.sejour.domain.model.dossier.Repricing;
import org.sejour.domain.model.dossier.Repricing.Choice;
import org.sejour.domain.model.shared.DateRange;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.Percentage;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.domain.model.shared.StayPeriod;
import org.sejour.domain.model.shared.TranslatedText;

/**
 * docs/pricing.md, example 6: the tutorial's week (Sat 4 May 2019, 500.00 €, booked 10 January,
 * deposit 150.00 € by 17 January, balance 350.00 € by 4 April) changed on 1 February, every kind
 * of change priced by the same calculator as a new booking, and the three choices of price.
 */
class BookingChangeTest {

    static final long CHALET = 2L;
    static final long BABY_BED = 4L;
    static final String CHANGED_ON = "2019-02-01";

    private final QuoteCalculator calculator = new QuoteCalculator();

    /** Low season 500 € a week and 900 € two weeks, high season 800 € a week; the chalet 650 €; tax 1.50 €. */
    private static PricingCatalog catalog(long accommodation) {
        List<Rate> rates = accommodation == STUDIO ? List.of(
                Rate.of(STUDIO, DateRange.of("2019-05-01", "2019-06-01"), 7, Set.of(DayOfWeek.SATURDAY),
                        Money.of("500.00")),
                Rate.of(STUDIO, DateRange.of("2019-05-01", "2019-06-01"), 14, Set.of(DayOfWeek.SATURDAY),
                        Money.of("900.00")),
                Rate.of(STUDIO, DateRange.of("2019-06-01", "2019-09-01"), 7, Set.of(DayOfWeek.SATURDAY),
                        Money.of("800.00")))
                : List.of(Rate.of(CHALET, DateRange.of("2019-05-01", "2019-06-01"), 7, Set.of(DayOfWeek.SATURDAY),
                Money.of("650.00")));
        Supplement babyBed = Fixtures.supplement(BABY_BED, Supplement.Kind.OPTIONAL, "Lit bébé",
                Supplement.Pricing.PER_DAY, SupplementPrice.alwaysSame("5.00"), true, 1);
        PromoCode friends = new PromoCode("AMIS", "Amis", "Code amis", PromoCode.Usage.MULTIPLE,
                DateRange.of("2019-01-01", "2019-12-31"), Percentage.of(10), AccommodationScope.all(),
                StayScope.all(), 0);
        TouristTax tax = new TouristTax("Grenoble", Map.of(Classification.TWO_STARS, Money.of("1.50")),
                Optional.empty(), Optional.empty());
        return new PricingCatalog(rates, List.of(), List.of(friends), List.of(babyBed), Optional.of(tax),
                Fixtures.terms());
    }

    private Quote quote(long accommodation, String arrival, int nights, int adults, Map<Long, Integer> supplements,
                        String code, String bookedOn) {
        QuoteRequest request = new QuoteRequest(new AccommodationProfile(accommodation, Classification.TWO_STARS, 1, 6),
                StayPeriod.of(date(arrival), nights), GuestParty.of(ADULT, adults), supplements,
                Optional.ofNullable(code), date(bookedOn), "fr");
        QuoteResult result = calculator.quote(request, catalog(accommodation), NightAvailability.open(1));
        assertEquals(List.of(), result.refusals());
        return result.quote().orElseThrow();
    }

    private static Accommodation accommodation(String name) {
        return new Accommodation(new Account(100001, Instant.now()), new AccommodationDetails(name, false,
                AccommodationType.GITE, org.sejour.domain.model.accommodation.Classification.TWO_STARS, null,
                "1 chemin", "38000", "Grenoble", null, null, 1, 6, null, null, null, null, Visibility.BOOKABLE,
                TranslatedText.empty(), Set.of()), Instant.now());
    }

    /** The tutorial's week, booked on 10 January; {@code paid} of the deposit already received. */
    private Dossier booked(String paid) {
        Basket basket = Basket.of(quote(STUDIO, "2019-05-04", 7, 2, Map.of(), null, "2019-01-10"));
        Dossier dossier = Dossier.open(new Dossier.Booking(1, 1, basket.stay(),
                List.of(new Dossier.BookedStay(accommodation("Studio"), List.of(new PartyCount("Adulte", 2, true)))),
                new Guest("Claude", "Martin", null, null, null, null, null, "FR", Language.FR),
                Repricing.ofBooking(basket), null, Dossier.Provenance.of(Origin.PHONE), false,
                Instant.now(), Instant.now(), "owner"));
        if (!paid.equals("0")) {
            dossier.recordPayment(PaymentKind.DEPOSIT, date("2019-01-15"), Money.of(paid), "transfer", null, null,
                    Instant.now(), "owner");
        }
        return dossier;
    }

    private static String lines(Dossier.AgreedPrice price) {
        return price.lines().stream().map(l -> l.kind() + " " + l.amount().toPlainString())
                .collect(Collectors.joining(", "));
    }

    @Test
    void theTutorialsWeekAsBooked() {
        Dossier dossier = booked("0");
        assertEquals(Money.of("521.00"), dossier.total(), "500.00 and 21.00 of tourist tax (2 adults × 7 nights)");
        assertEquals(Money.of("150.00"), dossier.depositAmount(), "30 % of 500.00, never of the tax");
        assertEquals(Optional.of(date("2019-01-17")), dossier.depositDue());
        assertEquals(Money.of("371.00"), dossier.balanceAmount());
        assertEquals(Optional.of(date("2019-04-04")), dossier.balanceDueDate());
    }

    @ParameterizedTest(name = "{0}: {8}, total {9}, deposit {10} by {11}, balance by {12}")
    @CsvSource(delimiter = '|', textBlock = """
            dates: a week later                  |1|2019-05-11| 7|2|0|   |0     |TOURIST_TAX 21.00           |521.00 |150.00|2019-01-17|2019-04-11
            dates: into the high season          |1|2019-06-01| 7|2|0|   |0     |ACCOMMODATION 800.00        |821.00 |240.00|2019-01-17|2019-05-02
            nights: two weeks                    |1|2019-05-04|14|2|0|   |0     |TOURIST_TAX 42.00           |942.00 |270.00|2019-01-17|2019-04-04
            party: a third adult                 |1|2019-05-04| 7|3|0|   |0     |TOURIST_TAX 31.50           |531.50 |150.00|2019-01-17|2019-04-04
            accommodation: the chalet            |2|2019-05-04| 7|2|0|   |0     |ACCOMMODATION 650.00        |671.00 |195.00|2019-01-17|2019-04-04
            supplements: a baby bed              |1|2019-05-04| 7|2|1|   |0     |SUPPLEMENT 35.00            |556.00 |160.50|2019-01-17|2019-04-04
            code: AMIS, 10 %                     |1|2019-05-04| 7|2|0|AMIS|0    |PROMO_CODE -50.00           |471.00 |135.00|2019-01-17|2019-04-04
            deposit paid: into the high season   |1|2019-06-01| 7|2|0|   |150.00|ACCOMMODATION 800.00        |821.00 |150.00|2019-01-17|2019-05-02
            """)
    void eachKindOfChangeIsPricedByTodaysRules(String change, long accommodation, String arrival, int nights,
                                               int adults, int babyBed, String code, String paid, String line,
                                               String total, String deposit, String depositDue, String balanceDue) {
        Dossier dossier = booked(paid);
        Basket changed = Basket.of(quote(accommodation, arrival, nights, adults,
                babyBed > 0 ? Map.of(BABY_BED, babyBed) : Map.of(), code, CHANGED_ON));
        Dossier.AgreedPrice price = Repricing.ofChange(dossier, changed, Repricing.Decision.of(Choice.NEW_PRICE));
        assertEquals(true, lines(price).contains(line), () -> lines(price));
        assertEquals(Money.of(total), price.total());
        assertEquals(Money.of(deposit), price.deposit());
        assertEquals(date(depositDue), price.depositDue(), "the deposit keeps its deadline");
        assertEquals(date(balanceDue), price.balanceDue());
    }

    @Test
    void keepingTheAgreedPriceAddsALineThatMakesUpTheDifference() {
        Dossier dossier = booked("0");
        Basket changed = Basket.of(quote(STUDIO, "2019-06-01", 7, 2, Map.of(), null, CHANGED_ON));
        Dossier.AgreedPrice price = Repricing.ofChange(dossier, changed, Repricing.Decision.of(Choice.KEEP_AGREED));
        assertEquals("ACCOMMODATION 800.00, TOURIST_TAX 21.00, AGREED_PRICE -300.00", lines(price));
        assertEquals(Money.of("521.00"), price.total(), "the total agreed");
        assertEquals(Money.of("150.00"), price.deposit(), "and its deposit, as agreed");
        assertEquals(date("2019-05-02"), price.balanceDue(), "due as the new stay's terms say");
    }

    @Test
    void anAdjustmentIsALineWithItsReason() {
        Dossier dossier = booked("0");
        Basket changed = Basket.of(quote(STUDIO, "2019-06-01", 7, 2, Map.of(), null, CHANGED_ON));
        Dossier.AgreedPrice price = Repricing.ofChange(dossier, changed, new Repricing.Decision(Choice.ADJUSTMENT,
                Money.of("-100.00"), "  geste commercial "));
        assertEquals("ACCOMMODATION 800.00, TOURIST_TAX 21.00, ADJUSTMENT -100.00", lines(price));
        assertEquals("geste commercial", price.lines().get(2).label());
        assertEquals(Money.of("721.00"), price.total());
        assertEquals(Money.of("240.00"), price.deposit(), "30 % of the new stay, the deposit being unpaid");
    }

    @Test
    void anAdjustmentNeedsAnAmountAndAReason() {
        assertEquals("change.adjustment.reason.required", assertThrows(InvalidInputException.class,
                () -> new Repricing.Decision(Choice.ADJUSTMENT, Money.of("10.00"), " ")).violations().get(0)
                .messageKey());
        assertEquals("change.adjustment.required", assertThrows(InvalidInputException.class,
                () -> new Repricing.Decision(Choice.ADJUSTMENT, Money.ZERO, "rien")).violations().get(0).messageKey());
    }

    @Test
    void anAdjustmentCannotTakeTheTotalBelowZero() {
        Dossier dossier = booked("0");
        Basket changed = Basket.of(quote(STUDIO, "2019-05-04", 7, 2, Map.of(), null, CHANGED_ON));
        SejourException refused = assertThrows(SejourException.class, () -> Repricing.ofChange(dossier, changed,
                new Repricing.Decision(Choice.ADJUSTMENT, Money.of("-600.00"), "trop")));
        assertEquals("dossier.total.negative", refused.messageKey());
    }

    @Test
    void aChangeAppliedMovesTheStayAndItsLinesAndIssuesANewContractVersion() {
        Dossier dossier = booked("150.00");
        Basket changed = Basket.of(quote(STUDIO, "2019-05-04", 14, 2, Map.of(), null, CHANGED_ON));
        Dossier.AgreedPrice price = Repricing.ofChange(dossier, changed, Repricing.Decision.of(Choice.NEW_PRICE));
        dossier.change(new Dossier.Change(changed.stay(), List.of(new Dossier.BookedStay(accommodation("Studio"),
                List.of(new PartyCount("Adulte", 2, true)))), price, null, "7 → 14", Instant.now(), "owner"));
        assertEquals(new StayPeriod(date("2019-05-04"), date("2019-05-18")), dossier.stay());
        assertEquals(Money.of("942.00"), dossier.total());
        assertEquals(Money.of("792.00"), dossier.remainingToPay(), "942.00 − the 150.00 paid");
        assertEquals(Money.of("792.00"), dossier.balanceAmount(), "942.00 − the 150.00 deposit");
        assertEquals(2, dossier.contractVersion());
        assertEquals("CHANGED", dossier.history().get(dossier.history().size() - 1).action());
        assertEquals(List.of(0, 0), dossier.lines().stream().map(l -> l.stay().orElse(-1)).toList());
    }

    @Test
    void twoAccommodationsMakeOneDepositAndOneBalance() {
        Basket both = Basket.of(quote(STUDIO, "2019-05-04", 7, 2, Map.of(), null, "2019-01-10"),
                quote(CHALET, "2019-05-04", 7, 4, Map.of(), null, "2019-01-10"));
        assertEquals(Money.of("1213.00"), both.total(), "521.00 + 650.00 + 42.00 of tax for 4 adults");
        assertEquals(Money.of("345.00"), both.depositAmount(), "150.00 + 195.00");
        assertEquals(Money.of("868.00"), both.balanceAmount());
        assertEquals(date("2019-01-17"), both.depositDue());
        assertEquals(date("2019-04-04"), both.balanceDue());
        Dossier.AgreedPrice price = Repricing.ofBooking(both);
        assertEquals(List.of(0, 0, 1, 1), price.lines().stream().map(l -> l.stay().orElseThrow()).toList(),
                "each line names the stay it prices");
        assertThrows(IllegalArgumentException.class, () -> Basket.of(
                quote(STUDIO, "2019-05-04", 7, 2, Map.of(), null, "2019-01-10"),
                quote(CHALET, "2019-05-11", 7, 2, Map.of(), null, "2019-01-10")), "one dossier, one set of nights");
    }

    @Test
    void cancellingKeepsTheFeeAsALineAndLeavesTheRestToRefund() {
        Dossier dossier = booked("150.00");
        dossier.cancel(Instant.now(), "owner", "plans changed", Money.of("100.00"), null);
        assertEquals(List.of("ACCOMMODATION", "TOURIST_TAX", PricedLine.CANCELLED_STAY, PricedLine.CANCELLATION_FEE),
                dossier.lines().stream().map(PricedLine::kind).toList());
        assertEquals(Money.of("100.00"), dossier.total(), "the lines add up to the fee");
        assertEquals(Money.of("50.00"), dossier.amountToRefund(), "150.00 paid − 100.00 kept");
        assertEquals(List.of("CREATED_OPTION", "PAYMENT_DEPOSIT", "CANCELLED", "CANCELLATION_FEE", "REFUND_DUE"),
                dossier.history().stream().map(e -> e.action()).toList());
        dossier.recordPayment(PaymentKind.OTHER, LocalDate.now(), Money.of("-50.00"), "transfer", "refund", null,
                Instant.now(), "owner");
        assertEquals(Money.ZERO, dossier.amountToRefund(), "a refund recorded brings it down");
        assertThrows(SejourException.class, () -> booked("0").cancel(Instant.now(), "owner", null,
                Money.of("600.00"), null), "no fee above the total");
    }

    /**
     * Paid and refunded are kept apart (payments): a gesture refunded before the cancellation is
     * not offered again, and the refund of the rest settles the dossier, owing nothing either way.
     */
    @Test
    void aRefundMadeBeforeTheCancellationIsNotOfferedAgain() {
        Dossier dossier = booked("150.00");
        dossier.recordPayment(PaymentKind.OTHER, LocalDate.now(), Money.of("-30.00"), "transfer", "gesture", null,
                Instant.now(), "owner");
        assertEquals(Money.of("150.00"), dossier.totalPaid(), "gross");
        assertEquals(Money.of("30.00"), dossier.totalRefunded());
        dossier.cancel(Instant.now(), "owner", "plans changed", Money.of("100.00"), null);
        assertEquals(Money.of("20.00"), dossier.amountToRefund(), "120.00 kept of the 150.00 paid − 100.00 fee");
        assertEquals(Money.of("-20.00"), dossier.remainingToPay());
        dossier.recordPayment(PaymentKind.OTHER, LocalDate.now(), Money.of("-20.00"), "transfer", "refund", null,
                Instant.now(), "owner");
        assertEquals(Money.ZERO, dossier.amountToRefund());
        assertEquals(Money.ZERO, dossier.remainingToPay(), "nothing due again after the refunds");
    }
}
