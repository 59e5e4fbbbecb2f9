package org.sejour.interfaces.site.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.sejour.application.payment.OfflinePaymentDesk;
import org.sejour.application.payment.OfflineSessions;
import org.sejour.application.payment.ProviderVerdict;
import org.sejour.interfaces.backoffice.web.Faces;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;

/**
 * The offline provider's "hosted page", standing in for a real provider's: no card is asked
 * for; the visitor chooses the outcome (paid, refused, left) and is sent back to Séjour,
 * which then asks the provider for the verdict as it would ask a real one. Only for accounts that
 * accept demo payments: another account's session is a 404 (docs/payments.md). A stateless view
 * that posts the session's id back, like the guest's other pages: no HTTP session.
 */
@Named
@RequestScoped
public class OfflineProviderPage {

    @EJB
    OfflinePaymentDesk provider;

    private String session;
    private OfflineSessions.Session found;

    public void load() {
        Optional<OfflineSessions.Session> s = provider.session(session == null ? "" : session);
        if (s.isEmpty()) {
            Faces.notFound();
            return;
        }
        found = s.get();
    }

    public void succeed() { answer(ProviderVerdict.SUCCEEDED); }
    public void fail() { answer(ProviderVerdict.FAILED); }
    public void abandon() { answer(ProviderVerdict.ABANDONED); }

    private void answer(ProviderVerdict verdict) {
        Optional<URI> back = provider.answer(session, verdict);
        if (back.isEmpty()) {
            Faces.notFound();
            return;
        }
        try {
            FacesContext.getCurrentInstance().getExternalContext().redirect(back.get().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String getAmount() { return SiteTexts.money(found.amount()); }
    public String getDescription() { return found.description(); }
    /** Asked while a postback is decoded too, before any session is found: the answer's panel holds no input. */
    public boolean isAnswered() { return found != null && found.outcome().isPresent(); }
    public String getSession() { return session; }
    public void setSession(String session) { this.session = session; }
}
