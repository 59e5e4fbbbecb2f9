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
 * Names, for the audit trail, who sends a request and from which address: the signed-in user
 * (the caller principal is their id), whatever the method (a download of a guest's data is a
 * GET and a privacy action), or a visitor of the public pages and API when they may change
 * something: their reads (GET, HEAD, OPTIONS) carry nothing, so searches pay nothing for it.
 * Mapped in web.xml.
 */
public class AuditOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Long userId = userId(request.getUserPrincipal());
        if (userId == null && READS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        AuditOrigin.set(new AuditOrigin(userId, request.getRemoteAddr()));
        try {
            chain.doFilter(request, response);
        } finally {
            AuditOrigin.clear();
        }
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
