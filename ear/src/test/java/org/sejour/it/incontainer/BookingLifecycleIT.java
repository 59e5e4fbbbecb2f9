package org.sejour.it.incontainer;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.sejour.application.AccommodationService;
import org.sejour.application.AccountService;
import org.sejour.application.CreatedOwner;
import org.sejour.application.OperatorService;
import org.sejour.application.booking.BookingCommand;
import org.sejour.application.booking.BookingService;
import org.sejour.application.booking.Cancellation;
import org.sejour.application.booking.CancellationTerms;
import org.sejour.application.booking.ChangeCommand;
import org.sejour.application.booking.ChangePreview;
import org.sejour.application.booking.DossierService;
import org.sejour.application.catalog.PromotionService;
import org.sejour.application.catalog.RateService;
import org.sejour.application.catalog.SalesBanService;
import org.sejour.application.catalog.SalesTermsService;
import org.sejour.application.channel.ChannelExportService;
import org.sejour.application.document.ContractService;
import org.sejour.application.mail.MailOutbox;
import org.sejour.application.planning.PlanningQueries;
import org.sejour.application.planning.PlanningView;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Classification;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.account.ContactDetails;
import org.sejour.domain.model.catalog.AccountSalesTerms;
import org.sejour.domain.model.catalog.CancellationRule;
import org.sejour.domain.model.catalog.DayPeriod;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.NotBookableException;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.dossier.PricedLine;
import org.sejour.domain.model.dossier.Repricing;
import org.sejour.domain.model.dossier.StayTakenException;
import org.sejour.domain.model.mail.MailKind;
import org.sejour.domain.model.mail.OutboxMail;
import org.sejour.domain.model.pricing.CancellationPolicy;
import org.sejour.domain.model.pricing.Promotion;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.domain.model.shared.StayPeriod;
import org.sejour.domain.model.shared.TranslatedText;
import org.sejour.it.PdfText;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole life of a booking on Payara and PostgreSQL: a change moves the nights in one
 * transaction and issues the contract again (the old one kept), a change racing a new booking for
 * the last unit (50 times), several accommodations in one dossier all or nothing, cancellation
 * under the owner's policy (fee kept, the rest to refund), guest cancellation allowed or not, and
 * another owner's ids refused everywhere.
 */
@ExtendWith(ArquillianExtension.class)
public class BookingLifecycleIT {

    @EJB
    OperatorService operators;
    @EJB
    AccountService accounts;
    @EJB
    AccommodationService accommodations;
    @EJB
    BookingService bookings;
    @EJB
    DossierService dossiers;
    @EJB
    SalesTermsService salesTerms;
    @EJB
    ContractService contracts;
    @EJB
    MailOutbox outbox;
    @EJB
    RateService rates;
    @EJB
    PromotionService promotions;
    @EJB
    SalesBanService bans;
    @EJB
    PlanningQueries planning;
    @EJB
    ChannelExportService channelExports;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;
    @Resource
    ManagedExecutorService executor;

    record Owner(long accountId, long gite, long chalet) {
    }

    /** Two gîtes (one unit each): weeks (7 nights) and nights (1) arriving any day, from today on for a year. */
    private Owner owner(String gitePrice, String chaletPrice) throws SQLException {
        CreatedOwner created = operators.createOwner("life-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.test");
        // the owner's e-mail, which mails to the owner go to
        accounts.updateContactDetails(created.accountId(), new ContactDetails(null, "Hélène", "Lefèvre",
                created.login(), "+33 4 92 00 00 00", null, "12 chemin des Alpages", "05000", "Gap", "FR", null));
        long gite = accommodation(created.accountId(), "Gîte les Lauriers");
        long chalet = accommodation(created.accountId(), "Chalet des Cimes");
        rate(created.accountId(), gite, 7, gitePrice);
        rate(created.accountId(), gite, 1, "80.00");
        rate(created.accountId(), chalet, 7, chaletPrice);
        rate(created.accountId(), chalet, 1, "90.00");
        return new Owner(created.accountId(), gite, chalet);
    }

