package org.sejour.infrastructure.document;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Classification;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.PartyCount;
import org.sejour.domain.model.dossier.Payment;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.invoice.Invoice;
import org.sejour.domain.model.invoice.InvoiceLine;
import org.sejour.domain.model.invoice.LegalMentions;
import org.sejour.domain.model.invoice.LegalMentions.VatStatus;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.pricing.PaymentBalance;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.StayPeriod;
import org.sejour.domain.model.shared.TranslatedText;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sejour.infrastructure.document.JasperContractRendererTest.ARTIFACTS;
import static org.sejour.infrastructure.document.JasperContractRendererTest.pdftotext;
import static org.sejour.infrastructure.document.JasperContractRendererTest.run;

/**
 * Receipts for the tutorial's week (1–8 May 2027, 528.80 € in all) read back with pdftotext,
 * in French and English, for a payment and for a refund.
 */
class JasperReceiptRendererTest {

    static final JasperReceiptRenderer RENDERER = new JasperReceiptRenderer();

    @BeforeAll
    static void tools() throws IOException {
        Files.createDirectories(ARTIFACTS);
    }

    @Test
    void aFrenchReceiptShowsSellerBuyerNumberLinesThePaymentAndWhatIsLeft() throws Exception {
        Path file = ARTIFACTS.resolve("receipt-fr.pdf");
        Files.write(file, RENDERER.render(receipt(Language.FR, 3, "150.00", "150.00")));
        String text = pdftotext(file);
        assertTrue(text.contains("Reçu n° 3"), text);
        assertTrue(text.contains("Émis le 20 mars 2027"), text);
        assertTrue(text.contains("Gîtes de l'Étang"), text);
        assertTrue(text.contains("SIRET 123 456 789 00012"), text);
        assertTrue(text.contains("MARTIN Claude"), text);
        assertTrue(text.contains("Dossier n° 19 — Gîte les Lauriers"), text);
        assertTrue(text.contains("Séjour du 1 mai 2027 au 8 mai 2027 (7 nuits)"), text);
        assertTrue(text.contains("Hébergement (7 nuits) 500,00 € 450,00 €"), text);
        assertTrue(text.contains("Taxe de séjour 18,80 €"), text);
        assertTrue(text.contains("Total du séjour 528,80 €"), text);
        assertTrue(text.contains("Règlement reçu 150,00 €"), text);
        assertTrue(text.contains("Acompte du 18 mars 2027 par virement, référence VIR-0042"), text);
        assertTrue(text.contains("Déjà réglé 150,00 €"), text);
        assertTrue(text.contains("Reste à payer 378,80 €"), text);
    }

    @Test
    void anEnglishReceiptForASecondPaymentCountsBoth() throws Exception {
        Path file = ARTIFACTS.resolve("receipt-en.pdf");
        Files.write(file, RENDERER.render(receipt(Language.EN, 4, "378.80", "528.80")));
        String text = pdftotext(file);
        assertTrue(text.contains("Receipt no. 4"), text);
        assertTrue(text.contains("Issued on March 20, 2027"), text);
        assertTrue(text.contains("Payment received €378.80"), text);
        assertTrue(text.contains("Already paid €528.80"), text);
        assertTrue(text.contains("Left to pay €0.00"), text);
    }

    @Test
    void aNegativePaymentGivesARefundReceipt() throws Exception {
        Path file = ARTIFACTS.resolve("receipt-refund.pdf");
        Files.write(file, RENDERER.render(receipt(Language.FR, 5, "-50.00", "100.00")));
        String text = pdftotext(file);
        assertTrue(text.contains("Reçu de remboursement n° 5"), text);
        assertTrue(text.contains("Remboursement effectué − 50,00 €"), text);
        assertTrue(text.contains("Reste à payer 428,80 €"), text);
    }

