package org.sejour.interfaces.guest.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.sejour.application.guest.PublicBookingService;
import org.sejour.domain.model.shared.SejourException;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Lets the owner's own website call the API from a browser, and no other site: a request whose
 * Origin is the origin of the website the owner declared in the contact details gets the CORS
 * headers (preflights included); any other origin gets none, so the browser keeps the answer
 * from the page. Answers stay the same either way: CORS protects the guest's browser, not the data.
 */
@Provider
public class CorsFilter implements ContainerResponseFilter {

    @EJB
    PublicBookingService guests;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (!headers.containsKey("Vary")) {
            headers.add("Vary", "Origin");
        }
        if (origin == null || !allowed(request, origin)) {
            return;
        }
        headers.putSingle("Access-Control-Allow-Origin", origin);
        headers.putSingle("Access-Control-Expose-Headers", "ETag, Location, Retry-After");
        if ("OPTIONS".equals(request.getMethod())) {
            headers.putSingle("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            headers.putSingle("Access-Control-Allow-Headers", "Content-Type, Idempotency-Key, Accept-Language");
            headers.putSingle("Access-Control-Max-Age", "600");
        }
    }

    private boolean allowed(ContainerRequestContext request, String origin) {
        String account = request.getUriInfo().getPathParameters().getFirst("account");
        if (account == null || !account.matches("\\d{6,9}")) {
            return false;
        }
        try {
            return guests.openAccount(Integer.parseInt(account)).contact()
                    .flatMap(c -> originOf(c.website())).filter(origin::equalsIgnoreCase).isPresent();
        } catch (SejourException e) {
            return false;
        }
    }

    /** "https://www.gite-des-lauriers.fr/contact" → "https://www.gite-des-lauriers.fr". */
    static Optional<String> originOf(String website) {
        if (website == null || website.isBlank()) {
            return Optional.empty();
        }
        try {
            String text = website.strip();
            URI uri = URI.create(text.contains("://") ? text : "https://" + text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                return Optional.empty();
            }
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