    private long accommodation(long accountId, String name) {
        return accommodations.create(accountId, new AccommodationDetails(name, false, AccommodationType.GITE,
                Classification.TWO_STARS, null, "1 chemin", "05000", "Gap", null, null, 1, 6, null, null, null, null,
                Visibility.BOOKABLE, TranslatedText.empty(), Set.of())).id();
    }

    private void rate(long accountId, long accommodationId, int nights, String price) throws SQLException {
        long rateId = insert("insert into rate (account_id, accommodation_id, nights, arrival_days, price) "
                + "values (?, ?, ?, 127, ?) returning id", accountId, accommodationId, nights, new BigDecimal(price));
        insert("insert into rate_period (rate_id, first_day, last_day) values (?, ?, ?) returning rate_id", rateId,
                LocalDate.now().minusDays(2), LocalDate.now().plusDays(400));
    }

    private static org.sejour.application.booking.StayRequest stay(long accommodationId, LocalDate arrival,
                                                                    int nights, int adults) {
        return new org.sejour.application.booking.StayRequest(accommodationId, StayPeriod.of(arrival, nights),
                Map.of("Adulte", adults), Map.of(), Optional.empty(), Language.FR);
    }

    private static Guest guest(String lastName) {
        return new Guest("Claude", lastName, "claude." + lastName.toLowerCase() + "@example.test", "+33 6 00 00 00 00",
                null, null, null, "FR", Language.FR);
    }

    private Dossier book(Owner owner, String lastName, org.sejour.application.booking.StayRequest... stays) {
        return bookings.book(owner.accountId(), new BookingCommand(List.of(stays), guest(lastName), Origin.PHONE, null,
                false, null, false), null, "owner@example.test");
    }

    private static ChangeCommand change(Repricing.Choice choice, boolean mail,
                                        org.sejour.application.booking.StayRequest... stays) {
        return new ChangeCommand(List.of(stays), Repricing.Decision.of(choice), mail);
    }

    // ------------------------------------------------------------------------------------ changes

    @Test
    void aChangeMovesTheNightsIssuesTheContractAgainAndKeepsTheOldOne() throws Exception {
        Owner owner = owner("500.00", "650.00");
        LocalDate arrival = LocalDate.now().plusDays(60);
        Dossier booked = book(owner, "Martin", stay(owner.gite(), arrival, 7, 2));
        dossiers.recordPayment(owner.accountId(), booked.id(), PaymentKind.DEPOSIT, LocalDate.now(),
                Money.of("150.00"), "transfer", null, null, "owner@example.test");

        LocalDate later = arrival.plusDays(10);
        ChangePreview preview = bookings.previewChange(owner.accountId(), booked.id(),
                List.of(stay(owner.chalet(), later, 7, 3)), Repricing.Decision.of(Repricing.Choice.KEEP_AGREED));
        assertEquals(new BigDecimal("500.00"), preview.price().orElseThrow().total(), "the price agreed, kept");
        assertEquals(new BigDecimal("350.00"), preview.price().get().remaining());
        assertEquals(0, count("select count(*) from dossier_stay where dossier_id = ? and accommodation_id = ?",
                booked.id(), owner.chalet()), "a preview writes nothing");

        Dossier changed = bookings.change(owner.accountId(), booked.id(),
                change(Repricing.Choice.NEW_PRICE, true, stay(owner.chalet(), later, 7, 3)), "helene@example.test");
        assertEquals(new StayPeriod(later, later.plusDays(7)), changed.stay());
        assertEquals(Money.of("650.00"), changed.total(), "the chalet's week at today's price");
        assertEquals(Money.of("500.00"), changed.remainingToPay(), "650.00 − the 150.00 paid");
        assertEquals(Money.of("150.00"), changed.depositAmount(), "a deposit paid stays as it was");
        assertEquals(2, changed.contractVersion());
        assertEquals(0, count("select coalesce(sum(sold), 0) from night_stock where accommodation_id = ?", owner.gite()),
                "the gîte's nights went back");
        assertEquals(7, count("select coalesce(sum(sold), 0) from night_stock where accommodation_id = ?",
                owner.chalet()), "the chalet's week is taken");
        assertInvariant(owner);

        Dossier reread = dossiers.get(owner.accountId(), booked.id());
        assertEquals("CHANGED", reread.history().get(reread.history().size() - 1).action());
        assertEquals("helene@example.test", reread.history().get(reread.history().size() - 1).actor());
        assertTrue(reread.history().get(reread.history().size() - 1).detail().contains("Chalet des Cimes"),
                reread.history().get(reread.history().size() - 1).detail());
        assertEquals(List.of(1), contracts.keptVersions(owner.accountId(), booked.id()).stream()
                .map(v -> v.version()).toList());
        String old = PdfText.of(contracts.keptVersion(owner.accountId(), booked.id(), 1));
        String current = PdfText.of(contracts.contractOf(owner.accountId(), booked.id()));
        assertTrue(old.contains("Gîte les Lauriers"), old);
        assertTrue(current.contains("Chalet des Cimes") && current.contains("version 2"), current);
        List<MailKind> mails = outbox.mailsOf(owner.accountId(), booked.id()).stream().map(OutboxMail::kind).toList();
        assertEquals(List.of(MailKind.GUEST_BOOKING_CHANGED), mails, "the change mail, as the owner ticked");
    }

