package org.sejour.interfaces.site.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A form posted from a transient guest page (the pre-arrival form that comes back with its
 * problems, a postback answered by the 404 page) is rendered again; PrimeFaces then wants the
 * page's script nonce from the view, which a transient view does not keep, or from the
 * request, which these pages (no PrimeFaces script) do not send. Such a postback gets a fresh
 * nonce chosen here, as a first display gets one: never one the client chose. The booking flow
 * keeps its view (and its nonce) and is left alone.
 */
@WebFilter(urlPatterns = {"/guest/*", "/error.xhtml"}, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class StatelessPostbacks extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** the request parameter PrimeFaces' CspState reads on a postback */
    static final String NONCE = "primefaces.nonce";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String view = request.getServletPath();
        if (!"POST".equals(request.getMethod()) || !StatelessViews.isStateless(view)) {
            chain.doFilter(request, response);
            return;
        }
        String nonce = Base64.getEncoder().encodeToString(UUID.randomUUID().toString()
                .getBytes(StandardCharsets.UTF_8));
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                return NONCE.equals(name) ? nonce : super.getParameter(name);
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                Map<String, String[]> all = new HashMap<>(super.getParameterMap());
                all.put(NONCE, new String[]{nonce});
                return Collections.unmodifiableMap(all);
            }

            @Override
            public String[] getParameterValues(String name) {
                return NONCE.equals(name) ? new String[]{nonce} : super.getParameterValues(name);
            }

            @Override
            public java.util.Enumeration<String> getParameterNames() {
                return Collections.enumeration(getParameterMap().keySet());
            }
        }, response);
    }
}
