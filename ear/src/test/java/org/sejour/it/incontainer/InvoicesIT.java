package org.sejour.it.incontainer;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.AccommodationService;
import org.sejour.application.AccountService;
import org.sejour.application.CreatedOwner;
import org.sejour.application.OperatorService;
import org.sejour.application.booking.BookingCommand;
import org.sejour.application.booking.BookingService;
import org.sejour.application.booking.DossierService;
import org.sejour.application.booking.StayRequest;
import org.sejour.application.document.InvoiceService;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Classification;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.account.ContactDetails;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.StayPeriod;
import org.sejour.domain.model.shared.TranslatedText;
import org.sejour.it.Deployments;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Receipts on Payara and PostgreSQL: numbered per account 1, 2, 3 without a gap, a rolled-back
 * payment giving its number back, concurrent payments of one account getting distinct
 * consecutive numbers, the PDF read back with pdftotext and unchanged by later changes, and
 * another owner's receipts out of reach.
 */
@ExtendWith(ArquillianExtension.class)
public class InvoicesIT {

    static final LocalDate MAY_FIRST = LocalDate.of(2027, 5, 1);

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.withTests(InvoicesIT.class);
    }

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
    InvoiceService invoices;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;
    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    record Owner(long accountId, long accommodationId) {
    }

    @Test
    void numbersGoOneTwoThreePerAccountAndARolledBackPaymentLeavesNoGap() throws Exception {
        Owner owner = owner();
        Dossier first = book(owner, 0, Origin.PHONE);
        Dossier second = book(owner, 1, Origin.PHONE);

        pay(owner, first, "150.00");
        transaction.begin();
        try {
            pay(owner, second, "100.00");
            assertEquals(List.of(2), numbers(invoices.receiptsOf(owner.accountId(), second.id())),
                    "inside its transaction the payment drew number 2");
        } finally {
            transaction.rollback();
        }
        assertTrue(invoices.receiptsOf(owner.accountId(), second.id()).isEmpty());
        pay(owner, second, "100.00");
        pay(owner, first, "350.00");

        assertEquals(List.of(1, 2, 3), numbersOf(owner.accountId()));
        assertEquals(List.of(1, 3), numbers(invoices.receiptsOf(owner.accountId(), first.id())));
        assertEquals(List.of(2), numbers(invoices.receiptsOf(owner.accountId(), second.id())));

        Owner other = owner();
        pay(other, book(other, 0, Origin.PHONE), "80.00");
        assertEquals(List.of(1), numbersOf(other.accountId()), "another account starts at 1");
    }

    @Test
    void aPaymentWaitsForTheOneHoldingTheAccountsCounterThenTakesTheNextNumber() throws Exception {
        Owner owner = owner();
        Dossier first = book(owner, 0, Origin.PHONE);
        Dossier second = book(owner, 1, Origin.PHONE);
        Future<?> later;
        transaction.begin();
        try {
            pay(owner, first, "150.00");
            later = executor.submit(() -> pay(owner, second, "120.00"));
            assertThrows(TimeoutException.class, () -> later.get(1500, TimeUnit.MILLISECONDS),
                    "the second payment waits on the counter the first one holds");
            transaction.commit();
        } catch (Exception | AssertionError e) {
            transaction.rollback();
            throw e;
        }
        later.get(30, TimeUnit.SECONDS);
        assertEquals(List.of(1), numbers(invoices.receiptsOf(owner.accountId(), first.id())));
        assertEquals(List.of(2), numbers(invoices.receiptsOf(owner.accountId(), second.id())));
    }

    @Test
    void paymentsRecordedAtTheSameTimeGetDistinctConsecutiveNumbers() throws Exception {
        Owner owner = owner();
        int payments = 6;
        List<Dossier> booked = new ArrayList<>();
        for (int week = 0; week < payments; week++) {
            booked.add(book(owner, week, Origin.PHONE));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (Dossier dossier : booked) {
            running.add(executor.submit(() -> {
                start.await();
                pay(owner, dossier, "90.00");
                return null;
            }));
        }
        start.countDown();
        for (Future<?> payment : running) {
            payment.get(60, TimeUnit.SECONDS);
        }
        assertEquals(List.of(1, 2, 3, 4, 5, 6), numbersOf(owner.accountId()));
        for (Dossier dossier : booked) {
            assertEquals(1, invoices.receiptsOf(owner.accountId(), dossier.id()).size(), "one receipt per payment");
        }
    }

    @Test
    void theReceiptShowsNumberAmountsAndGuestAndNeverChangesAfterwards() throws Exception {
        Owner owner = owner();
        Dossier dossier = book(owner, 0, Origin.PHONE);
        pay(owner, dossier, "150.00");
        long receiptId = invoices.receiptsOf(owner.accountId(), dossier.id()).get(0).id();
        InvoiceService.ReceiptPdf pdf = invoices.pdfOf(owner.accountId(), receiptId);
        assertEquals(1, pdf.number());
        String text = pdftotext(pdf.pdf());
        assertTrue(text.contains("Reçu n° 1"), text);
        assertTrue(text.contains("Hélène Lefèvre"), text);
        assertTrue(text.contains("12 rue des Églantiers, 38000 Grenoble, FR"), text);
        assertTrue(text.contains("MARTIN Claude"), text);
        assertTrue(text.contains("Dossier n° " + dossier.number() + " — Gîte les Lauriers"), text);
        assertTrue(text.contains("Séjour du 1 mai 2027 au 8 mai 2027 (7 nuits)"), text);
        assertTrue(text.contains("Hébergement (7 nuits) 500,00 €"), text);
        assertTrue(text.contains("Total du séjour 500,00 €"), text);
        assertTrue(text.contains("Règlement reçu 150,00 €"), text);
        assertTrue(text.contains("Acompte du 20 mars 2027 par virement, référence VIR-1"), text);
        assertTrue(text.contains("Total réglé à ce jour 150,00 €"), text);
        assertTrue(text.contains("Reste à régler 350,00 €"), text);

        // the owner moves, the guest pays the rest: receipt 1 still says what it said
        accounts.updateContactDetails(owner.accountId(), new ContactDetails("Gîtes du Lac", "Hélène", "Lefèvre",
                "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test", "+33 4 50 00 00 00", null,
                "5 quai du Lac", "74000", "Annecy", "FR", null));
        pay(owner, dossier, "350.00");
        assertEquals(text, pdftotext(invoices.pdfOf(owner.accountId(), receiptId).pdf()));
        long secondId = invoices.receiptsOf(owner.accountId(), dossier.id()).get(1).id();
        String second = pdftotext(invoices.pdfOf(owner.accountId(), secondId).pdf());
        assertTrue(second.contains("Reçu n° 2"), second);
        assertTrue(second.contains("Gîtes du Lac"), second);
        assertTrue(second.contains("Total réglé à ce jour 500,00 €"), second);
        assertTrue(second.contains("Reste à régler 0,00 €"), second);
    }

    @Test
    void anotherOwnersReceiptIsNotFoundAndTestBookingsGetNone() throws Exception {
        Owner owner = owner();
        Owner other = owner();
        Dossier dossier = book(owner, 0, Origin.PHONE);
        pay(owner, dossier, "150.00");
        long receiptId = invoices.receiptsOf(owner.accountId(), dossier.id()).get(0).id();
        assertThrows(NotFoundException.class, () -> invoices.pdfOf(other.accountId(), receiptId));
        assertThrows(NotFoundException.class, () -> invoices.get(other.accountId(), receiptId));
        assertTrue(invoices.receiptsOf(other.accountId(), dossier.id()).isEmpty());

        Dossier test = book(owner, 1, Origin.TEST);
        pay(owner, test, "100.00");
        assertTrue(invoices.receiptsOf(owner.accountId(), test.id()).isEmpty(), "a test booking is not a sale");
        assertEquals(List.of(1), numbersOf(owner.accountId()));
    }

    @Test
    void theDatabaseRefusesToChangeDeleteOrSkipAnInvoiceNumber() throws Exception {
        Owner owner = owner();
        Dossier dossier = book(owner, 0, Origin.PHONE);
        pay(owner, dossier, "150.00");
        long receiptId = invoices.receiptsOf(owner.accountId(), dossier.id()).get(0).id();
        assertRefused("update invoice set payment_amount = 1 where id = ?", receiptId);
        assertRefused("delete from invoice_line where invoice_id = ?", receiptId);
        assertRefused("delete from invoice where id = ?", receiptId);
        assertRefused("update invoice_counter set last_number = last_number + 2 where account_id = ?", owner.accountId());
        assertRefused("update invoice_counter set last_number = last_number - 1 where account_id = ?", owner.accountId());
        // a payment without a receipt (a test booking's), so that only the number can be the reason
        Dossier test = book(owner, 1, Origin.TEST);
        pay(owner, test, "100.00");
        long paymentId = paymentIdOf(test);
        SQLException skipped = assertRefused("insert into invoice (account_id, number, dossier_id, payment_id, issued_at, issued_on, language, "
                + "seller_name, seller_details, buyer_name, buyer_details, dossier_number, accommodation_name, arrival, "
                + "departure, payment_kind, paid_on, payment_amount, payment_method, total, paid_to_date, balance) "
                + "select account_id, 5, dossier_id, ?, issued_at, issued_on, language, seller_name, seller_details, "
                + "buyer_name, buyer_details, dossier_number, accommodation_name, arrival, departure, payment_kind, "
                + "paid_on, payment_amount, payment_method, total, paid_to_date, balance from invoice where id = ?",
                paymentId, receiptId);
        assertTrue(skipped.getMessage().contains("was not drawn from its counter"), skipped.getMessage());
        assertEquals(List.of(1), numbersOf(owner.accountId()));
    }

    // ---- helpers

    private void pay(Owner owner, Dossier dossier, String amount) {
        dossiers.recordPayment(owner.accountId(), dossier.id(), PaymentKind.DEPOSIT, LocalDate.of(2027, 3, 20),
                Money.of(amount), "transfer", "VIR-1", null, "test");
    }

    private static List<Integer> numbers(List<InvoiceService.ReceiptSummary> receipts) {
        return receipts.stream().map(InvoiceService.ReceiptSummary::number).toList();
    }

    private List<Integer> numbersOf(long accountId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select number from invoice where account_id = ? order by number")) {
            s.setLong(1, accountId);
            List<Integer> numbers = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    numbers.add(r.getInt(1));
                }
            }
            return numbers;
        }
    }

    private long paymentIdOf(Dossier dossier) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select max(id) from payment where dossier_id = ?")) {
            s.setLong(1, dossier.id());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private SQLException assertRefused(String sql, Object... args) {
        return assertThrows(SQLException.class, () -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    s.setObject(i + 1, args[i]);
                }
                s.executeUpdate();
            }
        }, sql);
    }

    private Owner owner() throws SQLException {
        String login = "inv-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        CreatedOwner created = operators.createOwner(login);
        accounts.updateContactDetails(created.accountId(), new ContactDetails(null, "Hélène", "Lefèvre", login,
                "+33 4 76 00 00 00", null, "12 rue des Églantiers", "38000", "Grenoble", "FR", null));
        long accommodationId = accommodations.create(created.accountId(), new AccommodationDetails("Gîte les Lauriers",
                false, AccommodationType.GITE, Classification.TWO_STARS, null, "1 chemin", "38000", "Grenoble",
                null, null, 1, 6, null, null, null, null, Visibility.BOOKABLE, TranslatedText.empty(), Set.of())).id();
        long rateId;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into rate (account_id, accommodation_id, nights, "
                     + "arrival_days, price) values (?, ?, 7, 32, ?) returning id")) {
            s.setLong(1, created.accountId());
            s.setLong(2, accommodationId);
            s.setBigDecimal(3, new BigDecimal("500.00"));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                rateId = r.getLong(1);
            }
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into rate_period (rate_id, first_day, last_day) "
                     + "values (?, ?, ?)")) {
            s.setLong(1, rateId);
            s.setObject(2, MAY_FIRST);
            s.setObject(3, LocalDate.of(2027, 9, 1));
            s.executeUpdate();
        }
        return new Owner(created.accountId(), accommodationId);
    }

    /** A week from Saturday 1 May 2027 plus {@code week} weeks, for Claude Martin. */
    private Dossier book(Owner owner, int week, Origin origin) {
        StayRequest stay = new StayRequest(owner.accommodationId(), StayPeriod.of(MAY_FIRST.plusWeeks(week), 7),
                Map.of("Adulte", 2), Map.of(), Optional.empty(), Language.FR);
        return bookings.book(owner.accountId(), new BookingCommand(stay, new Guest("Claude", "Martin", null,
                "+33 6 00 00 00 00", null, null, null, "FR", Language.FR), origin, null, false), null, "test");
    }

    private static String pdftotext(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("receipt", ".pdf");
        try {
            Files.write(file, pdf);
            Process p = new ProcessBuilder("pdftotext", "-layout", file.toString(), "-").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            return out.replace('\u00A0', ' ').replaceAll(" {2,}", " ");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