    @Test
    void aChangeOntoNightsTakenMeanwhileMovesNothing() throws Exception {
        Owner owner = owner("500.00", "650.00");
        LocalDate arrival = LocalDate.now().plusDays(40);
        Dossier mine = book(owner, "Martin", stay(owner.gite(), arrival, 7, 2));
        book(owner, "Durand", stay(owner.gite(), arrival.plusDays(7), 7, 2));

        SejourException refused = assertThrows(SejourException.class, () -> bookings.change(owner.accountId(), mine.id(),
                change(Repricing.Choice.NEW_PRICE, false, stay(owner.gite(), arrival.plusDays(3), 7, 2)), "owner"));
        assertTrue(refused instanceof NotBookableException || refused instanceof StayTakenException, refused::toString);
        Dossier unchanged = dossiers.get(owner.accountId(), mine.id());
        assertEquals(new StayPeriod(arrival, arrival.plusDays(7)), unchanged.stay(), "not half moved");
        assertEquals(1, unchanged.contractVersion());
        assertEquals(List.of(), contracts.keptVersions(owner.accountId(), mine.id()), "no version kept: nothing changed");
        assertEquals(14, count("select coalesce(sum(sold), 0) from night_stock where accommodation_id = ?",
                owner.gite()));
        assertInvariant(owner);
    }

