package org.sejour.interfaces.site.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.domain.model.shared.Language;
import org.sejour.interfaces.web.RequestLanguage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The guest's language on the booking site, one of the seven Séjour speaks: the {@code lang}
 * parameter when a page is given one (widgets pass theirs), else the one chosen earlier in the
 * visit, else the browser's, else French. The visit's choice is kept in a cookie of its own, not
 * in an HTTP session: a guest who only reads the site gets no session at all.
 */
@Named
@RequestScoped
public class SiteLanguage {

    static final String BUNDLE = "org.sejour.interfaces.site.i18n.site";
    /** The language chosen in this visit: a browser-session cookie, like the visit itself. */
    static final String COOKIE = "sejour-lang";

    private Language language;

    public Language getLanguage() {
        if (language == null) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            language = of(request);
            Optional<Language> asked = Language.fromCode(request.getParameter("lang"));
            if (asked.isPresent() && !asked.equals(chosen(request))) {
                remember(request, (HttpServletResponse) external.getResponse());
            }
        }
        return language;
    }

    /** The language of a request to the guest side, as this bean would choose it. */
    public static Language of(HttpServletRequest request) {
        return Language.fromCode(request.getParameter("lang")).or(() -> chosen(request))
                .or(() -> RequestLanguage.accepted(request)).orElse(Language.FR);
    }

    private static Optional<Language> chosen(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName()))
                .map(c -> Language.fromCode(c.getValue())).flatMap(Optional::stream).findFirst();
    }

    private void remember(HttpServletRequest request, HttpServletResponse response) {
        Cookie cookie = new Cookie(COOKIE, language.code());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        // secure exactly when the session cookie is (sejour.cookie.secure)
        cookie.setSecure(request.getServletContext().getSessionCookieConfig().isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    public Locale getLocale() {
        return getLanguage().locale();
    }

    public String getCode() {
        return getLanguage().code();
    }

    public List<Language> getLanguages() {
        return Arrays.asList(Language.values());
    }

    /** Each language's name in itself, as language switches show them. */
    public String nameOf(Language language) {
        return language.nativeName();
    }

    /**
     * This page's address (as the guest typed it, before the site's routing, without the context
     * path) in another language; {@code base} replaces it where a postback's own address would lose the page's state.
     */
    public String switchUrl(String base, String code) {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        String path = base;
        String query = null;
        if (path == null || path.isBlank()) {
            // the guest's address: before the site's routing (forward), or the one that failed (error page)
            Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
            Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (forwarded != null) {
                path = forwarded.toString();
                query = (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
            } else if (failed != null) {
                path = failed.toString();
                // Servlet 6.1 names the failed query string; before it, the error dispatch keeps the request's own
                Object failedQuery = request.getAttribute("jakarta.servlet.error.query_string");
                query = failedQuery != null ? failedQuery.toString() : request.getQueryString();
            } else {
                path = request.getRequestURI();
                query = request.getQueryString();
            }
            path = path.substring(request.getContextPath().length());
        } else {
            int mark = base.indexOf('?');
            if (mark >= 0) {
                path = base.substring(0, mark);
                query = base.substring(mark + 1);
            }
        }
        String kept = query == null ? "" : Arrays.stream(query.split("&"))
                .filter(p -> !p.isBlank() && !p.startsWith("lang="))
                .collect(Collectors.joining("&"));
        return path + "?" + (kept.isEmpty() ? "" : kept + "&") + "lang=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }
}
