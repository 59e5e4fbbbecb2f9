package org.sejour.interfaces.guest.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.sejour.interfaces.web.DatabaseOutage;

/**
 * While the database was seen unreachable moments ago, the API answers 503 service-unavailable
 * with Retry-After at once instead of asking for a connection again (see {@link DatabaseOutage}).
 */
@Provider
@PreMatching
public class OutageFilter implements ContainerRequestFilter {

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext request) {
        if (DatabaseOutage.isOngoing()) {
            String lang = request.getUriInfo().getQueryParameters().getFirst("lang");
            request.abortWith(ProblemMapper.unavailable(GuestLanguage.ofError(lang, headers)));
        }
    }
}
