package org.sejour.interfaces.backoffice.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.sejour.application.LoginOutcome;
import org.sejour.interfaces.security.DeviceCookie;
import org.sejour.application.SignedInUser;
import org.sejour.interfaces.security.CurrentUser;
import org.sejour.interfaces.security.LoginAttempt;
import org.sejour.interfaces.security.PagePermissions;
import org.sejour.interfaces.security.SessionAuthenticationMechanism;
import org.sejour.interfaces.security.StaffAccessFilter;

import java.io.IOException;

/** The login form. */
@Named
@RequestScoped
public class Login {

    @Inject
    SecurityContext securityContext;
    @Inject
    LoginAttempt attempt;
    @Inject
    CurrentUser currentUser;

    @NotBlank(message = "{login.login.required}")
    @Size(max = 254)
    private String login;

    @NotBlank(message = "{login.password.required}")
    @Size(max = 200)
    private String password;

    public void submit() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = securityContext.authenticate(request,
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(login, new Password(password)))
                        .newAuthentication(true));
        switch (status) {
            case SUCCESS -> {
                request.changeSessionId();
                attempt.outcome().flatMap(LoginOutcome::device).ifPresent(device ->
                        DeviceCookie.give(request, (HttpServletResponse) external.getResponse(), device));
                SignedInUser user = attempt.outcome().flatMap(LoginOutcome::user).orElseThrow();
                // the session lives as long as the user's generation does (StaffAccessFilter)
                request.getSession().setAttribute(StaffAccessFilter.GENERATION, user.sessionGeneration());
                Faces.redirect(SessionAuthenticationMechanism.takeReturnAddress(request)
                        .orElse(securityContext.isCallerInRole("operator")
                                ? "/operator/owners.xhtml" : PagePermissions.home(user.role())));
            }
            default -> {
                LoginOutcome outcome = attempt.outcome().orElse(null);
                if (outcome != null && outcome.isThrottled()) {
                    long seconds = Math.max(1, outcome.retryAfter().toSeconds());
                    Faces.error(null, "login.throttled", seconds);
                } else {
                    Faces.error(null, "login.failed");
                }
            }
        }
    }

    /** Where "/" leads: the operator's list of owners, or the owner's dashboard. */
    public String home() {
        if (securityContext.isCallerInRole("operator")) {
            return "/operator/owners?faces-redirect=true";
        }
        return currentUser.isSignedIn() ? PagePermissions.home(currentUser.get().role()).replace(".xhtml", "")
                + "?faces-redirect=true" : "/app/dashboard?faces-redirect=true";
    }

    public void logout() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        Faces.redirect("/login.xhtml?loggedOut=true");
    }

    public String getLogin() { return login; }
    public void setLogin(String login) { this.login = login; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