    /**
     * A dossier holds one night; 50 times, a change moving it to a free night races a new
     * booking of that same night: exactly one wins each time, and the stock always matches the
     * dossiers, night by night, over the whole account (and no night anywhere is oversold).
     */
    @Test
    void aChangeAndANewBookingRaceForTheLastUnitFiftyTimes() throws Exception {
        Owner owner = owner("500.00", "650.00");
        LocalDate base = LocalDate.now().plusDays(100);
        Dossier moving = book(owner, "Mobile", stay(owner.gite(), base, 1, 2));
        LocalDate held = base;
        int changesWon = 0;
        for (int round = 1; round <= 50; round++) {
            LocalDate night = base.plusDays(2L * round);
            CountDownLatch start = new CountDownLatch(1);
            String name = "Racer" + round;
            Future<Boolean> change = executor.submit(() -> {
                start.await();
                try {
                    bookings.change(owner.accountId(), moving.id(), change(Repricing.Choice.NEW_PRICE, false,
                            stay(owner.gite(), night, 1, 2)), "owner");
                    return true;
                } catch (StayTakenException | NotBookableException taken) {
                    return false;
                }
            });
            Future<Boolean> booking = executor.submit(() -> {
                start.await();
                try {
                    book(owner, name, stay(owner.gite(), night, 1, 2));
                    return true;
                } catch (StayTakenException | NotBookableException taken) {
                    return false;
                }
            });
            start.countDown();
            boolean changed = change.get(2, TimeUnit.MINUTES);
            boolean booked = booking.get(2, TimeUnit.MINUTES);
            assertEquals(1, (changed ? 1 : 0) + (booked ? 1 : 0), "round " + round + ": one winner");
            changesWon += changed ? 1 : 0;
            assertEquals(1, count("select sold from night_stock where accommodation_id = ? and night = ?",
                    owner.gite(), night), "round " + round + ": the night sold once");
            assertInvariant(owner);
            held = changed ? night : held;
            assertEquals(held, dossiers.get(owner.accountId(), moving.id()).stay().arrival(),
                    "round " + round + ": the dossier is where its last successful change put it");
        }
        assertEquals(0, count("select count(*) from night_stock where sold > units"), "nothing oversold anywhere");
        assertEquals(1 + 50 - changesWon, count("select count(*) from dossier where account_id = ?",
                owner.accountId()), "the bookings that won, and the dossier that moved");
    }

    // ------------------------------------------------------------------------ several accommodations

    @Test
    void twoAccommodationsMakeOneDossierAllOrNothing() throws Exception {
        Owner owner = owner("500.00", "650.00");
        LocalDate arrival = LocalDate.now().plusDays(70);
        Dossier both = book(owner, "Famille", stay(owner.gite(), arrival, 7, 2), stay(owner.chalet(), arrival, 7, 4));
        assertEquals(List.of(owner.gite(), owner.chalet()), both.stays().stream().map(s -> s.accommodation().id())
                .toList());
        assertEquals(Money.of("1150.00"), both.total(), "500.00 + 650.00, one dossier");
        assertEquals(Money.of("345.00"), both.depositAmount(), "one deposit: 30 % of each");
        assertEquals(6, both.party().stream().mapToInt(p -> p.persons()).sum());
        assertEquals(List.of(0, 1), both.lines().stream().map(l -> l.stay().orElseThrow()).distinct().toList());
        assertInvariant(owner);
        String contract = PdfText.of(contracts.contractOf(owner.accountId(), both.id()));
        assertTrue(contract.contains("Gîte les Lauriers") && contract.contains("Chalet des Cimes"), contract);

        PlanningView view = planning.load(owner.accountId(), arrival, arrival.plusDays(6));
        view.accommodations().forEach(plan -> assertEquals(List.of(both.number()), plan.bookings().stream()
                .map(PlanningView.BookingSpan::number).toList(), plan.name() + " shows the dossier"));
        String feed = channelExports.calendar(channelExports.exportToken(owner.accountId(), owner.chalet()))
                .orElseThrow().body();
        assertTrue(feed.contains("dossier-" + both.id() + "-" + owner.chalet()),
                "the chalet's iCal feed closes the dossier's nights too: " + feed);

        // a night of the chalet taken: the gîte is not booked either
        Dossier other = book(owner, "Autre", stay(owner.chalet(), arrival.plusDays(14), 7, 2));
        assertThrows(SejourException.class, () -> book(owner, "Groupe", stay(owner.gite(), arrival.plusDays(14), 7, 2),
                stay(owner.chalet(), arrival.plusDays(14), 7, 2)));
        assertEquals(0, count("select coalesce(sum(sold), 0) from night_stock where accommodation_id = ? and night >= ?",
                owner.gite(), arrival.plusDays(14)), "all or nothing");
        assertInvariant(owner);

        // the hosted site sells several accommodations together only where the owner allows it
        BookingCommand fromSite = new BookingCommand(List.of(stay(owner.gite(), arrival.plusDays(28), 7, 2),
                stay(owner.chalet(), arrival.plusDays(28), 7, 2)), guest("Site"), Origin.BOOKING_SITE, "site", false,
                null, false);
        InvalidInputException notOffered = assertThrows(InvalidInputException.class,
                () -> bookings.book(owner.accountId(), fromSite, null, "guest"));
        assertEquals("booking.severalStays.notOffered", notOffered.violations().get(0).messageKey());
        assertEquals(0, count("select coalesce(sum(sold), 0) from night_stock where night >= ? and accommodation_id "
                + "in (?, ?)", arrival.plusDays(28), owner.gite(), owner.chalet()), "nothing taken");
        accounts.changeAdvancedSettings(owner.accountId(), 1, true, true);
        assertEquals(2, bookings.book(owner.accountId(), fromSite, null, "guest").stays().size());
        assertInvariant(owner);

        dossiers.cancel(owner.accountId(), both.id(), "owner", "plans changed");
        assertEquals(0, count("select coalesce(sum(sold), 0) from night_stock where accommodation_id = ? and night < ?",
                owner.chalet(), arrival.plusDays(14)), "the chalet's nights went back too");
        assertEquals(DossierStatus.OPTION, dossiers.get(owner.accountId(), other.id()).status());
        assertInvariant(owner);
    }

