package org.sejour.interfaces.site.web;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.site.GuestSiteService;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.infrastructure.storage.PhotoStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Photos of the booking site: /site-photos/{account number}/{photo id}/large|thumb, public and cacheable. */
@WebServlet("/site-photos/*")
public class SitePhotoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/(\\d{1,9})/(\\d{1,18})/(large|thumb)");

    @EJB
    GuestSiteService site;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PhotoStore.Size size = "thumb".equals(m.group(3)) ? PhotoStore.Size.THUMBNAIL : PhotoStore.Size.LARGE;
        try {
            Path file = site.photoFile(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), size);
            response.setContentType("image/jpeg");
            response.setHeader("Cache-Control", "public, max-age=3600");
            response.setContentLengthLong(Files.size(file));
            Files.copy(file, response.getOutputStream());
        } catch (NotFoundException | NoSuchFileException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
