package org.sejour.interfaces.site.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.sejour.domain.model.shared.Language;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The guest's language on the booking site, one of the seven Séjour speaks: the {@code lang}
 * parameter when a page is given one (widgets pass theirs), else the one chosen earlier in the
 * visit, else the browser's, else French.
 */
@Named
@SessionScoped
public class SiteLanguage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String BUNDLE = "org.sejour.interfaces.site.i18n.site";

    private Language chosen;

    public Language getLanguage() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Optional<Language> asked = Language.fromCode(external.getRequestParameterMap().get("lang"));
        if (asked.isPresent()) {
            chosen = asked.get();
        }
        if (chosen == null) {
            chosen = Collections.list(((HttpServletRequest) external.getRequest()).getLocales()).stream()
                    .map(l -> Language.fromCode(l.getLanguage())).flatMap(Optional::stream)
                    .findFirst().orElse(Language.FR);
        }
        return chosen;
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
