package org.sejour.interfaces.security;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.sejour.application.AccommodationService;
import org.sejour.application.AccountService;
import org.sejour.application.SignedInUser;

import java.io.IOException;

/**
 * Sends a user who must change a one-time password to the credentials page, and an owner
 * who has not finished the first-login wizard to the wizard. Once an owner is through, the
 * session remembers it and the check costs nothing more.
 */
@WebFilter(urlPatterns = {"/app/*", "/operator/*"})
public class OnboardingFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String ONBOARDED = "sejour.onboarded";
    private static final String CREDENTIALS = "/app/account/credentials.xhtml";
    private static final String WIZARD = "/app/wizard.xhtml";

    @Inject
    CurrentUser currentUser;
    @EJB
    AccountService accounts;
    @EJB
    AccommodationService accommodations;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // no exemption for Faces resources: they are served under /jakarta.faces.resource/, outside
        // this filter's patterns, and nothing under /app or /operator may skip the checks below
        HttpSession session = request.getSession(false);
        if (!currentUser.isSignedIn() || (session != null && session.getAttribute(ONBOARDED) != null)) {
            chain.doFilter(request, response);
            return;
        }
        SignedInUser user = currentUser.get();
        String target = null;
        if (user.mustChangePassword()) {
            target = CREDENTIALS;
        } else if (user.isOwner() && !isOnboarded(user.accountId())) {
            target = WIZARD;
        }
        if (target == null) {
            request.getSession().setAttribute(ONBOARDED, Boolean.TRUE);
        } else if (!target.equals(Requests.mappedPath(request))) {
            Requests.redirect(request.getContextPath() + target, request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isOnboarded(long accountId) {
        return accounts.account(accountId).isContactCompleted() && !accommodations.list(accountId).isEmpty();
    }
}
