package org.sejour.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.limits.LimitStores;

import java.io.IOException;
import java.util.List;

/**
 * Answers 429 with Retry-After to an address past its rate (see {@link RateLimiter}), before any
 * other work: on the public API, and with an allowance of its own on the pages anyone can open
 * without signing in (the booking site under /site, /pay, /booking, /offline-pay and their
 * postbacks under /guest, the payment return, the login page, the error pages of addresses
 * nothing answers). Declared first in web.xml, so that a refused request costs no routing, no
 * page and no session. The address is the connection's: a forwarded-for header is not trusted,
 * since anyone can write one; behind a proxy, configure the server to take the proxy's header.
 * <p>
 * The refusal is forwarded to {@link #REFUSAL}, whose servlet answers it with sendError, then
 * writes the body as the 429 error page: on Payara, only an error sent inside a forward keeps
 * its reason phrase on the status line ("Too Many Requests"; its HTTP layer has no name of its
 * own for 429 and writes "CUSTOM").
 */
public class RateLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** Where a refusal goes: a servlet that sends the 429 and, as its error page, writes its body. */
    public static final String REFUSAL = "/too-many-requests";
    private static final String API = "/api/";
    /**
     * Pages not counted: the back office (behind the login), and static files a page pulls by the
     * dozen (Faces resources, photos, the widget script) or that channel managers fetch for many
     * owners from few addresses (iCal feeds).
     */
    private static final List<String> NOT_COUNTED = List.of("/app/", "/operator/", "/jakarta.faces.resource/",
            "/resources/", "/site-photos/", "/widget/", "/ical/");

    /** In this server's memory, or in the Data Grid the servers share when it runs. */
    @Inject
    transient LimitStores stores;
    private transient RateLimiter apiLimiter;
    private transient RateLimiter pageLimiter;

    @Override
    public void init() {
        apiLimiter = RateLimiter.configured("sejour.api.rateLimit", 200, 10.0, stores);
        pageLimiter = RateLimiter.configured("sejour.pages.rateLimit", 100, 5.0, stores);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        RateLimiter limiter = path.startsWith(API) ? apiLimiter
                : NOT_COUNTED.stream().anyMatch(path::startsWith) ? null : pageLimiter;
        long wait = limiter == null ? 0 : limiter.acquire(request.getRemoteAddr());
        if (wait > 0) {
            response.setHeader("Retry-After", Long.toString(wait));
            response.setHeader("Cache-Control", "no-store");
            request.getRequestDispatcher(REFUSAL).forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