    @Test
    void aPageRenderedAsAnImageForTheEyeWithEmbeddedFonts() throws Exception {
        Path file = ARTIFACTS.resolve("receipt-page.pdf");
        Files.write(file, RENDERER.render(receipt(Language.FR, 3, "150.00", "150.00")));
        run("pdftoppm", "-png", "-r", "60", file.toString(), ARTIFACTS.resolve("receipt-page").toString());
        assertTrue(Files.exists(ARTIFACTS.resolve("receipt-page-1.png")));
        String fonts = run("pdffonts", file.toString());
        assertTrue(fonts.contains("DejaVuSans"), fonts);
        assertFalse(fonts.contains("Helvetica"), "every font embedded\n" + fonts);
        assertEquals("1", run("pdfinfo", file.toString()).lines().filter(l -> l.startsWith("Pages:"))
                .map(l -> l.replaceAll("\\D", "")).findFirst().orElseThrow(), "one page");
    }

    @Test
    void theOwnersLegalMentionsUnderTheirNameAndTheFranchiseMentionAboveTheFooter() throws Exception {
        Path file = ARTIFACTS.resolve("receipt-legal-fr.pdf");
        Files.write(file, RENDERER.render(receipt(Language.FR, 3, "150.00", "150.00", LegalMentions.of("Hélène Lefèvre",
                "EI", "30326504500011", null, VatStatus.FRANCHISE, null, null, "F2026-"))));
        String text = pdftotext(file);
        assertTrue(text.contains("Reçu n° F2026-3"), text);
        assertTrue(text.contains("Hélène Lefèvre, EI"), text);
        assertTrue(text.contains("SIRET 303 265 045 00011"), text);
        assertTrue(text.contains("TVA non applicable, article 293 B du CGI"), text);
        assertTrue(text.contains("Reçu n° F2026-3 émis le 20 mars 2027"), text);
        run("pdftoppm", "-png", "-r", "80", file.toString(), ARTIFACTS.resolve("receipt-legal-fr").toString());
    }

    @Test
    void aVatRegisteredOwnersGermanReceiptGivesTheVatNumberAndTheVatInThePayment() throws Exception {
        Path file = ARTIFACTS.resolve("receipt-legal-de.pdf");
        Files.write(file, RENDERER.render(receipt(Language.DE, 4, "150.00", "150.00", LegalMentions.of("Gîtes de l'Étang",
                "SARL", "30326504500011", "RCS Grenoble 303 265 045", VatStatus.REGISTERED, "FR40303265045",
                new BigDecimal("10"), null))));
        String text = pdftotext(file);
        assertTrue(text.contains("Quittung Nr. 4"), text);
        assertTrue(text.contains("Gîtes de l'Étang, SARL"), text);
        assertTrue(text.contains("SIRET 303 265 045 00011 — RCS Grenoble 303 265 045"), text);
        assertTrue(text.contains("USt-IdNr.: FR40303265045"), text);
        assertTrue(text.contains("In dieser Zahlung enthaltene USt. (10 %): 13,64 €"), text);
        assertFalse(text.contains("293 B"), text);
    }

    /**
     * Paid to date and balance add up (V17's check) and say what the pages say: a gesture refund
     * leaves what is due as it was; a refund settling a cancellation's overpayment leaves nothing.
     */
    @Test
    void paidToDateAndBalanceAddUpAndMatchWhatIsLeftToPay() {
        Invoice gesture = receipt(Language.FR, 2, "210.00",
                new PaymentBalance(Money.of("700.00"), Money.of("210.00"), Money.of("50.00")), LegalMentions.none());
        assertEquals(Money.of("210.00"), gesture.paidToDate(), "refunds are not taken off what was paid");
        assertEquals(Money.of("490.00"), gesture.balance(), "the refund made nothing due again");
        Invoice cancelled = receipt(Language.FR, 3, "400.00",
                new PaymentBalance(Money.of("250.00"), Money.of("400.00"), Money.of("150.00")), LegalMentions.none());
        assertEquals(Money.of("250.00"), cancelled.paidToDate(), "what counts toward the fee");
        assertEquals(Money.ZERO, cancelled.balance(), "the refund settled the overpayment: nothing either way");
        Invoice overpaid = receipt(Language.FR, 4, "400.00",
                new PaymentBalance(Money.of("250.00"), Money.of("400.00")), LegalMentions.none());
        assertEquals(Money.of("400.00"), overpaid.paidToDate());
        assertEquals(Money.of("-150.00"), overpaid.balance(), "still to give back");
    }

