package org.sejour.interfaces.site.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.sejour.application.document.AmountLines;
import org.sejour.application.document.ContractTexts;
import org.sejour.application.payment.GuestDossier;
import org.sejour.application.payment.OnlinePaymentService;
import org.sejour.application.payment.PaymentProviderException;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.backoffice.web.Faces;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The guest's pages of a dossier, reached by its secret token: /pay/{token} (the deposit
 * step) and /booking/{token} (where it stands, and what a payment just did). The token is the
 * guest's only key; an unknown one is a 404 like any other address. Request-scoped, and the
 * payment form a stateless view that posts the token back: these pages open no HTTP session.
 */
@Named
@RequestScoped
public class GuestDossierPage {

    private static final Set<String> OUTCOMES = Set.of("paid", "failed", "abandoned", "pending");

    @EJB
    OnlinePaymentService payments;

    private String token;
    private String paymentParam;
    private GuestDossier dossier;

    /** a line of the dossier as shown */
    public record ShownLine(String label, int quantity, String amount) {
    }

    public void load() {
        dossier();
    }

    /**
     * The dossier of the token, read once a request; 404 for an unknown token. The payment form's
     * postback (a stateless view) brings the token as a plain parameter, and the page's rendered
     * conditions ask for the dossier while the form is decoded, before the view parameter is set.
     */
    private GuestDossier dossier() {
        if (dossier == null && !FacesContext.getCurrentInstance().getResponseComplete()) {
            String key = token != null ? token
                    : FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("token");
            try {
                dossier = payments.guestView(key == null ? "" : key);
            } catch (NotFoundException e) {
                // a form posted with it too: the 404 page in the guest's language (StatelessPostbacks)
                Faces.notFound();
            }
        }
        return dossier;
    }

    /** Opens a payment attempt and sends the guest to the provider's page. */
    public void pay() {
        GuestDossier shown = dossier();
        if (shown == null) {
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath();
        try {
            URI page = payments.start(token, URI.create(base + "/payment/return"),
                    SiteTexts.text("pay.description", shown.number(), shown.accommodationName()));
            external.redirect(page.isAbsolute() ? page.toString() : request.getContextPath() + page);
        } catch (PaymentProviderException e) {
            // the owner's payment provider refused or did not answer: nothing was opened, the guest may retry
            SiteTexts.error(null, "pay.providerUnavailable");
            dossier = payments.guestView(token);
        } catch (SejourException e) {
            SiteTexts.error(null, "pay.nothingDue");
            dossier = payments.guestView(token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<ShownLine> getLines() {
        // a postback with an unknown token decodes the page after its 404 was sent: nothing to list
        if (dossier() == null) {
            return List.of();
        }
        return dossier.lines().stream().map(l -> {
            String text = SiteTexts.text("line." + l.kind());
            String label = l.label().isBlank() ? text : text + " : " + l.label();
            return new ShownLine(label, l.quantity(), SiteTexts.money(l.amount()));
        }).toList();
    }

    public String getStatusText() {
        return SiteTexts.text("status." + dossier.status().name());
    }

    // asked while the form is decoded too, when an unknown token has left no dossier
    public boolean isConfirmed() { return dossier() != null && dossier.status() == DossierStatus.CONFIRMED; }
    public boolean isTest() { return dossier() != null && dossier.origin() == Origin.TEST; }
    public boolean isPayable() { return dossier() != null && dossier.due().isPresent(); }

    /**
     * Something is owed but cannot be paid online (the owner takes no online payment, or not for
     * this dossier): the guest pays by the means the owner's terms list, and the owner records it.
     */
    public boolean isPaidToOwner() {
        return dossier() != null && dossier.due().isEmpty() && dossier.status() != DossierStatus.CANCELLED
                && dossier.amounts().owed().isPositive();
    }

    /** "Arrhes à régler : 150,00 €", or what is left to pay once the deposit is paid. */
    public String getDueText() {
        return dossier.due().map(d -> SiteTexts.text("pay.due." + d.kind().name(), SiteTexts.money(d.amount()),
                getDepositLabel())).orElse("");
    }

    public boolean isCancelled() {
        return dossier() != null && dossier.status() == DossierStatus.CANCELLED;
    }

    /**
     * The word for one of the dossier's amounts ("total", "balance", "paid", "refunded",
     * "remaining", "toRefund"): the contract's own, in the page's language, so that the page, the
     * contract and the mails name each amount alike (docs/pricing.md, "The amounts a guest reads").
     */
    public String amountLabel(String meaning) {
        return amountTexts().text(meaning);
    }

    /** Arrhes or acompte, as the owner's terms say. */
    public String getDepositLabel() {
        return amountTexts().text("deposit." + dossier.depositType().name());
    }

    /** The total's word: once cancelled, the total is the fee kept. */
    public String getTotalLabel() {
        return AmountLines.totalLabel(isCancelled(), amountTexts());
    }

    /** "avant le 22 mars 2027" for a due date, nothing without one. */
    public String dueBy(Optional<LocalDate> due) {
        return due.map(day -> SiteTexts.text("quote.dueBy") + " " + SiteTexts.shortDate(day)).orElse("");
    }

    private ContractTexts amountTexts() {
        return ContractTexts.in(Language.fromCode(SiteTexts.locale().getLanguage()).orElse(Language.FR));
    }

    public String getDueAmount() {
        return dossier.due().map(d -> SiteTexts.money(d.amount())).orElse("");
    }

    /** What the payment that just came back did, from the attempt's settled status (never from the provider's address). */
    public String getOutcome() {
        return paymentParam != null && OUTCOMES.contains(paymentParam) ? paymentParam : "";
    }

    public String getOutcomeText() {
        return getOutcome().isEmpty() ? "" : SiteTexts.text("outcome." + getOutcome());
    }

    public String getStay() {
        return SiteTexts.text("book.staySummary", SiteTexts.shortDate(dossier.stay().arrival()),
                SiteTexts.shortDate(dossier.stay().departure()), SiteFormat.length(dossier.stay().nights()));
    }

    public GuestDossier getDossier() { return dossier; }
    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getPaymentParam() { return paymentParam; }
    public void setPaymentParam(String paymentParam) { this.paymentParam = paymentParam; }
}
