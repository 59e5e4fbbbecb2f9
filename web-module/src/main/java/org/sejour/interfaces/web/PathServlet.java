package org.sejour.interfaces.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.domain.model.shared.NotFoundException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GET servlet whose path names what it serves. A path that does not match and a thing the
 * caller may not have (another owner's, expired, gone) answer the same 404, so that an address
 * never tells which of the two it was.
 */
public abstract class PathServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final Pattern path;

    protected PathServlet(String pathPattern) {
        this.path = Pattern.compile(pathPattern);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = path.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            serve(m, response);
        } catch (NotFoundException | NoSuchFileException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** Answers the request whose path matched; NotFoundException for what the caller may not have. */
    protected abstract void serve(Matcher path, HttpServletResponse response) throws IOException;

    /** A stored photo, as JPEG, cacheable as told. */
    protected static void sendJpeg(Path file, String cacheControl, HttpServletResponse response) throws IOException {
        response.setContentType("image/jpeg");
        response.setHeader("Cache-Control", cacheControl);
        response.setContentLengthLong(Files.size(file));
        Files.copy(file, response.getOutputStream());
    }
}