    @Test
    void aStayRemovedByAChangeTakesItsPersonsAndLinesAndTheDatabaseRefusesOrphans() throws Exception {
        Owner owner = owner("500.00", "650.00");
        LocalDate arrival = LocalDate.now().plusDays(80);
        Dossier both = book(owner, "Famille", stay(owner.gite(), arrival, 7, 2), stay(owner.chalet(), arrival, 7, 4));
        bookings.change(owner.accountId(), both.id(), change(Repricing.Choice.NEW_PRICE, false,
                stay(owner.gite(), arrival, 7, 3)), "owner");
        assertEquals(1, count("select count(*) from dossier_stay where dossier_id = ?", both.id()));
        assertEquals(0, count("select count(*) from dossier_party where dossier_id = ? and stay_position = 1", both.id()));
        assertEquals(0, count("select count(*) from dossier_line where dossier_id = ? and stay_position = 1", both.id()));
        assertInvariant(owner);

        // V36: a person or a line naming a stay the dossier does not have is refused
        SQLException line = assertThrows(SQLException.class, () -> update("insert into dossier_line (dossier_id, "
                + "position, kind, label, amount, stay_position) values (?, 99, 'SUPPLEMENT', 'Ménage', 50, 1)", both.id()));
        assertEquals("23503", line.getSQLState(), line::getMessage);
        SQLException person = assertThrows(SQLException.class, () -> update("insert into dossier_party (dossier_id, "
                + "label, persons, taxable, stay_position) values (?, 'Enfant', 1, false, 3)", both.id()));
        assertEquals("23503", person.getSQLState(), person::getMessage);
        SQLException stay = assertThrows(SQLException.class, () -> update(
                "delete from dossier_stay where dossier_id = ? and position = 0", both.id()));
        assertEquals("23503", stay.getSQLState(), "a stay its persons and lines still name stays: " + stay.getMessage());
        assertEquals(1, count("select count(*) from dossier_stay where dossier_id = ?", both.id()));
    }

    // ---------------------------------------------------------------------------------- cancellation

    private void policy(Owner owner, boolean guestMayCancel) {
        AccountSalesTerms terms = salesTerms.get(owner.accountId());
        salesTerms.change(owner.accountId(), terms.settings(), 1, terms.conditions(), new AccountSalesTerms.Cancellation(
                List.of(new CancellationRule(31, CancellationPolicy.FeeKind.DEPOSIT, null),
                        new CancellationRule(8, CancellationPolicy.FeeKind.PERCENT, new BigDecimal("50")),
                        new CancellationRule(0, CancellationPolicy.FeeKind.PERCENT, new BigDecimal("100"))),
                guestMayCancel));
    }

