package org.sejour.interfaces.site.web;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.site.GuestSiteService;
import org.sejour.domain.model.accommodation.PhotoSize;
import org.sejour.interfaces.web.PathServlet;

import java.io.IOException;
import java.util.regex.Matcher;

/** Photos of the booking site: /site-photos/{account number}/{photo id}/large|thumb, public and cacheable. */
@WebServlet("/site-photos/*")
public class SitePhotoServlet extends PathServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    GuestSiteService site;

    public SitePhotoServlet() {
        super("/(\\d{1,9})/(\\d{1,18})/(large|thumb)");
    }

    @Override
    protected void serve(Matcher path, HttpServletResponse response) throws IOException {
        PhotoSize size = "thumb".equals(path.group(3)) ? PhotoSize.THUMBNAIL : PhotoSize.LARGE;
        sendJpeg(site.photoFile(Integer.parseInt(path.group(1)), Long.parseLong(path.group(2)), size),
                "public, max-age=3600", response);
    }
}
