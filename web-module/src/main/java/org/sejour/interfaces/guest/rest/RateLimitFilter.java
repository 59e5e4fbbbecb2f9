package org.sejour.interfaces.guest.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;
import org.sejour.domain.model.shared.Language;

import java.util.List;

/**
 * Answers 429 with Retry-After to an address past its rate (see {@link RateLimiter}), before any
 * work. The address is the connection's: a forwarded-for header is not trusted, since anyone can
 * write one; behind a proxy, configure the server to take the proxy's header.
 */
@Provider
@PreMatching
public class RateLimitFilter implements ContainerRequestFilter {

    private static final RateLimiter LIMITER = new RateLimiter(
            ConfigProvider.getConfig().getOptionalValue("sejour.api.rateLimit.burst", Integer.class).orElse(200),
            ConfigProvider.getConfig().getOptionalValue("sejour.api.rateLimit.perSecond", Double.class).orElse(10.0));

    @Context
    HttpServletRequest servletRequest;
    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext context) {
        long wait = LIMITER.acquire(servletRequest.getRemoteAddr(), System.nanoTime());
        if (wait > 0) {
            Language language = GuestLanguage.fromHeaders(headers).orElse(Language.FR);
            context.abortWith(Problem.of("rate-limited", 429, GuestTexts.text(language, "api.rateLimited"), null,
                    List.of()).response().header("Retry-After", Long.toString(wait)).build());
        }
    }
}