    @Test
    void cancellingUnderThePolicyKeepsTheFeeAsALineAndLeavesTheRestToRefund() throws Exception {
        Owner owner = owner("500.00", "650.00");
        policy(owner, false);
        Dossier soon = book(owner, "Martin", stay(owner.gite(), LocalDate.now().plusDays(20), 7, 2));
        dossiers.recordPayment(owner.accountId(), soon.id(), PaymentKind.DEPOSIT, LocalDate.now(), Money.of("400.00"),
                "transfer", null, null, "owner");
        CancellationTerms terms = dossiers.cancellationTerms(owner.accountId(), soon.id());
        assertEquals(new BigDecimal("250.00"), terms.fee(), "30 to 8 days before arrival: 50 % of 500.00");
        assertEquals(CancellationPolicy.FeeKind.PERCENT, terms.kind());
        assertEquals(8, terms.fromDays());
        assertEquals(new BigDecimal("150.00"), terms.toRefund(), "400.00 paid − 250.00 kept");

        Cancellation done = dossiers.cancel(owner.accountId(), soon.id(), "owner", "guest ill", Money.of("250.00"));
        assertEquals(Money.of("150.00"), done.toRefund());
        Dossier cancelled = dossiers.get(owner.accountId(), soon.id());
        assertEquals(DossierStatus.CANCELLED, cancelled.status());
        assertEquals(Money.of("250.00"), cancelled.total());
        assertEquals(Money.of("150.00"), cancelled.amountToRefund(), "kept on the dossier for the refund to read");
        assertEquals(Money.of("250.00"), cancelled.lines().stream().filter(l -> l.kind()
                .equals(PricedLine.CANCELLATION_FEE)).map(l -> Money.of(l.amount())).findFirst().orElseThrow());
        assertEquals(0, count("select coalesce(sum(sold), 0) from night_stock where accommodation_id = ?",
                owner.gite()), "the nights are for sale again");
        assertInvariant(owner);

        Dossier far = book(owner, "Durand", stay(owner.gite(), LocalDate.now().plusDays(60), 7, 2));
        assertEquals(new BigDecimal("150.00"), dossiers.cancellationTerms(owner.accountId(), far.id()).fee(),
                "more than 30 days before: the deposit agreed");
        Cancellation waived = dossiers.cancel(owner.accountId(), far.id(), "owner", "goodwill", Money.ZERO);
        assertEquals(Money.ZERO, waived.dossier().total(), "the owner may waive the fee");
        assertThrows(SejourException.class, () -> dossiers.cancellationTerms(owner.accountId(), far.id()),
                "a cancelled dossier has nothing more to cancel");
    }

    /**
     * The owner refunds with the cancellation (payments' RefundService): a transfer is recorded as
     * refunded by hand, with a credit note in the receipts' series; nothing is left to refund and
     * nothing becomes due again.
     */
    @Test
    void cancellingWithTheRefundGivesBackWhatWasPaidAboveTheFeeWithACreditNote() throws Exception {
        Owner owner = owner("500.00", "650.00");
        policy(owner, false);
        Dossier soon = book(owner, "Martin", stay(owner.gite(), LocalDate.now().plusDays(20), 7, 2));
        dossiers.recordPayment(owner.accountId(), soon.id(), PaymentKind.DEPOSIT, LocalDate.now(), Money.of("400.00"),
                "transfer", null, null, "owner");

        Cancellation done = dossiers.cancel(owner.accountId(), soon.id(), "owner", "guest ill", Money.of("250.00"),
                true);
        assertEquals(Money.of("150.00"), done.refunded(), "400.00 paid − 250.00 kept");
        assertFalse(done.refundedThroughStripe(), "a transfer is refunded by the owner, by hand");
        assertEquals(Money.ZERO, done.toRefund());
        Dossier cancelled = dossiers.get(owner.accountId(), soon.id());
        assertEquals(Money.of("400.00"), cancelled.totalPaid());
        assertEquals(Money.of("150.00"), cancelled.totalRefunded());
        assertEquals(Money.ZERO, cancelled.amountToRefund());
        assertEquals(Money.ZERO, cancelled.remainingToPay());
        assertEquals(1, count("select count(*) from invoice where dossier_id = ? and refund_reason = 'guest ill' "
                + "and payment_amount = -150.00", soon.id()), "one credit note, with the cancellation's reason");
        assertInvariant(owner);
    }

