package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.sejour.application.access.PendingInvitation;
import org.sejour.application.access.StaffService;
import org.sejour.domain.model.shared.SejourException;

import java.io.Serializable;

/**
 * The invitation link's page: the invitee chooses their password and joins the owner's staff. A used,
 * expired or unknown link says so and offers nothing to fill in.
 */
@Named
@ViewScoped
public class InvitationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    StaffService staff;

    private String token;
    private PendingInvitation invitation;
    private boolean accepted;
    @NotBlank(message = "{field.required}")
    @Size(max = 200, message = "{field.tooLong}")
    private String password;
    private String confirmation;

    /** The view action: reads the invitation the link names, once per view. */
    public void open() {
        if (invitation == null && token != null && token.length() <= 100) {
            invitation = staff.openInvitation(token).orElse(null);
        }
    }

    public void accept() {
        if (!password.equals(confirmation == null ? "" : confirmation)) {
            Faces.error("invitation:confirmation", "credentials.password.mismatch");
            return;
        }
        try {
            staff.accept(token, password);
            accepted = true;
            invitation = null;
        } catch (SejourException e) {
            Faces.show("invitation", e);
        } finally {
            password = null;
            confirmation = null;
        }
    }

    public boolean isOpen() { return invitation != null; }
    public boolean isAccepted() { return accepted; }
    public PendingInvitation getInvitation() { return invitation; }
    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
