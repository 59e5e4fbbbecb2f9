package org.sejour.interfaces.site.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.document.ContractAcceptanceService;
import org.sejour.application.document.ContractAcceptanceService.GuestContract;
import org.sejour.domain.model.document.ContractAcceptances.Acceptance;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.backoffice.web.Faces;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

/**
 * The guest reads the contract on their booking page (/booking/{token}) and accepts it: a box to
 * tick and a button, the version they were shown posted back with the token. Request-scoped like
 * the page, and every answer a redirect to the page with what happened (the view is transient,
 * see {@link GuestCancellation}).
 */
@Named
@RequestScoped
public class GuestContractAcceptance {

    private static final String TOKEN = "[A-Za-z0-9_-]{20,64}";

    @EJB
    ContractAcceptanceService contracts;
    @Inject
    SiteLanguage siteLanguage;

    private String token;
    private String acceptedParam;
    private String problemParam;
    private boolean confirmed;
    private Optional<GuestContract> contract;

    /** Where the token's contract stands; read once a request. */
    public Optional<GuestContract> contract() {
        if (contract == null) {
            String key = key();
            contract = key == null || !key.matches(TOKEN) ? Optional.empty() : contracts.guestContract(key);
        }
        return contract;
    }

    /**
     * Accepts the version the page showed. A contract re-issued meanwhile, or a booking cancelled,
     * is refused and said so; a second click answers as the first.
     */
    public void accept() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String key = external.getRequestParameterMap().get("token");
        String shown = external.getRequestParameterMap().get("contractVersion");
        if (key == null || !key.matches(TOKEN) || shown == null || !shown.matches("[1-9]\\d{0,3}")) {
            Faces.notFound();
            return;
        }
        String page = "/booking/" + key + "?lang=" + siteLanguage.getLanguage().code();
        if (!confirmed) {
            Faces.redirect(page + "&contractProblem=confirm#contract");
            return;
        }
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        try {
            // the connection's address, as for logins and rate limits: a forwarded-for header is
            // anyone's to write (behind a proxy, the server is configured to take the proxy's)
            contracts.accept(key, Integer.parseInt(shown), request.getRemoteAddr(), request.getHeader("User-Agent"));
            Faces.redirect(page + "&contractAccepted=1#contract");
        } catch (NotFoundException e) {
            Faces.notFound();
        } catch (SejourException e) {
            Faces.redirect(page + "&contractProblem="
                    + ("contract.acceptance.outdated".equals(e.messageKey()) ? "outdated" : "cancelled") + "#contract");
        }
    }

    /** Why the last attempt accepted nothing. */
    public String getProblem() {
        return switch (problemParam == null ? "" : problemParam) {
            case "confirm" -> SiteTexts.text("contract.confirm.required");
            case "outdated" -> SiteTexts.text("contract.outdated", contract().map(GuestContract::version).orElse(0));
            case "cancelled" -> SiteTexts.text("contract.cancelled");
            default -> "";
        };
    }

    /** "Vous avez accepté ce contrat (version 2) le 6 déc. 2026 à 14:05." */
    public String getAcceptedText() {
        return contract().flatMap(GuestContract::accepted).map(this::acceptedText).orElse("");
    }

    private String acceptedText(Acceptance a) {
        ZonedDateTime at = a.acceptedAt().atZone(BusinessCalendar.ZONE);
        return SiteTexts.text("contract.accepted", a.version(), SiteTexts.shortDate(at.toLocalDate()),
                DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(SiteTexts.locale()).format(at));
    }

    public String getPdfPath() {
        return contract().map(c -> "/contracts/" + key() + "/v" + c.version() + ".pdf").orElse("");
    }

    private String key() {
        return token != null ? token
                : FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("token");
    }

    public boolean isShown() { return contract().isPresent(); }
    public boolean isAcceptable() { return contract().filter(GuestContract::acceptable).isPresent(); }
    public boolean isSignedOnPaper() { return contract().filter(GuestContract::signedOnPaper).isPresent(); }
    public boolean isJustAccepted() { return "1".equals(acceptedParam); }
    public int getVersion() { return contract().map(GuestContract::version).orElse(0); }
    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getAcceptedParam() { return acceptedParam; }
    public void setAcceptedParam(String acceptedParam) { this.acceptedParam = acceptedParam; }
    public String getProblemParam() { return problemParam; }
    public void setProblemParam(String problemParam) { this.problemParam = problemParam; }
    public boolean isConfirmed() { return confirmed; }
    public void setConfirmed(boolean confirmed) { this.confirmed = confirmed; }
}
