package org.sejour.infrastructure.document;

import jakarta.enterprise.context.ApplicationScoped;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import org.sejour.application.document.ContractTexts;
import org.sejour.application.document.ReceiptRenderer;
import org.sejour.domain.model.invoice.Invoice;
import org.sejour.domain.model.invoice.InvoiceLine;
import org.sejour.domain.model.invoice.LegalMentions;
import org.sejour.domain.model.shared.Money;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders receipts from receipt.jrxml with the contract's machinery: the same compile-once
 * template holder, fonts and bundle. It reads only what the receipt stored, so a receipt
 * downloaded again reads the same.
 */
@ApplicationScoped
public class JasperReceiptRenderer implements ReceiptRenderer {

    private static final String TEMPLATE = "/org/sejour/infrastructure/document/receipt.jrxml";

    private final CompiledTemplate template = new CompiledTemplate(TEMPLATE);

    @Override
    public byte[] render(Invoice receipt) {
        ContractTexts texts = ContractTexts.in(receipt.language());
        try {
            return template.pdf(parameters(receipt, texts), lines(receipt, texts));
        } catch (JRException e) {
            throw new IllegalStateException("receipt " + receipt.number() + " of account " + receipt.accountId()
                    + " cannot be rendered", e);
        }
    }

    private static Map<String, Object> parameters(Invoice r, ContractTexts t) {
        Map<String, Object> p = new HashMap<>();
        p.put(JRParameter.REPORT_LOCALE, t.locale());
        p.put(JRParameter.REPORT_RESOURCE_BUNDLE, t.bundle());
        p.put("SELLER_NAME", r.seller().name());
        p.put("SELLER_DETAILS", String.join("\n", sellerDetails(r, t)));
        boolean creditNote = r.refundReason().isPresent();
        p.put("TITLE", t.text(creditNote ? "receipt.creditNoteTitle" : r.isRefund() ? "receipt.refundTitle" : "receipt.title",
                r.printedNumber()));
        p.put("ISSUED_ON", t.text("receipt.issuedOn", t.date(r.issuedOn())));
        p.put("BUYER", String.join("\n", withFirst(r.buyer().name(), r.buyer().details())));
        Invoice.Stay stay = r.stay();
        p.put("DOSSIER", t.text("receipt.dossierLine", Integer.toString(stay.dossierNumber()), stay.accommodationName()));
        p.put("STAY", t.text("receipt.stay", t.date(stay.arrival()), t.date(stay.departure()),
                t.text("nights", (int) ChronoUnit.DAYS.between(stay.arrival(), stay.departure()))));
        p.put("TOTAL", t.money(r.total()));
        p.put("PAYMENT_HEADING", t.text(r.isRefund() ? "receipt.refund" : "receipt.payment"));
        p.put("PAYMENT_AMOUNT", t.money(r.paymentAmount()));
        String payment = t.text("receipt.paymentLine", t.text("receipt.kind." + r.paymentKind().name()),
                t.date(r.paidOn()), r.paymentMethod());
        String line = r.paymentReference().filter(ref -> !ref.isBlank())
                .map(ref -> t.text("receipt.paymentReference", payment, ref)).orElse(payment);
        // a credit note says why, and which receipt it corrects
        List<String> lines = new ArrayList<>(List.of(line));
        r.refundReason().map(reason -> t.text("receipt.creditNote.reason", reason)).ifPresent(lines::add);
        r.creditedNumber().map(number -> t.text("receipt.creditNote.credits", number)).ifPresent(lines::add);
        line = String.join("\n", lines);
        p.put("PAYMENT_LINE", line);
        p.put("PAID_TO_DATE", t.money(r.paidToDate()));
        p.put("BALANCE", t.money(r.balance()));
        String footer = t.text(creditNote ? "receipt.creditNote.footer" : "receipt.footer", r.printedNumber(),
                t.date(r.issuedOn()), r.seller().name());
        p.put("FOOTER", vatMention(r, t).map(vat -> vat + "\n" + footer).orElse(footer));
        return p;
    }

    /** Who sells in law (name and form, SIRET, registration, VAT number), then the address lines stored at issue. */
    private static List<String> sellerDetails(Invoice r, ContractTexts t) {
        LegalMentions legal = r.legal();
        List<String> lines = new ArrayList<>();
        joined(", ", legal.legalName(), legal.legalForm()).ifPresent(lines::add);
        joined(" — ", legal.siretAsPrinted().map(siret -> t.text("receipt.siret", siret)), legal.registration())
                .ifPresent(lines::add);
        legal.vatNumber().map(number -> t.text("receipt.vatNumber", number)).ifPresent(lines::add);
        lines.addAll(r.seller().details());
        return lines;
    }

    @SafeVarargs
    private static Optional<String> joined(String separator, Optional<String>... parts) {
        String text = Stream.of(parts).flatMap(Optional::stream).collect(Collectors.joining(separator));
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** The VAT status as the law wants it said: the 293 B franchise, or the VAT included in this payment. */
    private static Optional<String> vatMention(Invoice r, ContractTexts t) {
        LegalMentions legal = r.legal();
        return legal.vatStatus().map(status -> status == LegalMentions.VatStatus.FRANCHISE
                ? t.text("receipt.vatFranchise")
                : t.text("receipt.vatIncluded", t.percent(legal.vatRate().orElseThrow()),
                        t.money(legal.vatIncludedIn(r.paymentAmount()).orElseThrow())));
    }

    private static List<Map<String, ?>> lines(Invoice r, ContractTexts t) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (InvoiceLine line : r.lines()) {
            Map<String, Object> row = new HashMap<>();
            row.put("label", line.label());
            row.put("struck", line.struckOut().map(amount -> t.money(Money.of(amount))).orElse(null));
            row.put("amount", t.money(Money.of(line.amount())));
            row.put("detail", line.detail());
            rows.add(row);
        }
        return rows;
    }

    private static List<String> withFirst(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
