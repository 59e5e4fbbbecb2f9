package org.sejour.interfaces.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.sejour.application.SignedInUser;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.shared.NotFoundException;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * On each back-office request: ends a session its user ended ("sign out everywhere"), or that
 * belongs to a removed member or to a role since changed (the user's session generation moved on),
 * then refuses with 403 a page the staff member's role may not open. The services check again
 * ({@code @Requires}): this filter is what makes a refused page say so, not the only guard.
 * Declared in web.xml so that it runs before the annotated filters (onboarding reads the user).
 */
public class StaffAccessFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(StaffAccessFilter.class.getName());
    /** The user's session generation when this session signed in (Login). */
    public static final String GENERATION = "sejour.sessionGeneration";

    @Inject
    CurrentUser currentUser;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!currentUser.isSignedIn()) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        SignedInUser user;
        try {
            user = currentUser.get();
        } catch (NotFoundException removed) {
            endSession(request, response, "removed");
            return;
        }
        Object generation = session == null ? null : session.getAttribute(GENERATION);
        if (generation == null && session != null) {
            // signed in before sessions carried their generation: it starts now
            session.setAttribute(GENERATION, user.sessionGeneration());
            generation = user.sessionGeneration();
        }
        if (!(generation instanceof Integer g) || g != user.sessionGeneration()) {
            endSession(request, response, "of generation " + generation + ", user " + user.userId() + " is at "
                    + user.sessionGeneration());
            return;
        }
        if (user.role().isStaff()) {
            String path = Requests.mappedPath(request);
            Optional<Permission> required = PagePermissions.required(path);
            if (required.isPresent() && !user.may(required.get())) {
                LOG.log(Level.FINE, "Page {0} refused to user {1} ({2})", new Object[]{path, user.userId(), user.role()});
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void endSession(HttpServletRequest request, HttpServletResponse response, String why)
            throws IOException, ServletException {
        LOG.log(Level.FINE, "Session ended: {0}", why);
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        Requests.redirect(request.getContextPath() + "/login.xhtml?ended=true", request, response);
    }
}
