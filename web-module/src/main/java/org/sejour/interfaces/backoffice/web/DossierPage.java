package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.audit.AuditEntry;
import org.sejour.application.audit.AuditTrailService;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.booking.Cancellation;
import org.sejour.application.booking.CancellationTerms;
import org.sejour.application.booking.DossierService;
import org.sejour.application.document.ContractAcceptanceService;
import org.sejour.application.document.ContractService;
import org.sejour.application.document.InvoiceService;
import org.sejour.application.dossier.DossierQueries;
import org.sejour.application.dossier.DossierView;
import org.sejour.application.mail.MailLogEntry;
import org.sejour.application.mail.MailOutbox;
import org.sejour.application.payment.RefundService;
import org.sejour.application.payment.SecurityDeposits;
import org.sejour.application.privacy.GuestDataService;
import org.sejour.domain.model.document.ContractAcceptances;
import org.sejour.domain.model.document.ContractArchive;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.pricing.CancellationPolicy;
import org.sejour.domain.model.pricing.TaxExemption;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One dossier: what was booked at which frozen price, the payments and the balance, the status
 * changes and flags, and the history of who changed what. Every change goes through
 * {@link DossierService}, which records it in the dossier's history.
 */
@Named
@ViewScoped
public class DossierPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** the usual ways French owners are paid; the method is stored as this code */
    private static final List<String> METHODS = List.of("transfer", "cheque", "card", "cash", "holidayVouchers",
            "other");

    @Inject
    CurrentUser currentUser;
    @EJB
    DossierService dossiers;
    @EJB
    AuditTrailService trail;
    @EJB
    DossierQueries queries;
    @EJB
    MailOutbox outbox;
    @EJB
    InvoiceService invoices;
    @EJB
    ContractService contracts;
    @EJB
    ContractAcceptanceService contractAcceptances;
    @EJB
    RefundService refunds;
    @EJB
    SecurityDeposits deposits;
    @EJB
    GuestDataService guestData;

    /** the id as the URL gives it: parsed here so that a malformed one is a 404, not an empty page */
    private String idParam;
    private Long id;
    /** the dossier's rows of the audit trail, oldest first */
    private List<AuditEntry> changes = List.of();
    private DossierView dossier;
    private List<MailLogEntry> mails;
    private List<InvoiceService.ReceiptSummary> receipts;
    private List<ContractArchive.KeptVersion> contractVersions;
    private List<ContractAcceptances.Acceptance> acceptances;
    /** what cancelling costs under the owner's policy, read when the owner opens the cancel dialog */
    private CancellationTerms cancellation;
    private BigDecimal cancellationFee;
    /** the owner gives back what was paid above the fee with the cancellation (credit note and mail) */
    private boolean refundOnCancel;
    private List<RefundService.Refundable> refundables;
    private SecurityDeposits.HoldView hold;
    /** the day the guest was anonymised; null while they are not */
    private LocalDate guestErasedOn;
    /** the numbers of the owner's dossiers an export or an erasure of this guest reaches */
    private List<Integer> guestDossierNumbers;
    private BigDecimal captureAmount;
    private String captureReason;

    private PaymentKind paymentKind = PaymentKind.DEPOSIT;
    private LocalDate paidOn;
    private BigDecimal amount;
    private String method = "transfer";
    private String reference;
    private String cancelReason;
    private Long refundPaymentId;
    private BigDecimal refundAmount;
    private String refundReason;

    /** f:viewAction: the dossier named in the URL, or 404 when it is not the owner's. */
    public void load() {
        try {
            id = Long.valueOf(idParam);
        } catch (NumberFormatException e) {
            Faces.notFound(); // a malformed id is a page that does not exist, like another owner's
            return;
        }
        try {
            reload();
            paidOn = BusinessCalendar.today(Clock.systemUTC());
        } catch (NotFoundException e) {
            Faces.notFound();
        }
    }

    private void reload() {
        dossier = queries.view(currentUser.accountId(), id);
        mails = outbox.logOf(currentUser.accountId(), id);
        receipts = invoices.receiptsOf(currentUser.accountId(), id);
        contractVersions = contracts.keptVersions(currentUser.accountId(), id);
        acceptances = contractAcceptances.acceptances(currentUser.accountId(), id);
        refundables = refunds.refundable(currentUser.accountId(), id);
        hold = deposits.holdOf(currentUser.accountId(), id).orElse(null);
        changes = trail.ofDossier(currentUser.accountId(), id);
        guestErasedOn = guestData.guestErasedOn(currentUser.accountId(), id).orElse(null);
        guestDossierNumbers = guestErasedOn != null ? List.of() : guestData.dossierNumbersOfGuest(currentUser.accountId(), id);
    }

    /**
     * Anonymises the guest in all the owner's dossiers (docs/privacy.md), after the owner's
     * confirmation: it cannot be undone.
     */
    public void eraseGuest() {
        act(() -> guestData.erase(currentUser.accountId(), id, BusinessCalendar.today(Clock.systemUTC()), actor()),
                "privacy.erased");
    }

    /** The confirmation names the guest and the dossiers the erasure reaches. */
    public String getEraseQuestion() {
        return Faces.text("privacy.erase.question", dossier.guest().displayName(),
                guestDossierNumbers.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }

    public LocalDate getGuestErasedOn() {
        return guestErasedOn;
    }

    /** The owner keeps part of the security deposit held on the guest's card, for a reason; the rest is released. */
    public void captureHold() {
        try {
            deposits.capture(currentUser.accountId(), id, Money.of(captureAmount == null ? BigDecimal.ZERO : captureAmount),
                    captureReason == null ? "" : captureReason, actor());
            Faces.info("hold.captured", Formats.money(Money.of(captureAmount), Formats.viewLocale()));
            captureAmount = null;
            captureReason = null;
        } catch (SejourException e) {
            Faces.show("hold", e);
        }
        reload();
    }

    /**
     * Gives back part or all of a payment: through Stripe when Stripe took it, else recorded as
     * refunded by the owner by the same means. A credit note is issued and mailed to the guest.
     */
    public void refund() {
        try {
            RefundService.Refund done = refunds.refund(currentUser.accountId(), id, refundPaymentId == null ? -1 : refundPaymentId,
                    Money.of(refundAmount == null ? BigDecimal.ZERO : refundAmount), refundReason == null ? "" : refundReason,
                    actor());
            Faces.info(done.throughStripe() ? "refund.done.stripe" : done.providerGone() ? "refund.done.providerGone"
                    : "refund.done.recorded", Formats.money(done.amount(),
                    Formats.viewLocale()));
            refundPaymentId = null;
            refundAmount = null;
            refundReason = null;
        } catch (NotFoundException e) {
            Faces.error("refund:payment", "refund.payment.required");
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
        } catch (SejourException e) {
            Faces.show("refund", e);
        }
        reload();
    }

    /** A payment as the refund form lists it: its date, method and what is left to give back. */
    public String refundableLabel(RefundService.Refundable r) {
        return Faces.text("refund.option", Formats.date(r.paidOn(), Formats.viewLocale()), methodLabel(r.method()),
                Formats.money(r.left(), Formats.viewLocale()));
    }

    /** Stripe took some of these payments but is no longer connected: they are refunded by the owner, by hand. */
    public boolean isRefundByHandOnly() {
        return refundables != null && refundables.stream().anyMatch(RefundService.Refundable::providerGone);
    }

    public void recordPayment() {
        if (amount == null || amount.signum() == 0) {
            Faces.error("payment:amount", "payment.amount.zero");
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            dossiers.recordPayment(currentUser.accountId(), id, paymentKind, paidOn, Money.of(amount), method,
                    reference, null, actor());
            Faces.info("payment.recorded", Faces.text("payment.kind." + paymentKind));
            amount = null;
            reference = null;
        } catch (SejourException e) {
            Faces.show("payment", e);
        }
        reload();
    }

    public void confirm() {
        act(() -> dossiers.confirm(currentUser.accountId(), id, actor()), "dossier.confirmed");
    }

    /** Opens the cancel dialog with what the owner's policy asks: the fee (which they may change) and the refund. */
    public void prepareCancel() {
        try {
            cancellation = dossiers.cancellationTerms(currentUser.accountId(), id);
            cancellationFee = cancellation.fee();
            refundOnCancel = false;
        } catch (SejourException e) {
            Faces.show("actions", e);
        }
    }

    /** Cancels with the fee decided; says what was refunded with it, or what is left to refund. */
    public void cancel() {
        if (cancellationFee == null || cancellationFee.signum() < 0) {
            Faces.error("cancel:fee", "cancellation.fee.negative");
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            Cancellation done = dossiers.cancel(currentUser.accountId(), id, actor(), cancelReason,
                    Money.of(cancellationFee), refundOnCancel);
            Faces.info("dossier.cancelled.done.refund", formats(done.fee()), formats(done.toRefund()));
            if (done.refunded().isPositive()) {
                Faces.info(done.refundedThroughStripe() ? "refund.done.stripe" : "refund.done.recorded",
                        formats(done.refunded()));
            }
            cancelReason = null;
        } catch (SejourException e) {
            Faces.show("cancel", e);
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        reload();
    }

    private static String formats(Money amount) {
        return Formats.money(amount, Formats.viewLocale());
    }

    /** The refund left on a cancellation, as the dialog computes it from the fee typed. */
    public BigDecimal getCancellationRefund() {
        if (cancellation == null || cancellationFee == null) {
            return BigDecimal.ZERO;
        }
        return cancellation.paid().subtract(cancellationFee).max(BigDecimal.ZERO);
    }

    /** The guest's online acceptance of the current version, if they gave one. */
    public ContractAcceptances.Acceptance getCurrentAcceptance() {
        return acceptances.stream().filter(a -> a.version() == dossier.contractVersion()).findFirst().orElse(null);
    }

    /** "Accepté en ligne par Claude MARTIN le 06/12/2026 à 14:05 depuis 203.0.113.7 (version 1, SHA-256 …)". */
    public String acceptanceText(ContractAcceptances.Acceptance a) {
        ZonedDateTime at = a.acceptedAt().atZone(BusinessCalendar.ZONE);
        Locale locale = Formats.viewLocale();
        return Faces.text("dossier.contract.acceptedOnline", a.guestName(), Formats.date(at.toLocalDate(), locale),
                DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(at), a.address(),
                a.version(), a.sha256());
    }

    /** Signed neither online nor on paper for this version, though an earlier one was accepted online. */
    public String getNotSignedAgainText() {
        if (dossier.signedContractReceived() || acceptances.isEmpty()) {
            return "";
        }
        return Faces.text("dossier.contract.notForVersion", dossier.contractVersion(),
                acceptances.get(acceptances.size() - 1).version());
    }

    public void toggleSignedContract() {
        boolean received = !dossier.signedContractReceived();
        act(() -> dossiers.markSignedContractReceived(currentUser.accountId(), id, received, actor()),
                received ? "dossier.contract.received" : "dossier.contract.notReceived");
    }

    public void toggleOnlinePayment() {
        boolean allowed = !dossier.onlinePaymentAllowed();
        act(() -> dossiers.allowOnlinePayment(currentUser.accountId(), id, allowed, actor()),
                allowed ? "dossier.onlinePayment.allowed" : "dossier.onlinePayment.forbidden");
    }

    /** Queues the guest's booking mail again; the mail log below shows it leave. */
    public void resendGuestMail() {
        act(() -> dossiers.resendGuestMail(currentUser.accountId(), id, actor()), "dossier.guestMail.queued",
                dossier.guest().email());
    }

    /** Why the guest's mail cannot be sent again, or null when it can. */
    public String getGuestMailUnavailable() {
        if (dossier.isCancelled()) {
            return Faces.text("dossier.guestMail.cancelled");
        }
        return dossier.guest().email() == null ? Faces.text("dossier.guestMail.noEmail") : null;
    }

    public String getGuestMailQuestion() {
        return Faces.text("dossier.guestMail.question", dossier.guest().email());
    }

    private void act(Runnable change, String doneKey, Object... args) {
        try {
            change.run();
            Faces.info(doneKey, args);
        } catch (SejourException e) {
            Faces.show("actions", e);
        }
        reload();
    }

    private String actor() {
        return currentUser.get().login();
    }

    /** A payment method's label; a method recorded by a provider or an import shows as it is. */
    public String methodLabel(String code) {
        String label = Faces.text("payment.method." + code);
        return label.equals("payment.method." + code) ? code : label;
    }

    /**
     * A price line's name: the owner's own label, or the bundle's for the line's kind; with several
     * accommodations, the one it prices before it.
     */
    public String lineLabel(DossierView.Line line) {
        String kind = Faces.text("dossier.line." + line.kind());
        String label = line.label() == null || line.label().isBlank() ? kind : line.label();
        if (line.stay() == null || dossier.stays().size() < 2 || line.stay() >= dossier.stays().size()) {
            return label;
        }
        return dossier.stays().get(line.stay()).accommodation() + " — " + label;
    }

    /** How the cancellation policy gave its fee: "50 % (from 8 days before arrival)", or that none applied. */
    public String getCancellationRule() {
        if (cancellation == null) {
            return "";
        }
        if (!cancellation.hasRule()) {
            return Faces.text("cancellation.rule.none", cancellation.daysBefore());
        }
        String fee = cancellation.kind() == CancellationPolicy.FeeKind.DEPOSIT ? Faces.text("cancellation.fee.DEPOSIT")
                : Faces.text("cancellation.fee.PERCENT", cancellation.percent().stripTrailingZeros().toPlainString());
        return Faces.text("cancellation.rule.applied", fee, cancellation.fromDays(), cancellation.daysBefore());
    }

    public Long getId() { return id; }
    public List<AuditEntry> getChanges() { return changes; }
    public String getIdParam() { return idParam; }
    public void setIdParam(String idParam) { this.idParam = idParam; }
    /**
     * The persons declared exempt from the tourist tax, all stays together, in the page's words
     * ("1 saisonnier(s), 2 hébergement d'urgence"); empty when none (minors are in the party).
     */
    public String getTaxExemptions() {
        if (dossier == null) {
            return "";
        }
        Map<TaxExemption, Integer> exempt = new EnumMap<>(TaxExemption.class);
        dossier.stays().forEach(s -> s.exemptions().forEach((reason, n) -> exempt.merge(reason, n, Integer::sum)));
        return exempt.entrySet().stream().map(e -> e.getValue() + " " + Faces.text("taxRegister.exempt." + e.getKey()))
                .collect(Collectors.joining(", "));
    }

    public DossierView getDossier() { return dossier; }
    public List<MailLogEntry> getMails() { return mails; }
    public List<InvoiceService.ReceiptSummary> getReceipts() { return receipts; }
    public List<RefundService.Refundable> getRefundables() { return refundables; }
    public SecurityDeposits.HoldView getHold() { return hold; }
    public BigDecimal getCaptureAmount() { return captureAmount; }
    public void setCaptureAmount(BigDecimal captureAmount) { this.captureAmount = captureAmount; }
    public String getCaptureReason() { return captureReason; }
    public void setCaptureReason(String captureReason) { this.captureReason = captureReason; }
    public Long getRefundPaymentId() { return refundPaymentId; }
    public void setRefundPaymentId(Long refundPaymentId) { this.refundPaymentId = refundPaymentId; }
    public BigDecimal getRefundAmount() { return refundAmount; }
    public void setRefundAmount(BigDecimal refundAmount) { this.refundAmount = refundAmount; }
    public String getRefundReason() { return refundReason; }
    public void setRefundReason(String refundReason) { this.refundReason = refundReason; }
    /** Mails the server refused for good: the owner should check the address. */
    public List<MailLogEntry> getFailedMails() { return mails.stream().filter(MailLogEntry::isFailed).toList(); }
    public List<PaymentKind> getPaymentKinds() { return List.of(PaymentKind.values()); }
    public List<String> getMethods() { return METHODS; }
    public PaymentKind getPaymentKind() { return paymentKind; }
    public void setPaymentKind(PaymentKind paymentKind) { this.paymentKind = paymentKind; }
    public LocalDate getPaidOn() { return paidOn; }
    public void setPaidOn(LocalDate paidOn) { this.paidOn = paidOn; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getMethod() { return method; }
    public void setMethod(String method) { this.method = method; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public String getCancelReason() { return cancelReason; }
    public CancellationTerms getCancellation() { return cancellation; }
    public BigDecimal getCancellationFee() { return cancellationFee; }
    public void setCancellationFee(BigDecimal cancellationFee) { this.cancellationFee = cancellationFee; }
    public boolean isRefundOnCancel() { return refundOnCancel; }
    public void setRefundOnCancel(boolean refundOnCancel) { this.refundOnCancel = refundOnCancel; }
    public List<ContractArchive.KeptVersion> getContractVersions() { return contractVersions; }
    public List<ContractAcceptances.Acceptance> getAcceptances() { return acceptances; }
    public void setCancelReason(String cancelReason) { this.cancelReason = cancelReason; }
}
