package org.sejour.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The headers every answer carries, set before the application writes anything. The pages'
 * Content-Security-Policy comes from PrimeFaces, which adds the nonce of each request's scripts
 * (web.xml, {@code primefaces.CSP_POLICY}). Mapped in web.xml, not by annotation, so that it comes
 * first: the guest routes forward, and a forward no longer passes the request filters.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Paths whose URL is itself a key (a guest's booking, a payment, an iCal feed). */
    private static final Pattern TOKEN_PATHS = Pattern.compile(
            "/(pay|booking|receipts|contracts|offline-pay|ical)/.*|/payment/return|/api/v1/bookings/.*|/invitation\\.xhtml");

    private final boolean https = ConfigProvider.getConfig()
            .getOptionalValue("sejour.cookie.secure", Boolean.class).orElse(false);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("X-Content-Type-Options", "nosniff");
        // a token in the URL must not travel to the sites a guest's page links to
        response.setHeader("Referrer-Policy", TOKEN_PATHS.matcher(path).matches() ? "no-referrer" : "same-origin");
        if (https) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response);
    }
}