    @Test
    void aGuestCancelsFromTheirPageWhenTheTermsAllowAndCannotOtherwise() throws Exception {
        Owner owner = owner("500.00", "650.00");
        Dossier dossier = book(owner, "Martin", stay(owner.gite(), LocalDate.now().plusDays(45), 7, 2));
        String token = dossier.guestToken();
        assertEquals(Optional.empty(), dossiers.guestCancellationTerms(token), "not allowed by default");
        assertEquals("cancellation.guest.notAllowed", assertThrows(SejourException.class,
                () -> dossiers.cancelByGuest(token)).messageKey());
        assertEquals(DossierStatus.OPTION, dossiers.get(owner.accountId(), dossier.id()).status());

        policy(owner, true);
        CancellationTerms terms = dossiers.guestCancellationTerms(token).orElseThrow();
        assertEquals(new BigDecimal("150.00"), terms.fee(), "45 days before: the deposit");
        dossiers.cancelByGuest(token);
        Dossier cancelled = dossiers.get(owner.accountId(), dossier.id());
        assertEquals(DossierStatus.CANCELLED, cancelled.status());
        assertEquals(Money.of("150.00"), cancelled.total());
        assertEquals("guest", cancelled.history().stream().filter(e -> e.action().equals("CANCELLED")).findFirst()
                .orElseThrow().actor());
        assertEquals(List.of(MailKind.GUEST_CANCELLED, MailKind.OWNER_GUEST_CANCELLED),
                outbox.mailsOf(owner.accountId(), dossier.id()).stream().map(OutboxMail::kind).toList());
        assertEquals(Optional.empty(), dossiers.guestCancellationTerms(token), "nothing more to cancel");
        assertEquals(0, count("select coalesce(sum(sold), 0) from night_stock where accommodation_id = ?",
                owner.gite()));
    }

    // ------------------------------------------------------------------------------ another owner

