package org.sejour.it.incontainer;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.AccommodationService;
import org.sejour.application.CreatedOwner;
import org.sejour.application.OperatorService;
import org.sejour.application.booking.AvailabilityService;
import org.sejour.application.booking.BookingCommand;
import org.sejour.application.booking.BookingService;
import org.sejour.application.booking.DossierService;
import org.sejour.application.booking.QuoteService;
import org.sejour.application.booking.StayRequest;
import org.sejour.application.catalog.PricingCatalogLoader;
import org.sejour.application.catalog.SalesTermsService;
import org.sejour.application.site.BookingTestService;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Classification;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.account.AccountMode;
import org.sejour.domain.model.account.AccountState;
import org.sejour.domain.model.catalog.AccountSalesTerms;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.NotBookableException;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.dossier.StayTakenException;
import org.sejour.domain.model.dossier.TermsAcceptance;
import org.sejour.domain.model.pricing.ArrivalCalendar;
import org.sejour.domain.model.pricing.PromoCodeRejection;
import org.sejour.domain.model.pricing.Quote;
import org.sejour.domain.model.pricing.QuoteResult;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.domain.model.shared.StayPeriod;
import org.sejour.domain.model.shared.TranslatedText;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The booking engine on Payara and PostgreSQL: quotes, dossiers, and the no-double-booking guarantee. */
@ExtendWith(ArquillianExtension.class)
public class BookingIT {

    // Saturday 1 May 2027: the tutorial's "Saturday to Saturday, 1 May – 1 June" moved to a future year
    static final LocalDate MAY_FIRST = LocalDate.of(2027, 5, 1);

    @EJB
    OperatorService operators;
    @EJB
    AccommodationService accommodations;
    @EJB
    QuoteService quotes;
    @EJB
    BookingService bookings;
    @EJB
    DossierService dossiers;
    @EJB
    AvailabilityService availability;
    @EJB
    BookingTestService bookingTests;
    @EJB
    SalesTermsService salesTerms;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;
    @Resource
    ManagedExecutorService executor;
    @Inject
    PricingCatalogLoader catalogs;
    @Resource
    UserTransaction transaction;

    record Owner(long accountId, long accommodationId) {
    }

