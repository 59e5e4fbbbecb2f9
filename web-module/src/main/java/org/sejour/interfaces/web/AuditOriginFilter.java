package org.sejour.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.audit.AuditOrigin;

import java.io.IOException;
import java.security.Principal;
import java.util.Set;

/**
 * Names, for the audit trail, who sends a request that may change something and from which
 * address: the signed-in user (the caller principal is their id) or a visitor of the public
 * pages and API. Reads (GET, HEAD, OPTIONS) carry nothing, so pages and searches pay nothing for
 * it (PlanningStatementsIT counts the statements of a page), except the owner's download of a
 * guest's data, a read that is a privacy action. Mapped in web.xml.
 */
public class AuditOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String PRIVACY_DOWNLOADS = "/app/guest-data/";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Long userId = userId(request.getUserPrincipal());
        if (READS.contains(request.getMethod()) && !(userId != null && isPrivacyDownload(request))) {
            chain.doFilter(request, response);
            return;
        }
        // a group member reached past the balancer, without its Proxy-ip header, knows no address
        String address = request.getRemoteAddr();
        AuditOrigin.set(new AuditOrigin(userId, address == null ? "" : address));
        try {
            chain.doFilter(request, response);
        } finally {
            AuditOrigin.clear();
        }
    }

    /** A guest's data downloaded by the owner: a read, but a privacy action the trail records (V53). */
    private static boolean isPrivacyDownload(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + PRIVACY_DOWNLOADS);
    }

    private static Long userId(Principal principal) {
        if (principal == null) {
            return null;
        }
        try {
            return Long.valueOf(principal.getName());
        } catch (NumberFormatException e) {
            // not one of Séjour's users (the container's anonymous principal)
            return null;
        }
    }
}