    @Test
    void anotherOwnersIdsAreNotFoundOnEveryNewAction() throws Exception {
        Owner owner = owner("500.00", "650.00");
        Owner other = owner("500.00", "650.00");
        LocalDate arrival = LocalDate.now().plusDays(50);
        Dossier theirs = book(other, "Autre", stay(other.gite(), arrival, 7, 2));
        bookings.change(other.accountId(), theirs.id(), change(Repricing.Choice.NEW_PRICE, false,
                stay(other.gite(), arrival.plusDays(1), 7, 2)), "other");
        long theirRate = insert("select id from rate where accommodation_id = ? limit 1", other.gite());
        long theirPromotion = promotions.create(other.accountId(), Promotion.Kind.LAST_MINUTE, 7, BigDecimal.TEN, TranslatedText.empty(),
                Set.of(), List.of()).id();
        bans.close(other.accountId(), other.gite(), arrival.plusDays(30), arrival.plusDays(32));

        List<Executable> attempts = List.of(
                () -> bookings.change(owner.accountId(), theirs.id(), change(Repricing.Choice.NEW_PRICE, false,
                        stay(owner.gite(), arrival, 7, 2)), "owner"),
                () -> bookings.change(owner.accountId(), book(owner, "Mine", stay(owner.gite(), arrival, 7, 2)).id(),
                        change(Repricing.Choice.NEW_PRICE, false, stay(other.gite(), arrival, 7, 2)), "owner"),
                () -> bookings.previewChange(owner.accountId(), theirs.id(), List.of(stay(owner.gite(), arrival, 7, 2)),
                        Repricing.Decision.of(Repricing.Choice.NEW_PRICE)),
                () -> dossiers.cancellationTerms(owner.accountId(), theirs.id()),
                () -> dossiers.cancel(owner.accountId(), theirs.id(), "owner", "no", Money.ZERO),
                () -> contracts.keptVersion(owner.accountId(), theirs.id(), 1),
                () -> book(owner, "Mixed", stay(owner.gite(), arrival.plusDays(60), 7, 2),
                        stay(other.chalet(), arrival.plusDays(60), 7, 2)),
                () -> rates.redefine(owner.accountId(), theirRate, List.of(new DayPeriod(arrival, arrival)), 7,
                        Set.of(DayOfWeek.SATURDAY), BigDecimal.ONE, Optional.empty()),
                () -> promotions.update(owner.accountId(), theirPromotion, Promotion.Kind.LAST_MINUTE, 7,
                        BigDecimal.ONE, TranslatedText.empty(), Set.of(), List.of()),
                () -> promotions.delete(owner.accountId(), theirPromotion),
                () -> bans.lift(owner.accountId(), other.gite(), arrival.plusDays(30), arrival.plusDays(32)),
                () -> dossiers.cancelByGuest("not-a-token-of-anyone-" + UUID.randomUUID()));
        for (int i = 0; i < attempts.size(); i++) {
            assertThrows(NotFoundException.class, attempts.get(i), "attempt " + i);
        }
        assertEquals(List.of(), contracts.keptVersions(owner.accountId(), theirs.id()));
        assertEquals(1, contracts.keptVersions(other.accountId(), theirs.id()).size(), "theirs is still there");
        assertEquals(DossierStatus.OPTION, dossiers.get(other.accountId(), theirs.id()).status());
        assertEquals(1, count("select count(*) from sales_ban where accommodation_id = ?", other.gite()));
    }

    @Test
    void aBanLiftedOnSomeNightsKeepsTheRestClosed() throws SQLException {
        Owner owner = owner("500.00", "650.00");
        LocalDate first = LocalDate.now().plusDays(30);
        bans.close(owner.accountId(), owner.gite(), first, first.plusDays(9));
        assertEquals(1, bans.lift(owner.accountId(), owner.gite(), first.plusDays(3), first.plusDays(5)));
        List<String> closed = bans.overlapping(owner.accountId(), owner.gite(), first, first.plusDays(9)).stream()
                .map(b -> b.firstNight() + "/" + b.lastNight()).sorted().toList();
        assertEquals(List.of(first + "/" + first.plusDays(2), first.plusDays(6) + "/" + first.plusDays(9)), closed);
        assertEquals(0, bans.lift(owner.accountId(), owner.gite(), first.plusDays(3), first.plusDays(5)),
                "nothing closed there any more");
    }

    // ------------------------------------------------------------------------------------ helpers

    /**
     * The ledger's invariant for every accommodation of the owner: each night's sold units are the
     * stays of live dossiers covering it (every accommodation of a dossier, not only its first).
     */
    private void assertInvariant(Owner owner) throws SQLException {
        assertEquals(0, count("select count(*) from night_stock where sold > units"));
        assertEquals(0, count("select count(*) from night_stock s join accommodation a on a.id = s.accommodation_id "
                + "where a.account_id = ? and s.sold <> (select count(*) from dossier_stay t join dossier d "
                + "on d.id = t.dossier_id where t.accommodation_id = s.accommodation_id and d.status <> 'CANCELLED' "
                + "and s.night >= d.arrival and s.night < d.departure)", owner.accountId()));
    }

    private void update(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    private long count(String sql, Object... args) throws SQLException {
        return insert(sql, args);
    }

    private long insert(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
