package org.sejour.it.incontainer;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.AccountService;
import org.sejour.application.CreatedOwner;
import org.sejour.application.booking.DossierService;
import org.sejour.application.document.DocumentSettingsService;
import org.sejour.application.document.InvoiceService;
import org.sejour.application.payment.OnlinePaymentService;
import org.sejour.application.payment.ProviderVerdict;
import org.sejour.domain.model.account.ContactDetails;
import org.sejour.domain.model.document.ReceiptSettings;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.invoice.LegalMentions.VatStatus;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.application.payment.OfflineSessions;
import org.sejour.it.PdfText;
import org.sejour.it.fixtures.DossierFixtures;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sejour.it.fixtures.DossierFixtures.MAY_FIRST;

/**
 * Receipts on Payara and PostgreSQL: numbered per account 1, 2, 3 without a gap, a rolled-back
 * payment giving its number back, concurrent payments of one account getting distinct
 * consecutive numbers, the PDF read back with pdftotext and unchanged by later changes, and
 * another owner's receipts out of reach.
 */
@ExtendWith(ArquillianExtension.class)
public class InvoicesIT {

    @Inject
    DossierFixtures fixtures;
    @EJB
    AccountService accounts;
    @EJB
    DossierService dossiers;
    @EJB
    InvoiceService invoices;
    @EJB
    DocumentSettingsService documentSettings;
    @EJB
    OnlinePaymentService onlinePayments;
    @EJB
    OfflineSessions offlineProvider;
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
        String text = PdfText.of(pdf.pdf());
        assertTrue(text.contains("Reçu n° 1"), text);
        assertTrue(text.contains("Camille Rousseau"), text);
        assertTrue(text.contains("12 chemin des Alpages, 05000 Gap, FR"), text);
        assertTrue(text.contains("MARTIN Claude"), text);
        assertTrue(text.contains("3 rue des Lilas"), text);
        assertTrue(text.contains("Dossier n° " + dossier.number() + " — Gîte les Lauriers"), text);
        assertTrue(text.contains("Séjour du 1 mai 2027 au 8 mai 2027 (7 nuits)"), text);
        assertTrue(text.contains("Hébergement (7 nuits) 500,00 €"), text);
        assertTrue(text.contains("Total du séjour 500,00 €"), text);
        assertTrue(text.contains("Règlement reçu 150,00 €"), text);
        assertTrue(text.contains("Acompte du 20 mars 2027 par virement, référence VIR-1"), text);
        assertTrue(text.contains("Déjà réglé 150,00 €"), text);
        assertTrue(text.contains("Reste à payer 350,00 €"), text);

