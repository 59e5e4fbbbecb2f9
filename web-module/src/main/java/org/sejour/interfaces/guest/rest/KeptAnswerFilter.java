package org.sejour.interfaces.guest.rest;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.EntityTag;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.guest.PublicBookingService;
import org.sejour.domain.model.account.AccountState;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.web.DatabaseOutage;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a kept answer before Jersey: an availability search or a month calendar that
 * {@link AnswerCache} holds under the account's current state is written from here, with the
 * headers {@link AccountResource} would send (ETag and 304, gzip, Cache-Control, Vary, CORS).
 * Jersey's matching, filters and writers took most of a kept answer's CPU. Anything else goes on
 * to Jersey unchanged: an answer not kept or kept under an older state, any input that is not
 * plainly valid (its problem+json is Jersey's to write), an Accept, a precondition or a body this
 * filter does not weigh, a database outage. The key and the stamp are those the resource keeps the
 * answer under.
 */
public class KeptAnswerFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern KEPT = Pattern.compile("/api/v1/accounts/(\\d{6,9})/(availability|calendar)");
    /** A query that needs no decoding: anything else (%, +, other characters) is Jersey's to read. */
    private static final Pattern PLAIN_QUERY = Pattern.compile("[A-Za-z0-9=&._-]*");

    @EJB
    transient PublicBookingService guests;
    @Inject
    transient AnswerCache answers;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Matcher path = KEPT.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        Optional<Kept> kept = "GET".equals(request.getMethod()) && path.matches()
                ? kept(request, path.group(1), path.group(2)) : Optional.empty();
        if (kept.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        boolean zipped = Cached.acceptsGzip(request.getHeader("Accept-Encoding"));
        EntityTag tag = kept.get().body().tag(zipped);
        response.setHeader("ETag", "\"" + tag.getValue() + "\"");
        response.setHeader("Cache-Control", Cached.cacheControl(AccountResource.AVAILABILITY_MAX_AGE));
        response.setHeader("Vary", Cached.VARY);
        CorsFilter.allow("GET", request.getHeader("Origin"), kept.get().state().website(), response::setHeader);
        if (Cached.matches(request.getHeader("If-None-Match"), tag.getValue())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] bytes = kept.get().body().bytes(zipped);
        response.setContentType(Cached.JSON_TYPE);
        if (zipped) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** A kept answer and the account's state it was found under. */
    private record Kept(Cached.Body body, AccountState state) {
    }

    private Optional<Kept> kept(HttpServletRequest request, String account, String answer) {
        Map<String, List<String>> query = query(request.getQueryString());
        // a GET with a body is odd, and one above the limit is refused (BodyLimitFilter): Jersey's to weigh
        boolean body = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (query == null || body || DatabaseOutage.isOngoing() || request.getHeader("If-Match") != null
                || request.getHeader("If-Unmodified-Since") != null || !Cached.acceptsJson(request.getHeader("Accept"))) {
            return Optional.empty();
        }
        try {
            Language language = GuestLanguage.of(first(query, "lang"), request.getHeader("Accept-Language"));
            String key = answer.equals("availability")
                    ? AvailabilityQuestion.read(account, first(query, "arrival"), first(query, "nights"),
                            first(query, "flexDays"), language).key()
                    : CalendarQuestion.read(account, query.get("accommodation"), first(query, "month"), language).key();
            AccountState state = guests.openState(AccountResource.accountNumber(account));
            return answers.kept(key, AccountResource.stamp(state, BusinessCalendar.today(Clock.systemUTC())))
                    .map(answered -> new Kept(answered, state));
        } catch (SejourException | EJBException refused) {
            // bad input, an account not open to guests, or the database failing to say (an outage
            // not known yet): Jersey answers it, with its problem
            return Optional.empty();
        }
    }

    /**
     * The query's parameters, their values in order, as Jersey's {@code @QueryParam} reads them
     * (a single one takes the first); null when the query would need decoding.
     */
    static Map<String, List<String>> query(String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        if (!PLAIN_QUERY.matcher(text).matches()) {
            return null;
        }
        Map<String, List<String>> parameters = new HashMap<>();
        for (String pair : text.split("&")) {
            int equals = pair.indexOf('=');
            if (!pair.isEmpty()) {
                parameters.computeIfAbsent(equals < 0 ? pair : pair.substring(0, equals), name -> new ArrayList<>())
                        .add(equals < 0 ? "" : pair.substring(equals + 1));
            }
        }
        return parameters;
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null ? null : values.get(0);
    }
}
