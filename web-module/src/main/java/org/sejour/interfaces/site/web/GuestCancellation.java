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

    public void cancel() {
        String key = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("token");
        if (!confirmed) {
            SiteTexts.error("cancel:confirmed", "cancel.confirm.required");
            return;
        }
        try {
            dossiers.cancelByGuest(key == null ? "" : key);
            Faces.redirect("/booking/" + key + "?lang=" + siteLanguage.getLanguage().code() + "&cancelled=1");
        } catch (NotFoundException e) {
            Faces.notFound();
        } catch (SejourException e) {
            SiteTexts.error(null, "cancel.refused");
            terms = null;
        }
    }

    public boolean isOffered() { return terms().isPresent(); }
    public String getFee() { return terms().map(t -> SiteTexts.money(Money.of(t.fee()))).orElse(""); }
    public String getPaid() { return terms().map(t -> SiteTexts.money(Money.of(t.paid()))).orElse(""); }
    public String getRefund() { return terms().map(t -> SiteTexts.money(Money.of(t.toRefund()))).orElse(""); }
    public boolean isJustCancelled() { return "1".equals(cancelledParam); }
    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getCancelledParam() { return cancelledParam; }
    public void setCancelledParam(String cancelledParam) { this.cancelledParam = cancelledParam; }
    public boolean isConfirmed() { return confirmed; }
    public void setConfirmed(boolean confirmed) { this.confirmed = confirmed; }
}