        // the owner moves, the guest pays the rest: receipt 1 still says what it said
        accounts.updateContactDetails(owner.accountId(), new ContactDetails("Gîtes du Lac", "Camille", "Rousseau",
                "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test", "+33 4 50 00 00 00", null,
                "5 quai du Lac", "74000", "Annecy", "FR", null));
        pay(owner, dossier, "350.00");
        assertEquals(text, PdfText.of(invoices.pdfOf(owner.accountId(), receiptId).pdf()));
        long secondId = invoices.receiptsOf(owner.accountId(), dossier.id()).get(1).id();
        String second = PdfText.of(invoices.pdfOf(owner.accountId(), secondId).pdf());
        assertTrue(second.contains("Reçu n° 2"), second);
        assertTrue(second.contains("Gîtes du Lac"), second);
        assertTrue(second.contains("Déjà réglé 500,00 €"), second);
        assertTrue(second.contains("Reste à payer 0,00 €"), second);
    }

    @Test
    void anOnlinePaymentGetsItsReceiptOnceHoweverOftenItIsSettled() throws Exception {
        Owner owner = owner();
        Dossier dossier = book(owner, 0, Origin.WIDGET);
        String session = onlinePayments.start(dossier.guestToken(), URI.create("https://example.test/back"),
                "Gîte les Lauriers").getPath().replace("/offline-pay/", "");
        offlineProvider.answer(session, ProviderVerdict.SUCCEEDED);
        String attempt = offlineProvider.find(session).orElseThrow().returnUrl().getQuery().replace("attempt=", "");
        onlinePayments.settle(attempt);
        onlinePayments.settle(attempt);

        List<InvoiceService.ReceiptSummary> receipts = invoices.receiptsOf(owner.accountId(), dossier.id());
        assertEquals(List.of(1), numbers(receipts));
        String text = PdfText.of(invoices.pdfOf(owner.accountId(), receipts.get(0).id()).pdf());
        assertTrue(text.contains("par paiement en ligne"), text);
        assertTrue(text.contains("Règlement reçu " + plain(receipts.get(0).amount())), text);
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

    @Test
    void theReceiptPrintsTheOwnersLegalMentionsAsTheyWereWhenItWasIssued() throws Exception {
        Owner owner = owner();
        Owner other = owner();
        documentSettings.changeReceipt(owner.accountId(), new ReceiptSettings.Changes("Camille Rousseau", "EI",
                "303 265 045 00011", null, VatStatus.FRANCHISE, null, null, "F2026-"));
        Dossier dossier = book(owner, 0, Origin.PHONE);
        pay(owner, dossier, "150.00");
        long firstId = invoices.receiptsOf(owner.accountId(), dossier.id()).get(0).id();
        InvoiceService.ReceiptPdf pdf = invoices.pdfOf(owner.accountId(), firstId);
        assertEquals(1, pdf.number(), "the series itself is untouched");
        assertEquals("F2026-1", pdf.printedNumber());
        String first = PdfText.of(pdf.pdf());
        assertTrue(first.contains("Reçu n° F2026-1"), first);
        assertTrue(first.contains("Camille Rousseau, EI"), first);
        assertTrue(first.contains("SIRET 303 265 045 00011"), first);
        assertTrue(first.contains("TVA non applicable, article 293 B du CGI"), first);

        // the owner registers for VAT and changes the prefix: the next receipt says so, the first one does not change
        documentSettings.changeReceipt(owner.accountId(), new ReceiptSettings.Changes("Gîtes du Lac", "SARL",
                "30326504500011", "RCS Gap 303 265 045", VatStatus.REGISTERED, "fr40 303 265 045", new BigDecimal("10"),
                "F2027-"));
        pay(owner, dossier, "350.00");
        assertEquals(first, PdfText.of(invoices.pdfOf(owner.accountId(), firstId).pdf()));
        InvoiceService.ReceiptSummary secondReceipt = invoices.receiptsOf(owner.accountId(), dossier.id()).get(1);
        assertEquals("F2027-2", secondReceipt.printedNumber());
        String second = PdfText.of(invoices.pdfOf(owner.accountId(), secondReceipt.id()).pdf());
        assertTrue(second.contains("Reçu n° F2027-2"), second);
        assertTrue(second.contains("Gîtes du Lac, SARL"), second);
        assertTrue(second.contains("SIRET 303 265 045 00011 — RCS Gap 303 265 045"), second);
        assertTrue(second.contains("N° TVA intracommunautaire : FR40303265045"), second);
        assertTrue(second.contains("Dont TVA à 10 % sur ce règlement : 31,82 €"), second);
        assertFalse(second.contains("293 B"), second);
        assertEquals(List.of(1, 2), numbersOf(owner.accountId()));

        // a wrong SIRET changes nothing; the database refuses one too, and refuses to touch an issued receipt
        InvalidInputException wrong = assertThrows(InvalidInputException.class, () -> documentSettings.changeReceipt(
                owner.accountId(), new ReceiptSettings.Changes("Gîtes du Lac", "SARL", "30326504500012", null,
                        VatStatus.FRANCHISE, null, null, "X-")));
        assertEquals("siret", wrong.violations().get(0).field());
        assertEquals("F2027-", documentSettings.receipt(owner.accountId()).mentions().numberPrefix().orElseThrow());
        assertRefused("update receipt_settings set siret = '30326504500012' where account_id = ?", owner.accountId());
        assertRefused("update receipt_settings set vat_number = 'FR41303265045' where account_id = ?", owner.accountId());
        assertRefused("update invoice set number_prefix = 'Z-' where id = ?", firstId);
        assertTrue(documentSettings.receipt(other.accountId()).mentions().siret().isEmpty(), "each owner their own");
        pay(other, book(other, 0, Origin.PHONE), "80.00");
        String others = PdfText.of(invoices.pdfOf(other.accountId(), receiptIdOf(other)).pdf());
        assertTrue(others.contains("Reçu n° 1") && !others.contains("SIRET 303"), others);
    }

    // ---- helpers

    private long receiptIdOf(Owner owner) throws SQLException {
        return lastId("select max(id) from invoice where account_id = ?", owner.accountId());
    }

    private void pay(Owner owner, Dossier dossier, String amount) {
        dossiers.recordPayment(owner.accountId(), dossier.id(), PaymentKind.DEPOSIT, LocalDate.of(2027, 3, 20),
                Money.of(amount), "transfer", "VIR-1", null, "test");
    }

    /** An amount as the French receipt writes it, spaces made plain as PdfText.of() leaves them. */
    private static String plain(Money amount) {
        return String.format(java.util.Locale.FRANCE, "%,.2f €", amount.amount()).replaceAll("[\\u00a0\\u202f]", " ");
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
        return lastId("select max(id) from payment where dossier_id = ?", dossier.id());
    }

    private long lastId(String sql, long key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, key);
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

    private Owner owner() {
        CreatedOwner created = fixtures.owner("inv", "Pw-" + UUID.randomUUID());
        return new Owner(created.accountId(), fixtures.gite(created.accountId(), "Gîte les Lauriers", "500.00"));
    }

    /** A week from Saturday 1 May 2027 plus {@code week} weeks, for Claude Martin. */
    private Dossier book(Owner owner, int week, Origin origin) {
        return fixtures.book(owner.accountId(), owner.accommodationId(), MAY_FIRST.plusWeeks(week), "Claude", "Martin",
                null, origin, null, false);
    }
}
