package org.sejour.application.document;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.account.AccountRepository;
import org.sejour.domain.model.document.ContractSettings;
import org.sejour.domain.model.document.DocumentSettingsRepository;
import org.sejour.domain.model.document.ReceiptSettings;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.Payment;
import org.sejour.domain.model.invoice.Invoice;
import org.sejour.domain.model.invoice.InvoiceLine;
import org.sejour.domain.model.invoice.InvoiceRepository;
import org.sejour.domain.model.invoice.LegalMentions;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Receipts, numbered in the account's invoice series (1, 2, 3…, no gap, never reused).
 *
 * <p>When: a receipt is issued for every payment recorded on a real dossier, by the owner or
 * online, in the transaction that records the payment. A payment is the one fact the owner
 * must be able to prove, and the moment it is recorded is the one moment it exists: issuing
 * then, in the same transaction, gives every payment exactly one receipt, numbers in the order
 * payments were recorded, and a payment that rolls back takes its number back with it. Test
 * bookings (origin TEST) get none: they are not sales, and the owner deletes them.
 */
@Stateless
public class InvoiceService {

    private static final Logger LOG = Logger.getLogger(InvoiceService.class.getName());

    @Inject
    InvoiceRepository invoices;
    @Inject
    AccountRepository accounts;
    @Inject
    DocumentSettingsRepository settings;
    @Inject
    ReceiptRenderer renderer;

    /** A receipt as the dossier page lists it; the printed number carries the prefix of its issue ("F2026-3"). */
    public record ReceiptSummary(long id, int number, String printedNumber, LocalDate issuedOn, LocalDate paidOn,
                                 Money amount, boolean refund) implements Serializable {
    }

    /**
     * Issues the receipt of a payment just recorded on {@code dossier}, in the caller's
     * transaction (mandatory: the number must be drawn, and given back, with the payment).
     * Everything it prints is copied from the dossier, the owner's details and settings now.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Optional<Invoice> issueReceipt(Dossier dossier, Payment payment) {
        if (dossier.origin() == Origin.TEST) {
            return Optional.empty();
        }
        long accountId = dossier.accountId();
        Account account = accounts.find(accountId).orElseThrow(() -> new NotFoundException("account", accountId));
        ContractSettings contract = settings.findContract(accountId)
                .orElseGet(() -> ContractSettings.defaultsFor(accountId));
        ContractTexts t = ContractTexts.in(dossier.guest().language());
        Language language = t.language();
        Instant now = Instant.now();
        int number = invoices.nextNumber(accountId);
        Invoice issued = Invoice.issue(accountId, number, dossier.id(), now,
                BusinessCalendar.today(Clock.systemUTC()), language,
                new Invoice.Party(ContractService.ownerName(account), seller(account, contract, language)),
                new Invoice.Party(dossier.guest().displayName(), ContractService.guestLines(dossier.guest())),
                new Invoice.Stay(dossier.number(), dossier.accommodation().name(), dossier.stay().arrival(),
                        dossier.stay().departure()),
                lines(dossier, t), new Invoice.Paid(payment, methodLabel(payment.method(), t)),
                dossier.paymentBalance(), settings.findReceipt(accountId).map(ReceiptSettings::mentions)
                        .orElseGet(LegalMentions::none));
        // a refund's receipt is a credit note: its reason, and the receipt of the payment it gives back
        payment.refundOf().ifPresent(refunded -> issued.asCreditNote(payment.reason().orElse(""),
                invoices.ofDossier(accountId, dossier.id()).stream().filter(i -> refunded.equals(i.paymentId()))
                        .findFirst().map(Invoice::printedNumber).orElse(null)));
        Invoice receipt = invoices.store(issued);
        LOG.log(Level.INFO, "Receipt {0} of account {1} issued for dossier {2}",
                new Object[]{number, accountId, dossier.number()});
        return Optional.of(receipt);
    }

    /** The receipts of one of the owner's dossiers, in number order; another owner's dossier has none. */
    public List<ReceiptSummary> receiptsOf(long accountId, long dossierId) {
        return invoices.ofDossier(accountId, dossierId).stream()
                .map(i -> new ReceiptSummary(i.id(), i.number(), i.printedNumber(), i.issuedOn(), i.paidOn(),
                        i.paymentAmount(), i.isRefund()))
                .toList();
    }

    /** A receipt's PDF and its number (for the file name). */
    public record ReceiptPdf(int number, String printedNumber, byte[] pdf) {
    }

    /** The PDF of one of the owner's receipts, rendered from what was stored when it was issued. */
    public ReceiptPdf pdfOf(long accountId, long invoiceId) {
        Invoice receipt = get(accountId, invoiceId);
        return new ReceiptPdf(receipt.number(), receipt.printedNumber(), renderer.render(receipt));
    }

    /** One of the owner's receipts; another owner's id is not found. */
    public Invoice get(long accountId, long invoiceId) {
        return invoices.find(accountId, invoiceId).orElseThrow(() -> new NotFoundException("invoice", invoiceId));
    }

    private static List<String> seller(Account account, ContractSettings contract, Language language) {
        List<String> lines = new ArrayList<>();
        String identity = ContractService.ownerIdentity(contract, language);
        if (identity != null) {
            lines.add(identity.strip());
        }
        lines.addAll(ContractService.ownerLines(account));
        return lines;
    }

    private static List<InvoiceLine> lines(Dossier dossier, ContractTexts t) {
        List<ContractDocument.PriceLine> priced = ContractService.priceLines(dossier.lines(), dossier.stay().nights(), t);
        List<InvoiceLine> lines = new ArrayList<>(priced.size());
        for (int i = 0; i < priced.size(); i++) {
            ContractDocument.PriceLine line = priced.get(i);
            lines.add(new InvoiceLine(i, line.label(), line.quantity(), line.amount().amount(),
                    line.struckOut().map(Money::amount).orElse(null), line.detail()));
        }
        return lines;
    }

    /** A method's words in the receipt's language; a method recorded by an import shows as it is. */
    private static String methodLabel(String method, ContractTexts t) {
        String key = "receipt.method." + method;
        return t.bundle().containsKey(key) ? t.text(key) : method;
    }
}
