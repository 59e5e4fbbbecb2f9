package org.sejour.interfaces.guest.rest;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.sejour.application.guest.PublicBookingService;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.web.DatabaseOutage;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;

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
        if (origin != null) {
            allow(request.getMethod(), origin, website(request.getUriInfo().getPathParameters().getFirst("account")),
                    headers::putSingle);
        }
    }

    /**
     * Sets the CORS headers for a request from {@code origin} if that is the origin of the
     * owner's {@code website}; sets none otherwise. For this filter and for the kept answers
     * served before Jersey ({@link KeptAnswerFilter}), which has the account's state at hand.
     */
    static void allow(String method, String origin, Optional<String> website, BiConsumer<String, String> header) {
        if (origin == null || website.flatMap(CorsFilter::originOf).filter(origin::equalsIgnoreCase).isEmpty()) {
            return;
        }
        header.accept("Access-Control-Allow-Origin", origin);
        header.accept("Access-Control-Expose-Headers", "ETag, Location, Retry-After");
        if ("OPTIONS".equals(method)) {
            header.accept("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            header.accept("Access-Control-Allow-Headers", "Content-Type, Idempotency-Key, Accept-Language");
            header.accept("Access-Control-Max-Age", "600");
        }
    }

    /**
     * The website of the account open to guests under that number, from its kept state: no read per
     * request. None while the database is known to be down, or fails to say: the answer (a 503
     * problem, say) goes out without CORS headers rather than not at all.
     */
    private Optional<String> website(String account) {
        if (DatabaseOutage.isOngoing()) {
            return Optional.empty();
        }
        try {
            return guests.openState(AccountResource.accountNumber(account)).website();
        } catch (SejourException | EJBException e) {
            return Optional.empty();
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