    private Owner ownerWithWeeklyRate(boolean stockManaged, int stock, String price) throws SQLException {
        CreatedOwner owner = operators.createOwner("book-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
        long accommodationId = accommodations.create(owner.accountId(), new AccommodationDetails("Gîte les Lauriers",
                stockManaged, AccommodationType.GITE, Classification.TWO_STARS, null, "1 chemin", "38000", "Grenoble",
                null, null, 1, 6, null, null, null, null, Visibility.BOOKABLE, TranslatedText.empty(), Set.of())).id();
        long rateId = insert("insert into rate (account_id, accommodation_id, nights, arrival_days, price) "
                + "values (?, ?, 7, 32, ?) returning id", owner.accountId(), accommodationId, new BigDecimal(price));
        update("insert into rate_period (rate_id, first_day, last_day) values (?, ?, ?)", rateId, MAY_FIRST,
                LocalDate.of(2027, 6, 1));
        if (stockManaged) {
            update("insert into night_stock (accommodation_id, night, units) select ?, d::date, ? "
                    + "from generate_series(?::date, ?::date, interval '1 day') d", accommodationId, stock, MAY_FIRST,
                    LocalDate.of(2027, 6, 30));
        }
        return new Owner(owner.accountId(), accommodationId);
    }

    private static StayRequest week(Owner owner, LocalDate arrival, String code) {
        return new StayRequest(owner.accommodationId(), StayPeriod.of(arrival, 7), Map.of("Adulte", 2), Map.of(),
                Optional.ofNullable(code), Language.FR);
    }

    private static BookingCommand booking(StayRequest stay, String lastName) {
        return new BookingCommand(stay, new Guest("Claude", lastName, "claude@example.test", "+33 6 00 00 00 00",
                null, null, null, "FR", Language.FR), Origin.PHONE, null, false);
    }

    @Test
    void theTutorialsWeekIsQuotedAndBookedAtItsPrice() throws SQLException {
        Owner owner = ownerWithWeeklyRate(false, 1, "500.00");
        QuoteResult result = quotes.quote(owner.accountId(), week(owner, MAY_FIRST, null));
        assertTrue(result.isBookable(), () -> result.refusals().toString());
        assertEquals(Money.of("500.00"), result.quote().orElseThrow().total());

        Dossier first = bookings.book(owner.accountId(), booking(week(owner, MAY_FIRST, null), "Martin"), null, "owner");
        Dossier second = bookings.book(owner.accountId(), booking(week(owner, MAY_FIRST.plusWeeks(1), null), "Durand"),
                null, "owner");
        assertEquals(1, first.number());
        assertEquals(2, second.number());
        assertEquals(DossierStatus.OPTION, first.status());
        assertEquals(Money.of("500.00"), first.total());
        assertEquals("MARTIN Claude", first.guest().displayName());
        assertEquals(List.of("Adulte 2 taxable"), first.party().stream()
                .map(p -> p.label() + " " + p.persons() + (p.taxable() ? " taxable" : " exempt")).toList());
        assertFalse(first.lines().isEmpty());
        assertEquals(0, first.lines().stream().map(l -> l.amount()).reduce(BigDecimal.ZERO, BigDecimal::add)
                .compareTo(new BigDecimal("500.00")), "frozen lines add up to the total");
    }

    @Test
    void searchAndMonthCalendarShowWhatCanBeBooked() throws SQLException {
        Owner owner = ownerWithWeeklyRate(false, 1, "500.00");
        List<AvailabilityService.SearchHit> hits = availability.search(owner.accountId(), MAY_FIRST, 7);
        assertEquals(1, hits.size());
        assertEquals(Money.of("500.00"), hits.get(0).quote().total());
        assertTrue(availability.search(owner.accountId(), MAY_FIRST.plusDays(1), 7).isEmpty(), "Sundays have no rate");

        List<LocalDate> arrivals = availability.month(owner.accountId(), owner.accommodationId(),
                YearMonth.of(2027, 5)).stream().map(ArrivalCalendar.ArrivalDay::date).toList();
        assertEquals(List.of(MAY_FIRST, MAY_FIRST.plusWeeks(1), MAY_FIRST.plusWeeks(2), MAY_FIRST.plusWeeks(3),
                MAY_FIRST.plusWeeks(4)), arrivals, "the Saturdays of May 2027");

        bookings.book(owner.accountId(), booking(week(owner, MAY_FIRST, null), "Martin"), null, "owner");
        assertTrue(availability.search(owner.accountId(), MAY_FIRST, 7).isEmpty(), "a booked week is not offered");
        assertFalse(availability.month(owner.accountId(), owner.accommodationId(), YearMonth.of(2027, 5)).stream()
                .anyMatch(day -> day.date().equals(MAY_FIRST)));
    }

    @Test
    void aPaymentLowersTheBalanceAndThePaidDepositConfirms() throws SQLException {
        Owner owner = ownerWithWeeklyRate(false, 1, "800.00");
        Dossier dossier = bookings.book(owner.accountId(), booking(week(owner, MAY_FIRST, null), "Martin"), null, "owner");
        Dossier paid = dossiers.recordPayment(owner.accountId(), dossier.id(), PaymentKind.DEPOSIT, LocalDate.now(),
                Money.of("200.00"), "virement", null, null, "owner");
        assertEquals(Money.of("600.00"), paid.remainingToPay(), "the tutorial's 800 − 200");
        assertEquals(paid.depositAmount().compareTo(Money.of("200.00")) <= 0 ? DossierStatus.CONFIRMED
                : DossierStatus.OPTION, paid.status());
        Dossier again = dossiers.recordPayment(owner.accountId(), dossier.id(), PaymentKind.BALANCE, LocalDate.now(),
                Money.of("600.00"), "carte", null, "PSP-42", "provider");
        Dossier repeated = dossiers.recordPayment(owner.accountId(), dossier.id(), PaymentKind.BALANCE, LocalDate.now(),
                Money.of("600.00"), "carte", null, "PSP-42", "provider");
        assertEquals(Money.ZERO, again.remainingToPay());
        assertEquals(Money.ZERO, repeated.remainingToPay(), "a repeated notification does not pay twice");
        assertEquals(DossierStatus.CONFIRMED, repeated.status());
        assertEquals(2, repeated.payments().size());
    }

    @Test
    void aTakenStayIsRefusedAndCancellingGivesItBack() throws SQLException {
        Owner owner = ownerWithWeeklyRate(false, 1, "500.00");
        Dossier first = bookings.book(owner.accountId(), booking(week(owner, MAY_FIRST, null), "Martin"), null, "owner");
        NotBookableException refused = assertThrows(NotBookableException.class, () ->
                bookings.book(owner.accountId(), booking(week(owner, MAY_FIRST, null), "Durand"), null, "owner"));
        assertFalse(refused.refusals().isEmpty());
        // an overlapping stay starting mid-week is refused too (no rate, and no stock)
        assertThrows(SejourException.class, () -> bookings.book(owner.accountId(),
                booking(week(owner, MAY_FIRST.plusDays(3), null), "Petit"), null, "owner"));

        dossiers.cancel(owner.accountId(), first.id(), "owner", "guest changed plans");
        assertEquals(DossierStatus.CANCELLED, dossiers.get(owner.accountId(), first.id()).status());
        Dossier rebooked = bookings.book(owner.accountId(), booking(week(owner, MAY_FIRST, null), "Durand"), null, "owner");
        assertEquals(DossierStatus.OPTION, rebooked.status());
    }

    @Test
    void anIdempotencyKeyReturnsTheSameDossierAndRefusesAnotherRequest() throws SQLException {
        Owner owner = ownerWithWeeklyRate(false, 1, "500.00");
        String key = UUID.randomUUID().toString();
        Dossier first = bookings.book(owner.accountId(), booking(week(owner, MAY_FIRST, null), "Martin"), key, "guest");
        Dossier retried = bookings.book(owner.accountId(), booking(week(owner, MAY_FIRST, null), "Martin"), key, "guest");
        assertEquals(first.id(), retried.id());
        SejourException reused = assertThrows(SejourException.class, () -> bookings.book(owner.accountId(),
                booking(week(owner, MAY_FIRST.plusWeeks(1), null), "Martin"), key, "guest"));
        assertEquals("booking.idempotencyKeyReused", reused.messageKey());
        assertEquals(1, count("select count(*) from dossier where account_id = ?", owner.accountId()));
    }

    @Test
    void fiftyGuestsRacingForOneUnitMakeExactlyOneDossier() throws Exception {
        Owner owner = ownerWithWeeklyRate(false, 1, "500.00");
        assertEquals(1, race(owner, 50));
        assertNoNightOversold(owner);
    }

    @Test
    void fiftyGuestsRacingForThreeUnitsMakeExactlyThreeDossiers() throws Exception {
        Owner owner = ownerWithWeeklyRate(true, 3, "500.00");
        assertEquals(3, race(owner, 50));
        assertNoNightOversold(owner);
        assertEquals(0, count("select count(*) from night_stock where accommodation_id = ? and night >= ? "
                + "and night < ? and sold <> 3", owner.accommodationId(), MAY_FIRST, MAY_FIRST.plusDays(7)));
    }

    private int race(Owner owner, int guests) throws InterruptedException, ExecutionException, TimeoutException {
        // the account's default age ranges are created on first read: not part of the race
        assertTrue(quotes.quote(owner.accountId(), week(owner, MAY_FIRST, null)).isBookable());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < guests; i++) {
            String name = "Guest" + i;
            Callable<Boolean> attempt = () -> {
                start.await();
                try {
                    bookings.book(owner.accountId(), booking(week(owner, MAY_FIRST, null), name), null, "guest");
                    return true;
                } catch (StayTakenException | NotBookableException taken) {
                    return false;
                }
            };
            results.add(executor.submit(attempt));
        }
        start.countDown();
        int booked = 0;
        for (Future<Boolean> result : results) {
            if (result.get(120, TimeUnit.SECONDS)) {
                booked++;
            }
        }
        return booked;
    }

