package org.sejour.domain.model.invoice;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.sejour.domain.model.dossier.Payment;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.pricing.PaymentBalance;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A receipt for one payment, with its number in the account's gapless series. Everything it
 * prints is copied in when it is issued, so that downloading it again, whatever changed since
 * (the owner's address, the guest's name, later payments), gives the same document. It has no
 * method that changes it, and the database refuses updates and deletes.
 */
@Entity
@Table(name = "invoice")
public class Invoice implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;
    @Column(name = "number", nullable = false, updatable = false)
    private int number;
    @Column(name = "dossier_id", nullable = false, updatable = false)
    private long dossierId;
    // a relation, not an id: the payment is written in the same flush, and must be written first
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payment_id", nullable = false, updatable = false)
    private Payment payment;
    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;
    @Column(name = "issued_on", nullable = false, updatable = false)
    private LocalDate issuedOn;
    @Column(name = "language", nullable = false, updatable = false)
    private String language;
    @Column(name = "seller_name", nullable = false, updatable = false)
    private String sellerName;
    @Column(name = "seller_details", nullable = false, updatable = false)
    private String sellerDetails;
    @Column(name = "buyer_name", nullable = false, updatable = false)
    private String buyerName;
    @Column(name = "buyer_details", nullable = false, updatable = false)
    private String buyerDetails;
    @Column(name = "dossier_number", nullable = false, updatable = false)
    private int dossierNumber;
    @Column(name = "accommodation_name", nullable = false, updatable = false)
    private String accommodationName;
    @Column(name = "arrival", nullable = false, updatable = false)
    private LocalDate arrival;
    @Column(name = "departure", nullable = false, updatable = false)
    private LocalDate departure;
    @Enumerated(EnumType.STRING)
    @Column(name = "payment_kind", nullable = false, updatable = false)
    private PaymentKind paymentKind;
    @Column(name = "paid_on", nullable = false, updatable = false)
    private LocalDate paidOn;
    @Column(name = "payment_amount", nullable = false, updatable = false)
    private BigDecimal paymentAmount;
    @Column(name = "payment_method", nullable = false, updatable = false)
    private String paymentMethod;
    @Column(name = "payment_reference", updatable = false)
    private String paymentReference;
    @Column(name = "total", nullable = false, updatable = false)
    private BigDecimal total;
    @Column(name = "paid_to_date", nullable = false, updatable = false)
    private BigDecimal paidToDate;
    @Column(name = "balance", nullable = false, updatable = false)
    private BigDecimal balance;
    // a credit note's reason and the printed number of the receipt it corrects (refunds only)
    @Column(name = "refund_reason", updatable = false)
    private String refundReason;
    @Column(name = "credited_number", updatable = false)
    private String creditedNumber;
    // the owner's legal mentions as they were at issue; V17's trigger refuses any later update
    @Embedded
    private LegalMentions legal = LegalMentions.none();

    @ElementCollection
    @CollectionTable(name = "invoice_line", joinColumns = @JoinColumn(name = "invoice_id"))
    @OrderBy("position")
    private List<InvoiceLine> lines = new ArrayList<>();

    protected Invoice() {
        // JPA
    }

    /** Who sells and who buys, as printed: a name and the lines under it. */
    public record Party(String name, List<String> details) {
        public Party {
            Objects.requireNonNull(name, "name is required");
            details = List.copyOf(details);
        }
    }

    /** The dossier as the receipt recalls it. */
    public record Stay(int dossierNumber, String accommodationName, LocalDate arrival, LocalDate departure) {
        public Stay {
            Objects.requireNonNull(accommodationName, "accommodation name is required");
            if (!arrival.isBefore(departure)) {
                throw new IllegalArgumentException("a stay ends after it starts");
            }
        }
    }

    /** The payment this receipt is for, its method already in the receipt's language. */
    public record Paid(Payment payment, String methodLabel) {
        public Paid {
            Objects.requireNonNull(payment, "payment is required");
            Objects.requireNonNull(methodLabel, "method label is required");
        }
    }

    /**
     * Issues receipt {@code number} for a payment; {@code balance} is the dossier's once it is
     * recorded. The receipt prints the total, what was paid to date and what is left to pay, which
     * add up (the database checks it): refunds are not taken off what was paid, so a credit note
     * never shows a refund as money due again; the refund itself is the credit note's payment line.
     * Only a refund of an overpayment (after a cancellation, or a change that lowered the total)
     * comes off what was paid to date, as far as it settles it: 400.00 paid on a 250.00
     * cancellation fee and 150.00 refunded print 250.00 paid and nothing left.
     */
    public static Invoice issue(long accountId, int number, long dossierId, Instant issuedAt, LocalDate issuedOn,
                                Language language, Party seller, Party buyer, Stay stay, List<InvoiceLine> lines,
                                Paid paid, PaymentBalance balance, LegalMentions legal) {
        if (number < 1) {
            throw new IllegalArgumentException("invoice numbers start at 1");
        }
        Invoice invoice = new Invoice();
        invoice.accountId = accountId;
        invoice.number = number;
        invoice.dossierId = dossierId;
        invoice.issuedAt = Objects.requireNonNull(issuedAt, "issue instant is required");
        invoice.issuedOn = Objects.requireNonNull(issuedOn, "issue date is required");
        invoice.language = language.code();
        invoice.sellerName = seller.name();
        invoice.sellerDetails = String.join("\n", seller.details());
        invoice.buyerName = buyer.name();
        invoice.buyerDetails = String.join("\n", buyer.details());
        invoice.dossierNumber = stay.dossierNumber();
        invoice.accommodationName = stay.accommodationName();
        invoice.arrival = stay.arrival();
        invoice.departure = stay.departure();
        Payment payment = paid.payment();
        invoice.payment = payment;
        invoice.paymentKind = payment.kind();
        invoice.paidOn = payment.paidOn();
        invoice.paymentAmount = payment.amount();
        invoice.paymentMethod = paid.methodLabel();
        invoice.paymentReference = payment.reference();
        // what is left is the pages' (PaymentBalance.remaining): a refund that settles an
        // overpayment (a cancellation's, whose total is now its fee) leaves nothing, not a negative
        // balance; paid to date is then what counts toward the total, so that the two add up
        Money remaining = balance.remaining();
        invoice.total = balance.total().amount();
        invoice.paidToDate = balance.total().minus(remaining).amount();
        invoice.balance = remaining.amount();
        invoice.lines = new ArrayList<>(lines);
        invoice.legal = Objects.requireNonNull(legal, "legal mentions are required (none() for none)").copy();
        return invoice;
    }

    /**
     * Makes this refund's receipt a credit note (avoir): why the money was given back, and the
     * receipt it corrects. Only before it is stored, and only for a refund.
     */
    public Invoice asCreditNote(String reason, String creditedNumber) {
        if (id != null || !isRefund()) {
            throw new IllegalStateException("only a refund's receipt, before it is issued, is a credit note");
        }
        this.refundReason = Objects.requireNonNull(reason, "reason is required");
        this.creditedNumber = creditedNumber;
        return this;
    }

    public Long id() { return id; }
    public Optional<String> refundReason() { return Optional.ofNullable(refundReason); }
    public Optional<String> creditedNumber() { return Optional.ofNullable(creditedNumber); }
    public long accountId() { return accountId; }
    public int number() { return number; }
    public long dossierId() { return dossierId; }
    public Long paymentId() { return payment.id(); }
    public Instant issuedAt() { return issuedAt; }
    public LocalDate issuedOn() { return issuedOn; }
    public Language language() { return Language.fromCode(language).orElse(Language.FR); }
    public Party seller() { return new Party(sellerName, splitLines(sellerDetails)); }
    public Party buyer() { return new Party(buyerName, splitLines(buyerDetails)); }
    public Stay stay() { return new Stay(dossierNumber, accommodationName, arrival, departure); }
    public PaymentKind paymentKind() { return paymentKind; }
    public LocalDate paidOn() { return paidOn; }
    public Money paymentAmount() { return Money.of(paymentAmount); }
    public String paymentMethod() { return paymentMethod; }
    public Optional<String> paymentReference() { return Optional.ofNullable(paymentReference); }
    public Money total() { return Money.of(total); }
    public Money paidToDate() { return Money.of(paidToDate); }
    public Money balance() { return Money.of(balance); }
    public List<InvoiceLine> lines() { return List.copyOf(lines); }
    public LegalMentions legal() { return legal == null ? LegalMentions.none() : legal.copy(); }

    /** The number as printed, after the owner's prefix of the time: "F2026-17". */
    public String printedNumber() {
        return legal().printedNumber(number);
    }

    /** A refund recorded as a negative payment gets a refund receipt. */
    public boolean isRefund() {
        return paymentAmount.signum() < 0;
    }

    private static List<String> splitLines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
