package org.sejour.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A page whose database went away answers 503 with Retry-After and the error page's "back in a
 * moment" (which reads nothing from the database), not 500 with a stack trace in the log. The
 * API answers its own 503 (ProblemMapper, OutageFilter). Mapped in web.xml, after the rate limit.
 */
public class DatabaseOutageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean page = !request.getServletPath().startsWith("/api/");
        if (page && DatabaseOutage.isOngoing()) {
            unavailable(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!DatabaseOutage.isCause(failure) || response.isCommitted()) {
                throw failure;
            }
            DatabaseOutage.report(failure);
            unavailable(response);
        }
    }

    private static void unavailable(HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
}
