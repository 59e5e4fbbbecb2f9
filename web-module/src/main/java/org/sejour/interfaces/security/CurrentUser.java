package org.sejour.interfaces.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.sejour.application.AuthenticationService;
import org.sejour.application.SignedInUser;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.shared.NotFoundException;

import java.security.Principal;

/**
 * The signed-in user for this request. Owner-scoped services get their account id from
 * here only, never from a request parameter.
 */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext securityContext;
    @EJB
    AuthenticationService authentication;

    private SignedInUser user;

    public boolean isSignedIn() {
        return securityContext.getCallerPrincipal() != null;
    }

    public SignedInUser get() {
        if (user == null) {
            Principal principal = securityContext.getCallerPrincipal();
            if (principal == null) {
                throw new IllegalStateException("nobody is signed in");
            }
            user = authentication.user(Long.parseLong(principal.getName()));
        }
        return user;
    }

    /** The owner's account; an operator has none and gets "not found". */
    public long accountId() {
        Long accountId = get().accountId();
        if (accountId == null) {
            throw new NotFoundException("account", "-");
        }
        return accountId;
    }

    /** Whether the signed-in user may use what needs the permission named; for menus and buttons. */
    public boolean may(String permission) {
        return isSignedIn() && get().may(Permission.valueOf(permission));
    }

    /** The page the brand link leads to: the first one the user's role may open. */
    public String getHome() {
        if (!isSignedIn()) {
            return "/login.xhtml";
        }
        return isOperator() ? "/operator/owners.xhtml" : PagePermissions.home(get().role());
    }

    public boolean isOperator() {
        return securityContext.isCallerInRole("operator");
    }

    /** Drops the cached user after the user changed their own credentials. */
    public void refresh() {
        user = null;
    }
}
