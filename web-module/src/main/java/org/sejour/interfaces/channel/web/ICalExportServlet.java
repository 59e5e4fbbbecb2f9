package org.sejour.interfaces.channel.web;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.channel.ChannelExportService;
import org.sejour.application.channel.ChannelExportService.ExportedCalendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * GET /ical/{token}.ics: an accommodation's closed nights for Airbnb, Booking.com, Vrbo…
 * Outside the signed-in area on purpose (platforms fetch it without a session): the secret
 * token is the only key. Answers 304 to a conditional GET whose validators still match, so
 * platforms polling every few minutes cost a hash, not a download.
 */
@WebServlet("/ical/*")
public class ICalExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient ChannelExportService exports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = Optional.ofNullable(request.getPathInfo()).orElse("");
        if (!path.startsWith("/") || !path.endsWith(".ics")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<ExportedCalendar> calendar = exports.calendar(path.substring(1, path.length() - ".ics".length()));
        if (calendar.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ExportedCalendar feed = calendar.get();
        response.setHeader("ETag", feed.etag());
        response.setDateHeader("Last-Modified", feed.lastModified().toEpochMilli());
        // every poll revalidates; intermediaries must not keep a copy of a secret address's answer
        response.setHeader("Cache-Control", "private, no-cache");
        response.setHeader("X-Robots-Tag", "noindex");
        if (notModified(request, feed)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = feed.body().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/calendar; charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** RFC 9110 13.2.2: If-None-Match decides when present; If-Modified-Since only without it. */
    private static boolean notModified(HttpServletRequest request, ExportedCalendar feed) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            return ifNoneMatch.trim().equals("*") || Arrays.stream(ifNoneMatch.split(","))
                    .map(tag -> tag.trim().replaceFirst("^W/", "")).anyMatch(feed.etag()::equals);
        }
        long since;
        try {
            since = request.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        return since >= 0 && feed.lastModified().toEpochMilli() <= since;
    }
}
