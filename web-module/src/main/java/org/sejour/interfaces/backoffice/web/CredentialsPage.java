package org.sejour.interfaces.backoffice.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.sejour.application.AuthenticationService;
import org.sejour.application.SignedInUser;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.IOException;
import java.io.Serializable;

/** "Identifiants de connexion": login and password, the current password required for both. */
@Named
@ViewScoped
public class CredentialsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @EJB
    AuthenticationService authentication;

    @NotBlank(message = "{field.required}")
    @Size(max = 254, message = "{field.tooLong}")
    private String login;
    @NotBlank(message = "{field.required}")
    @Size(max = 200, message = "{field.tooLong}")
    private String currentPassword;
    @Size(max = 200, message = "{field.tooLong}")
    private String newPassword;
    private String confirmation;
    private boolean mustChange;

    @PostConstruct
    void load() {
        SignedInUser user = currentUser.get();
        login = user.login();
        mustChange = user.mustChangePassword();
    }

    public void save() {
        if (newPassword != null && !newPassword.equals(confirmation == null ? "" : confirmation)) {
            Faces.error("credentials:confirmation", "credentials.password.mismatch");
            return;
        }
        try {
            SignedInUser user = authentication.changeCredentials(currentUser.get().userId(), currentPassword, login,
                    newPassword);
            currentUser.refresh();
            boolean wasForced = mustChange;
            mustChange = user.mustChangePassword();
            if (wasForced) {
                Faces.redirect(user.isOwner() ? "/app/dashboard.xhtml" : "/operator/owners.xhtml");
            } else {
                Faces.info("credentials.saved");
            }
        } catch (SejourException e) {
            Faces.show("credentials", e);
        } finally {
            currentPassword = null;
            newPassword = null;
            confirmation = null;
        }
    }

    /** Ends every session of this user, on every device, this one too; the login page says so. */
    public void signOutEverywhere() throws IOException, ServletException {
        authentication.endSessions(currentUser.get().userId());
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        Faces.redirect("/login.xhtml?ended=true");
    }

    public boolean isMustChange() { return mustChange; }
    public String getLogin() { return login; }
    public void setLogin(String login) { this.login = login; }
    public String getCurrentPassword() { return currentPassword; }
    public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
