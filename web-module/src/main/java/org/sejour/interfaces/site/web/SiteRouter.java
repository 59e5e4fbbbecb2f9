package org.sejour.interfaces.site.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guest side's addresses, short and stable because owners and widgets link to them, onto
 * the Faces pages under /guest. The page checks what the address names (account, token); an
 * address of no known shape is a 404.
 */
@WebFilter(urlPatterns = {"/site/*", "/pay/*", "/booking/*", "/offline-pay/*"}, dispatcherTypes = DispatcherType.REQUEST)
public class SiteRouter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private record Route(Pattern path, String view, String... parameters) {
    }

    private static final String TOKEN = "([A-Za-z0-9_-]{20,64})";
    private static final List<Route> ROUTES = List.of(
            new Route(Pattern.compile("/site/(\\d{1,9})/?"), "/guest/site.xhtml", "account"),
            new Route(Pattern.compile("/site/(\\d{1,9})/accommodation/(\\d{1,18})"), "/guest/accommodation.xhtml",
                    "account", "id"),
            new Route(Pattern.compile("/site/(\\d{1,9})/book"), "/guest/book.xhtml", "account"),
            new Route(Pattern.compile("/pay/" + TOKEN), "/guest/pay.xhtml", "token"),
            new Route(Pattern.compile("/booking/" + TOKEN), "/guest/booking.xhtml", "token"),
            new Route(Pattern.compile("/offline-pay/(off_[A-Za-z0-9_-]{20,64})"), "/guest/offline-provider.xhtml",
                    "session"));

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (Route route : ROUTES) {
            Matcher m = route.path().matcher(path);
            if (m.matches()) {
                StringBuilder target = new StringBuilder(route.view());
                for (int i = 0; i < route.parameters().length; i++) {
                    target.append(i == 0 ? '?' : '&').append(route.parameters()[i]).append('=').append(m.group(i + 1));
                }
                request.getRequestDispatcher(target.toString()).forward(request, response);
                return;
            }
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
