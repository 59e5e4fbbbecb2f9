package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.AccommodationService;
import org.sejour.domain.model.accommodation.PhotoSize;
import org.sejour.interfaces.security.CurrentUser;
import org.sejour.interfaces.web.PathServlet;

import java.io.IOException;
import java.util.regex.Matcher;

/** Serves the signed-in owner's photos: /app/photos/{id}/large or /thumb. Others get 404. */
@WebServlet("/app/photos/*")
public class PhotoServlet extends PathServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @EJB
    AccommodationService accommodations;

    public PhotoServlet() {
        super("/(\\d{1,18})/(large|thumb)");
    }

    @Override
    protected void serve(Matcher path, HttpServletResponse response) throws IOException {
        PhotoSize size = "thumb".equals(path.group(2)) ? PhotoSize.THUMBNAIL : PhotoSize.LARGE;
        sendJpeg(accommodations.photoFile(currentUser.accountId(), Long.parseLong(path.group(1)), size),
                "private, max-age=86400", response);
    }
}
