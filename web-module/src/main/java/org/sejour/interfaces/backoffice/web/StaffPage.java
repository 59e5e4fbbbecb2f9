package org.sejour.interfaces.backoffice.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sejour.application.access.PendingInvitation;
import org.sejour.application.access.StaffMember;
import org.sejour.application.access.StaffService;
import org.sejour.domain.model.account.Role;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** "Équipe": the owner's staff, invitations by e-mail, roles, removal. */
@Named
@ViewScoped
public class StaffPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @Inject
    LocaleSelection locale;
    @EJB
    StaffService staff;

    private List<StaffMember> members;
    private List<PendingInvitation> invitations;
    /** The role chosen in each member's select, by user id (its name: a map's values are not converted). */
    private final Map<Long, String> roles = new HashMap<>();

    @NotBlank(message = "{field.required}")
    @Size(max = 254, message = "{field.tooLong}")
    private String email;
    @NotNull(message = "{field.required}")
    private Role role = Role.RECEPTION;
    private String language;

    @PostConstruct
    void load() {
        language = locale.getLanguage();
        reload();
    }

    private void reload() {
        long accountId = currentUser.accountId();
        members = staff.members(accountId);
        invitations = staff.pendingInvitations(accountId);
        roles.clear();
        members.forEach(m -> roles.put(m.userId(), m.role().name()));
    }

    public void invite() {
        try {
            staff.invite(currentUser.accountId(), email, role, Language.fromCode(language).orElse(Language.FR));
            Faces.info("staff.invited", email.strip());
            email = null;
            reload();
        } catch (SejourException e) {
            Faces.show("invite", e);
        }
    }

    public void changeRole(long userId) {
        try {
            Role chosen = Role.staffRoles().stream().filter(r -> r.name().equals(roles.get(userId))).findFirst()
                    .orElse(null);
            if (chosen == null) {
                Faces.error(null, "staff.role.invalid");
                return;
            }
            staff.changeRole(currentUser.accountId(), userId, chosen);
            Faces.info("staff.roleChanged");
            reload();
        } catch (NotFoundException e) {
            Faces.notFound();
        } catch (SejourException e) {
            Faces.show("members", e);
        }
    }

    public void remove(long userId) {
        try {
            staff.remove(currentUser.accountId(), userId);
            Faces.info("staff.removed");
            reload();
        } catch (NotFoundException e) {
            Faces.notFound();
        } catch (SejourException e) {
            Faces.show("members", e);
        }
    }

    public void withdraw(long invitationId) {
        try {
            staff.withdrawInvitation(currentUser.accountId(), invitationId);
            Faces.info("staff.withdrawn");
            reload();
        } catch (NotFoundException e) {
            Faces.notFound();
        } catch (SejourException e) {
            Faces.show("invitations", e);
        }
    }

    public List<Role> getStaffRoles() {
        return List.of(Role.RECEPTION, Role.HOUSEKEEPING, Role.ACCOUNTANT);
    }

    public List<StaffMember> getMembers() { return members; }
    public List<PendingInvitation> getInvitations() { return invitations; }
    public Map<Long, String> getRoles() { return roles; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
}