    private void assertNoNightOversold(Owner owner) throws SQLException {
        assertEquals(0, count("select count(*) from night_stock where sold > units"));
        // every sold unit is a stay of an active dossier covering that night, and the reverse
        assertEquals(0, count("select count(*) from night_stock s where s.accommodation_id = ? and s.sold <> "
                + "(select count(*) from dossier_stay t join dossier d on d.id = t.dossier_id "
                + " where t.accommodation_id = s.accommodation_id and d.status <> 'CANCELLED' "
                + " and s.night >= d.arrival and s.night < d.departure)", owner.accommodationId()));
    }

    @Test
    void aSingleUseCodeIsSpentOnceEvenWhenTwoGuestsRace() throws Exception {
        Owner owner = ownerWithWeeklyRate(true, 5, "1500.00");
        update("insert into promo_code (account_id, code, internal_label, public_label, single_use, valid_from, "
                        + "valid_to, percent) values (?, 'NOEL2019', 'Promotion Noël 2019', 'Promotion Noël 2019', true, ?, ?, 25)",
                owner.accountId(), LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        Quote quote = quotes.quote(owner.accountId(), week(owner, MAY_FIRST, "noel2019")).quote().orElseThrow();
        assertEquals(Money.of("1125.00"), quote.total(), "the tutorial's 1,500.00 € at −25 %");

        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String name = "Racer" + i;
            results.add(executor.submit(() -> {
                start.await();
                try {
                    return bookings.book(owner.accountId(), booking(week(owner, MAY_FIRST, "NOEL2019"), name), null,
                            "guest").total().amount().toPlainString();
                } catch (SejourException e) {
                    return e.messageKey();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        assertEquals(1, outcomes.stream().filter("1125.00"::equals).count(), outcomes::toString);
        assertEquals(1, count("select uses from promo_code where account_id = ?", owner.accountId()));
        assertEquals(1, count("select count(*) from dossier where account_id = ? and promo_code_id is not null",
                owner.accountId()));
        Quote after = quotes.quote(owner.accountId(), week(owner, MAY_FIRST.plusWeeks(1), "NOEL2019")).quote()
                .orElseThrow();
        assertEquals(Optional.of(PromoCodeRejection.SPENT), after.promoCodeRejection(), "the cached code is spent too");
        assertEquals(Money.of("1500.00"), after.total());
    }

    /**
     * The interleaving behind a race the suite once lost: a transaction reads the catalog, another
     * spends the single-use code, then the first reads it again. That second read meets the
     * entities the first left in its persistence context; they must not be cached as the new version.
     */
    @Test
    void aSecondCatalogReadInOneTransactionIsNotCachedAsCurrent() throws Exception {
        Owner owner = ownerWithWeeklyRate(true, 5, "1500.00");
        update("insert into promo_code (account_id, code, internal_label, public_label, single_use, valid_from, "
                        + "valid_to, percent) values (?, 'UNEFOIS', 'Une fois', 'Une fois', true, ?, ?, 25)",
                owner.accountId(), LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        transaction.begin();
        try {
            catalogs.loadAll(owner.accountId());
            update("update promo_code set uses = 1 where account_id = ?", owner.accountId());
            catalogs.loadAll(owner.accountId());
        } finally {
            transaction.commit();
        }
        Quote after = quotes.quote(owner.accountId(), week(owner, MAY_FIRST, "UNEFOIS")).quote().orElseThrow();
        assertEquals(Optional.of(PromoCodeRejection.SPENT), after.promoCodeRejection());
        assertEquals(Money.of("1500.00"), after.total());
    }

    /**
     * An online booking keeps the version of the terms the guest accepted and when; a version
     * the owner has since changed is refused and writes nothing; a phone booking accepts none.
     */
    @Test
    void aBookingKeepsTheTermsTheGuestAcceptedAndRefusesChangedOnes() throws SQLException {
        Owner owner = ownerWithWeeklyRate(false, 1, "500.00");
        String current = salesTerms.get(owner.accountId()).fingerprint();
        Instant acceptedAt = Instant.parse("2026-11-27T08:00:00Z");
        Guest guest = new Guest("Anne", "Durand", null, null, null, null, null, "FR", Language.FR);
        BookingCommand stale = new BookingCommand(week(owner, MAY_FIRST, null), guest, Origin.WIDGET, null, false,
                new TermsAcceptance("0000000000000000", acceptedAt));
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> bookings.book(owner.accountId(), stale, null, "guest"));
        assertEquals("acceptedTermsVersion", refused.violations().get(0).field());
        assertEquals(0, count("select count(*) from dossier where account_id = ?", owner.accountId()));

        Dossier booked = bookings.book(owner.accountId(), new BookingCommand(week(owner, MAY_FIRST, null), guest,
                Origin.WIDGET, null, false, new TermsAcceptance(current, acceptedAt)), null, "guest");
        assertEquals(Optional.of(new TermsAcceptance(current, acceptedAt)),
                dossiers.get(owner.accountId(), booked.id()).termsAccepted());

        AccountSalesTerms.Settings changed = salesTerms.get(owner.accountId()).settings();
        salesTerms.change(owner.accountId(), new AccountSalesTerms.Settings(changed.depositType(),
                changed.depositPercent(), changed.depositDueDays(), changed.balanceDueDays(), changed.leadTimeDays(),
                changed.optionDays() + 1, changed.confirmOnDeposit(), changed.depositRules()));
        assertThrows(InvalidInputException.class, () -> bookings.book(owner.accountId(), new BookingCommand(
                week(owner, MAY_FIRST.plusWeeks(1), null), guest, Origin.WIDGET, null, false,
                new TermsAcceptance(current, acceptedAt)), null, "guest"), "the terms changed since");
        Dossier byPhone = bookings.book(owner.accountId(), booking(week(owner, MAY_FIRST.plusWeeks(1), null), "Martin"),
                null, "owner");
        assertEquals(Optional.empty(), dossiers.get(owner.accountId(), byPhone.id()).termsAccepted());
    }

    /**
     * Deleting the test bookings gives back the codes they spent, in the same transaction: the
     * single-use code an owner tried in a test is new again, priced at once (the cached catalog
     * knew it spent), and a real dossier's use of a code stays counted.
     */
    @Test
    void deletingTestBookingsGivesBackTheCodesTheySpent() throws SQLException {
        Owner owner = ownerWithWeeklyRate(true, 5, "1500.00");
        update("insert into promo_code (account_id, code, internal_label, public_label, single_use, valid_from, "
                        + "valid_to, percent) values (?, 'ESSAI', 'Essai', 'Essai', true, ?, ?, 25), "
                        + "(?, 'AMIS', 'Amis', 'Amis', false, ?, ?, 10)",
                owner.accountId(), LocalDate.now().minusDays(1), LocalDate.now().plusDays(30),
                owner.accountId(), LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        Dossier test = bookings.book(owner.accountId(), new BookingCommand(week(owner, MAY_FIRST, "essai"),
                new Guest("Claude", "Essai", null, null, null, null, null, "FR", Language.FR), Origin.TEST,
                "booking-tests", false), null, "owner");
        assertEquals(Money.of("1125.00"), test.total());
        bookings.book(owner.accountId(), new BookingCommand(week(owner, MAY_FIRST.plusWeeks(1), "amis"),
                new Guest("Claude", "Essai", null, null, null, null, null, "FR", Language.FR), Origin.TEST,
                "booking-tests", false), null, "owner");
        bookings.book(owner.accountId(), booking(week(owner, MAY_FIRST.plusWeeks(2), "AMIS"), "Martin"), null,
                "owner");
        assertEquals(1, count("select uses from promo_code where account_id = ? and code = 'ESSAI'", owner.accountId()));
        assertEquals(2, count("select uses from promo_code where account_id = ? and code = 'AMIS'", owner.accountId()));
        assertEquals(Optional.of(PromoCodeRejection.SPENT), quotes.quote(owner.accountId(),
                week(owner, MAY_FIRST.plusWeeks(3), "ESSAI")).quote().orElseThrow().promoCodeRejection());

        Owner other = ownerWithWeeklyRate(false, 1, "500.00");
        assertEquals(0, bookingTests.deleteAll(other.accountId()), "another owner deletes none of these");
        assertEquals(1, count("select uses from promo_code where account_id = ? and code = 'ESSAI'", owner.accountId()));

        assertEquals(2, bookingTests.deleteAll(owner.accountId()));
        assertEquals(0, count("select uses from promo_code where account_id = ? and code = 'ESSAI'", owner.accountId()),
                "the single-use code is new again");
        assertEquals(1, count("select uses from promo_code where account_id = ? and code = 'AMIS'", owner.accountId()),
                "the real dossier's use is still counted");
        Quote again = quotes.quote(owner.accountId(), week(owner, MAY_FIRST.plusWeeks(3), "ESSAI")).quote()
                .orElseThrow();
        assertEquals(Optional.empty(), again.promoCodeRejection(), "the cached catalog saw the code given back");
        assertEquals(Money.of("1125.00"), again.total());
        assertEquals(Money.of("1125.00"), bookings.book(owner.accountId(),
                booking(week(owner, MAY_FIRST.plusWeeks(3), "ESSAI"), "Durand"), null, "guest").total());
    }

    /** A cancelled dossier, by the owner or by its option lapsing, gives its single-use code back. */
    @Test
    void aCancelledDossierGivesItsSingleUseCodeBack() throws SQLException {
        Owner owner = ownerWithWeeklyRate(true, 5, "1000.00");
        update("insert into promo_code (account_id, code, internal_label, public_label, single_use, valid_from, "
                        + "valid_to, percent) values (?, 'UNE', 'Une fois', 'Une fois', true, ?, ?, 20)",
                owner.accountId(), LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        Dossier first = bookings.book(owner.accountId(), booking(week(owner, MAY_FIRST, "UNE"), "Martin"), null,
                "guest");
        assertEquals(Money.of("800.00"), first.total());
        assertEquals(Optional.of(PromoCodeRejection.SPENT), quotes.quote(owner.accountId(),
                week(owner, MAY_FIRST.plusWeeks(1), "UNE")).quote().orElseThrow().promoCodeRejection());

        dossiers.cancel(owner.accountId(), first.id(), "owner", "guest changed plans");
        assertEquals(0, count("select uses from promo_code where account_id = ? and code = 'UNE'", owner.accountId()));
        Dossier second = bookings.book(owner.accountId(), booking(week(owner, MAY_FIRST.plusWeeks(1), "UNE"),
                "Durand"), null, "guest");
        assertEquals(Money.of("800.00"), second.total(), "the code is new again, and priced so at once");

        dossiers.expireOptions(second.optionExpiresAt().orElseThrow().plus(1, ChronoUnit.MINUTES), 10_000);
        assertEquals(DossierStatus.CANCELLED, dossiers.get(owner.accountId(), second.id()).status());
        assertEquals(0, count("select uses from promo_code where account_id = ? and code = 'UNE'", owner.accountId()),
                "a lapsed option gives it back too");
    }

    /**
     * The guests' search keeps its offers per accommodation (KeptOffers) and prices again only
     * those whose nights changed: the others' offers are the very objects of the search before.
     * Every way the nights change, plain SQL included, reaches the offers at once.
     */
    @Test
    void aSearchPricesAgainOnlyTheAccommodationsWhoseNightsChanged() throws SQLException {
        Owner owner = ownerWithWeeklyRate(false, 1, "500.00");
        long other = secondAccommodation(owner);
        long rateId = insert("insert into rate (account_id, accommodation_id, nights, arrival_days, price) "
                + "values (?, ?, 7, 32, 450) returning id", owner.accountId(), other);
        update("insert into rate_period (rate_id, first_day, last_day) values (?, ?, ?)", rateId, MAY_FIRST,
                LocalDate.of(2027, 6, 1));
        AvailabilityService.StayOffers searched = availability.offers(owner.accountId(), MAY_FIRST, 7);
        List<AvailabilityService.Offer> first = searched.offers();
        assertEquals(List.of(owner.accommodationId(), other), accommodationsOf(first));
        assertEquals(List.of(Money.of("500.00"), Money.of("450.00")),
                first.stream().map(AvailabilityService.Offer::price).toList());
        AvailabilityService.StayOffers again = availability.offers(owner.accountId(), MAY_FIRST, 7);
        assertSame(first.get(0), again.offers().get(0), "nothing changed: nothing priced again");
        assertSame(first.get(1), again.offers().get(1), "nothing changed: nothing priced again");
        assertEquals(searched.revision(), again.revision());

        // One transaction: the other's nights change after the stay (its version and the account's
        // move), and a ban closes the first one's stay behind the trigger's back (the flag it sets
        // once an accommodation's version moved in a transaction), so its version stays. Searched
        // again, the first is still offered: only the accommodation whose version moved was priced
        // again. The other's offer is the same as before, so the revision stays too (the answer
        // already written is served again).
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement hide = c.prepareStatement("select set_config(?, 'y', true)");
                 PreparedStatement ban = c.prepareStatement("insert into sales_ban (accommodation_id, first_night, "
                         + "last_night) values (?, ?, ?)")) {
                hide.setString(1, "sejour.nights_changed_a" + owner.accommodationId());
                hide.execute();
                bind(ban, new Object[] {owner.accommodationId(), MAY_FIRST.plusDays(1), MAY_FIRST.plusDays(1)});
                ban.executeUpdate();
                bind(ban, new Object[] {other, MAY_FIRST.plusDays(20), MAY_FIRST.plusDays(21)});
                ban.executeUpdate();
            }
            c.commit();
        }
        AvailabilityService.StayOffers after = availability.offers(owner.accountId(), MAY_FIRST, 7);
        assertEquals(List.of(owner.accommodationId(), other), accommodationsOf(after.offers()),
                "the first accommodation, whose version did not move, was not priced again");
        assertSame(first.get(0), after.offers().get(0));
        assertSame(first.get(1), after.offers().get(1));
        assertEquals(searched.revision(), after.revision());
        update("delete from sales_ban where accommodation_id = ?", owner.accommodationId());
        assertEquals(List.of(owner.accommodationId(), other),
                accommodationsOf(availability.offers(owner.accountId(), MAY_FIRST, 7).offers()));

        String unchanged = text("select coalesce((select version::text from accommodation_nights "
                + "where accommodation_id = ?), 'none')", owner.accommodationId());
        update("insert into sales_ban (accommodation_id, first_night, last_night) values (?, ?, ?)", other,
                MAY_FIRST.plusDays(2), MAY_FIRST.plusDays(3));
        List<AvailabilityService.Offer> banned = availability.offers(owner.accountId(), MAY_FIRST, 7).offers();
        assertEquals(List.of(owner.accommodationId()), accommodationsOf(banned), "a ban in plain SQL shows at once");
        assertNotEquals(searched.revision(), availability.offers(owner.accountId(), MAY_FIRST, 7).revision());
        assertSame(first.get(0), banned.get(0), "the accommodation without the ban is not priced again");
        assertEquals(unchanged, text("select coalesce((select version::text from accommodation_nights "
                + "where accommodation_id = ?), 'none')", owner.accommodationId()), "only the banned one's version moved");

        update("delete from sales_ban where accommodation_id = ? and first_night = ?", other, MAY_FIRST.plusDays(2));
        List<AvailabilityService.Offer> lifted = availability.offers(owner.accountId(), MAY_FIRST, 7).offers();
        assertEquals(List.of(owner.accommodationId(), other), accommodationsOf(lifted));
        assertSame(first.get(0), lifted.get(0));
        assertEquals(Money.of("450.00"), lifted.get(1).price());

        bookings.book(owner.accountId(), booking(week(owner, MAY_FIRST, null), "Martin"), null, "owner");
        List<AvailabilityService.Offer> booked = availability.offers(owner.accountId(), MAY_FIRST, 7).offers();
        assertEquals(List.of(other), accommodationsOf(booked), "a booked week is not offered");
        assertSame(lifted.get(1), booked.get(0), "the accommodation not booked is not priced again");
        assertEquals(List.of(other), accommodationsOf(availability.offers(owner.accountId(), MAY_FIRST, 7).offers()));

        update("update rate set price = 480 where accommodation_id = ?", other);
        List<AvailabilityService.Offer> repriced = availability.offers(owner.accountId(), MAY_FIRST, 7).offers();
        assertEquals(Money.of("480.00"), repriced.get(0).price(), "a catalog change prices every accommodation again");
        assertEquals(List.of(Money.of("500.00"), Money.of("480.00")), availability.offers(owner.accountId(),
                MAY_FIRST.plusWeeks(1), 7).offers().stream().map(AvailabilityService.Offer::price).toList(),
                "another stay, not booked, has both");
    }

    /**
     * A stay no one searched yet is priced afresh, but its nights come from memory (KeptNights)
     * when the accommodation's nights version did not move since a search read their block: a
     * change hidden from the trigger does not show. Switching stock management moves the version
     * (V57), since it decides what a night without a stock row holds.
     */
    @Test
    void aNewStayTakesItsNightsFromMemoryUntilTheirVersionMoves() throws SQLException {
        Owner owner = ownerWithWeeklyRate(false, 1, "500.00");
        assertEquals(List.of(owner.accommodationId()),
                accommodationsOf(availability.offers(owner.accountId(), MAY_FIRST, 7).offers()));
        // May 15's night is in the block read for May 1 (2027-04-20 to 05-21, KeptNights.BLOCK_NIGHTS)
        banBehindTheTrigger("sejour.nights_changed_a" + owner.accommodationId(), owner.accommodationId(),
                MAY_FIRST.plusDays(14));
        assertEquals(List.of(owner.accommodationId()),
                accommodationsOf(availability.offers(owner.accountId(), MAY_FIRST.plusDays(14), 7).offers()),
                "the nights of the block already read, not read again");

        update("update accommodation set stock_managed = true where id = ?", owner.accommodationId());
        assertEquals(List.of(), accommodationsOf(availability.offers(owner.accountId(), MAY_FIRST.plusDays(7), 7)
                .offers()), "managed now and without stock rows: nothing for sale, read again at once");
        update("update accommodation set stock_managed = false where id = ?", owner.accommodationId());
        assertEquals(List.of(), accommodationsOf(availability.offers(owner.accountId(), MAY_FIRST.plusDays(14), 7)
                .offers()), "read again: the ban shows");
        assertEquals(List.of(owner.accommodationId()),
                accommodationsOf(availability.offers(owner.accountId(), MAY_FIRST.plusDays(21), 7).offers()));
    }

    /**
     * The guests' search takes the accommodations' nights versions read under the account's
     * nights version of its kept state, once for each (KeptNights.versions): a change that moved
     * an accommodation's version but, hidden from the trigger, not the account's does not show
     * to a search under the same state; under the account's next version it does.
     */
    @Test
    void theGuestsSearchReadsTheAccommodationsVersionsOnceForEachVersionOfTheAccount() throws SQLException {
        Owner owner = ownerWithWeeklyRate(false, 1, "500.00");
        LocalDate june = MAY_FIRST.plusWeeks(4);
        AccountState state = stateOf(owner);
        assertEquals(List.of(owner.accommodationId()), accommodationsOf(availability.offers(state, june, 7).offers()));
        banBehindTheTrigger("sejour.nights_changed_" + owner.accountId(), owner.accommodationId(), june.plusDays(1));
        assertEquals(state, stateOf(owner), "the account's version did not move");
        assertEquals(List.of(owner.accommodationId()), accommodationsOf(availability.offers(state, june, 7).offers()),
                "the versions read under this state, not read again");
        assertEquals(List.of(), accommodationsOf(availability.offers(owner.accountId(), june, 7).offers()),
                "read again by a search that reads its versions itself");

        update("insert into sales_ban (accommodation_id, first_night, last_night) values (?, ?, ?)",
                owner.accommodationId(), june.plusDays(20), june.plusDays(20));
        AccountState next = stateOf(owner);
        assertNotEquals(state, next);
        assertEquals(List.of(), accommodationsOf(availability.offers(next, june, 7).offers()));
    }

    /**
     * A ban of one night, committed with {@code flag} set as the nights trigger sets it once it
     * moved a version in a transaction (the account's or an accommodation's), so that this
     * version does not move.
     */
    private void banBehindTheTrigger(String flag, long accommodationId, LocalDate night) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement hide = c.prepareStatement("select set_config(?, 'y', true)");
                 PreparedStatement ban = c.prepareStatement("insert into sales_ban (accommodation_id, first_night, "
                         + "last_night) values (?, ?, ?)")) {
                hide.setString(1, flag);
                hide.execute();
                bind(ban, new Object[] {accommodationId, night, night});
                ban.executeUpdate();
            }
            c.commit();
        }
    }

    /** The account's state as its kept copy (AccountStates) would hold it, read here in SQL. */
    private AccountState stateOf(Owner owner) throws SQLException {
        String nights = text("select coalesce((select version::text from account_nights where account_id = ?), '')",
                owner.accountId());
        return new AccountState(owner.accountId(), AccountMode.PRODUCTION,
                UUID.fromString(text("select catalog_version::text from account where id = ?", owner.accountId())),
                nights.isEmpty() ? Optional.empty() : Optional.of(UUID.fromString(nights)),
                Optional.ofNullable(text("select website from account where id = ?", owner.accountId())));
    }

    /** Nothing bookable is an answer too: kept, with its revision, not an error. */
    @Test
    void anAccountWithNothingBookableOffersNothing() throws SQLException {
        CreatedOwner owner = operators.createOwner("none-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
        AvailabilityService.StayOffers none = availability.offers(owner.accountId(), MAY_FIRST, 7);
        assertTrue(none.offers().isEmpty());
        assertEquals(none.revision(), availability.offers(owner.accountId(), MAY_FIRST, 7).revision());
    }

    /** A ban moved from one accommodation to another changes the nights of both. */
    @Test
    void aRowMovedToAnotherAccommodationMovesBothVersions() throws SQLException {
        Owner owner = ownerWithWeeklyRate(false, 1, "500.00");
        long other = secondAccommodation(owner);
        update("insert into sales_ban (accommodation_id, first_night, last_night) values (?, ?, ?)",
                owner.accommodationId(), MAY_FIRST, MAY_FIRST);
        String query = "select coalesce((select version::text from accommodation_nights where accommodation_id = ?), 'none')";
        String first = text(query, owner.accommodationId());
        String second = text(query, other);
        update("update sales_ban set accommodation_id = ? where accommodation_id = ?", other, owner.accommodationId());
        assertNotEquals(first, text(query, owner.accommodationId()), "the accommodation the ban left");
        assertNotEquals(second, text(query, other), "the accommodation the ban went to");
    }

    /** Another bookable gîte of the owner, without rates. */
    private long secondAccommodation(Owner owner) {
        return accommodations.create(owner.accountId(), new AccommodationDetails("Gîte les Tilleuls", false,
                AccommodationType.GITE, Classification.TWO_STARS, null, "2 chemin", "38000", "Grenoble", null, null, 1,
                6, null, null, null, null, Visibility.BOOKABLE, TranslatedText.empty(), Set.of())).id();
    }

    private static List<Long> accommodationsOf(List<AvailabilityService.Offer> offers) {
        return offers.stream().map(AvailabilityService.Offer::accommodationId).toList();
    }

    /** The pricing inputs are cached per account version: every kind of change must show at once. */
    @Test
    void aCatalogChangeIsPricedAtOnce() throws SQLException {
        Owner owner = ownerWithWeeklyRate(false, 1, "500.00");
        YearMonth may = YearMonth.of(2027, 5);
        assertEquals(Money.of("500.00"), availability.search(owner.accountId(), MAY_FIRST, 7).get(0).quote().total());
        assertEquals(5, availability.month(owner.accountId(), owner.accommodationId(), may).size());

        update("update rate set price = 650 where accommodation_id = ?", owner.accommodationId());
        assertEquals(Money.of("650.00"), availability.search(owner.accountId(), MAY_FIRST, 7).get(0).quote().total());

        update("update rate_period set last_day = ? where rate_id in (select id from rate where accommodation_id = ?)",
                LocalDate.of(2027, 5, 10), owner.accommodationId());
        assertTrue(availability.month(owner.accountId(), owner.accommodationId(), may).size() < 5,
                "a shorter period offers fewer Saturdays");

        update("update account set min_stay_nights = 14 where id = ?", owner.accountId());
        assertTrue(availability.search(owner.accountId(), MAY_FIRST, 7).isEmpty(), "a week is now too short");
        update("update account set min_stay_nights = 1 where id = ?", owner.accountId());
        assertEquals(1, availability.search(owner.accountId(), MAY_FIRST, 7).size());

        update("update accommodation set capacity_min = 3, capacity_max = 3 where id = ?", owner.accommodationId());
        assertFalse(quotes.quote(owner.accountId(), week(owner, MAY_FIRST, null)).isBookable(),
                "two guests no longer fit a new minimum of three");
    }

    @Test
    void anotherOwnersAccommodationAndDossiersDoNotExistForYou() throws SQLException {
        Owner a = ownerWithWeeklyRate(false, 1, "500.00");
        Owner b = ownerWithWeeklyRate(false, 1, "500.00");
        Dossier dossierOfA = bookings.book(a.accountId(), booking(week(a, MAY_FIRST, null), "Martin"), null, "owner");
        StayRequest intoA = week(a, MAY_FIRST.plusWeeks(1), null);
        assertThrows(NotFoundException.class, () -> quotes.quote(b.accountId(), intoA));
        assertThrows(NotFoundException.class, () -> bookings.book(b.accountId(), booking(intoA, "Voleur"), null, "x"));
        assertThrows(NotFoundException.class, () -> dossiers.get(b.accountId(), dossierOfA.id()));
        assertThrows(NotFoundException.class, () -> dossiers.cancel(b.accountId(), dossierOfA.id(), "x", null));
        assertThrows(NotFoundException.class, () -> dossiers.recordPayment(b.accountId(), dossierOfA.id(),
                PaymentKind.OTHER, LocalDate.now(), Money.of("1.00"), "x", null, null, "x"));
        assertEquals(DossierStatus.OPTION, dossiers.get(a.accountId(), dossierOfA.id()).status());
    }

    @Test
    void anExpiredOptionIsCancelledAndItsNightsAreFreed() throws SQLException {
        Owner owner = ownerWithWeeklyRate(false, 1, "500.00");
        Dossier option = bookings.book(owner.accountId(), booking(week(owner, MAY_FIRST, null), "Martin"), null, "guest");
        assertTrue(option.optionExpiresAt().isPresent());
        int expired = dossiers.expireOptions(option.optionExpiresAt().get().plus(1, ChronoUnit.MINUTES), 10_000);
        assertTrue(expired >= 1);
        assertEquals(DossierStatus.CANCELLED, dossiers.get(owner.accountId(), option.id()).status());
        assertEquals(0, count("select coalesce(sum(sold), 0) from night_stock where accommodation_id = ?",
                owner.accommodationId()));
        assertEquals(DossierStatus.OPTION, bookings.book(owner.accountId(),
                booking(week(owner, MAY_FIRST, null), "Durand"), null, "guest").status());
    }

    private long insert(String sql, Object... args) throws SQLException {
        return ((Number) firstValue(sql, args)).longValue();
    }

    private void update(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            s.executeUpdate();
        }
    }

    private String text(String sql, Object... args) throws SQLException {
        return (String) firstValue(sql, args);
    }

    /** The first column of the first row the statement answers. */
    private Object firstValue(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getObject(1);
            }
        }
    }

    private long count(String sql, Object... args) throws SQLException {
        return insert(sql, args);
    }

    private static void bind(PreparedStatement s, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
