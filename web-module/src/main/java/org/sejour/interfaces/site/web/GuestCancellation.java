package org.sejour.interfaces.site.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.booking.CancellationTerms;
import org.sejour.application.booking.DossierService;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.backoffice.web.Faces;

import java.util.Optional;

/**
 * The guest cancels from their booking page (/booking/{token}) when the owner's terms let them:
 * the page says first what the owner's policy keeps and what will be refunded, and the guest
 * confirms. Request-scoped like the page, the form posting the token back: no HTTP session.
 */
@Named
@RequestScoped
public class GuestCancellation {

    @EJB
    DossierService dossiers;
    @Inject
    SiteLanguage siteLanguage;

    private String token;
    private String cancelledParam;
    private String problemParam;
    private boolean confirmed;
    private Optional<CancellationTerms> terms;

    /** What cancelling today would cost, when the guest may cancel; read once a request. */
    public Optional<CancellationTerms> terms() {
        if (terms == null) {
            String key = token != null ? token
                    : FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("token");
            terms = key == null || key.isBlank() ? Optional.empty() : dossiers.guestCancellationTerms(key);
        }
        return terms;
    }

    /**
     * Cancels, then always sends the guest back to their page with what happened: the view is
     * transient, so it is never rendered again from a postback (PrimeFaces could not check its
     * script nonce without a view state).
     */
    public void cancel() {
        String key = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("token");
        if (key == null || !key.matches("[A-Za-z0-9_-]{20,64}")) {
            Faces.notFound();
            return;
        }
        String page = "/booking/" + key + "?lang=" + siteLanguage.getLanguage().code();
        if (!confirmed) {
            Faces.redirect(page + "&cancelProblem=confirm");
            return;
        }
        try {
            dossiers.cancelByGuest(key);
            Faces.redirect(page + "&cancelled=1");
        } catch (NotFoundException e) {
            Faces.notFound();
        } catch (SejourException e) {
            Faces.redirect(page + "&cancelProblem=refused");
        }
    }

    /** Why the last attempt did not cancel: the box was not ticked, or cancelling is no longer allowed. */
    public String getProblem() {
        return switch (problemParam == null ? "" : problemParam) {
            case "confirm" -> SiteTexts.text("cancel.confirm.required");
            case "refused" -> SiteTexts.text("cancel.refused");
            default -> "";
        };
    }

    public boolean isOffered() { return terms().isPresent(); }
    public String getFee() { return terms().map(t -> SiteTexts.money(Money.of(t.fee()))).orElse(""); }
    public String getPaid() { return terms().map(t -> SiteTexts.money(Money.of(t.paid()))).orElse(""); }
    public String getRefund() { return terms().map(t -> SiteTexts.money(Money.of(t.toRefund()))).orElse(""); }
    public boolean isJustCancelled() { return "1".equals(cancelledParam); }
    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getCancelledParam() { return cancelledParam; }
    public String getProblemParam() { return problemParam; }
    public void setProblemParam(String problemParam) { this.problemParam = problemParam; }
    public void setCancelledParam(String cancelledParam) { this.cancelledParam = cancelledParam; }
    public boolean isConfirmed() { return confirmed; }
    public void setConfirmed(boolean confirmed) { this.confirmed = confirmed; }
}