    /** Receipt {@code number} for a payment of {@code amount}, {@code paidToDate} paid in all with it. */
    static Invoice receipt(Language language, int number, String amount, String paidToDate) {
        return receipt(language, number, amount, paidToDate, LegalMentions.none());
    }

    static Invoice receipt(Language language, int number, String amount, String paidToDate, LegalMentions legal) {
        return receipt(language, number, amount, new PaymentBalance(Money.of("528.80"), Money.of(paidToDate)), legal);
    }

    static Invoice receipt(Language language, int number, String amount, PaymentBalance balance, LegalMentions legal) {
        boolean fr = language == Language.FR;
        Account account = new Account(100001, Instant.now());
        Accommodation gite = new Accommodation(account, new AccommodationDetails("Gîte les Lauriers", false,
                AccommodationType.GITE, Classification.TWO_STARS, null, "1 chemin", "38000", "Grenoble", null, null,
                1, 6, null, null, null, null, Visibility.BOOKABLE, TranslatedText.empty(), Set.of()), Instant.now());
        Guest guest = new Guest("Claude", "Martin", "claude@example.test", null, "3 place Bellecour", "69002", "Lyon",
                "FR", language);
        LocalDate arrival = LocalDate.of(2027, 5, 1);
        Dossier dossier = Dossier.open(new Dossier.Booking(1, 19, StayPeriod.of(arrival, 7),
                List.of(new Dossier.BookedStay(gite, List.of(new PartyCount("Adulte", 2, true)))), guest,
                new Dossier.AgreedPrice(List.of(), Money.of("528.80"), Money.of("150.00"), null, null), null,
                Dossier.Provenance.of(Origin.PHONE), true, null, Instant.now(), "owner"));
        Payment payment = dossier.recordPayment(PaymentKind.DEPOSIT, LocalDate.of(2027, 3, 18), Money.of(amount),
                "transfer", "VIR-0042", null, Instant.now(), "owner").orElseThrow();
        return Invoice.issue(1, number, 1, Instant.now(), LocalDate.of(2027, 3, 20), language,
                new Invoice.Party("Gîtes de l'Étang", List.of("EI Hélène Lefèvre — SIRET 123 456 789 00012",
                        "12 rue des Églantiers, 38000 Grenoble, FR", "+33 4 76 00 00 00 · helene@example.test")),
                new Invoice.Party(guest.displayName(), List.of("3 place Bellecour", "69002 Lyon FR", "claude@example.test")),
                new Invoice.Stay(19, "Gîte les Lauriers", arrival, arrival.plusDays(7)),
                List.of(new InvoiceLine(0, fr ? "Hébergement (7 nuits)" : "Accommodation (7 nights)", 1,
                                new BigDecimal("450.00"), new BigDecimal("500.00"), false),
                        new InvoiceLine(1, fr ? "Promotion printemps" : "Spring offer", 1, new BigDecimal("-50.00"), null,
                                true),
                        new InvoiceLine(2, fr ? "Ménage de fin de séjour" : "Final cleaning", 1, new BigDecimal("60.00"),
                                null, false),
                        new InvoiceLine(3, fr ? "Taxe de séjour" : "Tourist tax", 1, new BigDecimal("18.80"), null, false)),
                new Invoice.Paid(payment, fr ? "virement" : "bank transfer"),
                balance,
                legal);
    }
}
