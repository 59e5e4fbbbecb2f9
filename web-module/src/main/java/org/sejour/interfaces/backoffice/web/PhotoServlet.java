package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.AccommodationService;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.infrastructure.storage.PhotoStore;
import org.sejour.interfaces.security.CurrentUser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Serves the signed-in owner's photos: /app/photos/{id}/large or /thumb. Others get 404. */
@WebServlet("/app/photos/*")
public class PhotoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/(\\d{1,18})/(large|thumb)");

    @Inject
    CurrentUser currentUser;
    @EJB
    AccommodationService accommodations;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PhotoStore.Size size = "thumb".equals(m.group(2)) ? PhotoStore.Size.THUMBNAIL : PhotoStore.Size.LARGE;
        try {
            Path file = accommodations.photoFile(currentUser.accountId(), Long.parseLong(m.group(1)), size);
            response.setContentType("image/jpeg");
            response.setHeader("Cache-Control", "private, max-age=86400");
            response.setContentLengthLong(Files.size(file));
            Files.copy(file, response.getOutputStream());
        } catch (NotFoundException | NoSuchFileException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
