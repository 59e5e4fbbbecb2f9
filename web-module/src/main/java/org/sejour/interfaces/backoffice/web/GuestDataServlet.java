package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.privacy.GuestDataService;
import org.sejour.application.privacy.GuestExport;
import org.sejour.interfaces.security.CurrentUser;
import org.sejour.interfaces.web.PathServlet;

import java.io.IOException;
import java.util.regex.Matcher;

/**
 * What Séjour holds about the guest of the signed-in owner's dossier (docs/privacy.md):
 * /app/guest-data/{dossierId}.zip (the JSON and the PDF, what the owner sends the guest), .json
 * or .pdf. Another owner's dossier and a malformed id answer 404 alike.
 */
@WebServlet("/app/guest-data/*")
public class GuestDataServlet extends PathServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @EJB
    GuestDataService guestData;

    public GuestDataServlet() {
        super("/(\\d{1,18})\\.(zip|json|pdf)");
    }

    @Override
    protected void serve(Matcher path, HttpServletResponse response) throws IOException {
        GuestExport export = guestData.export(currentUser.accountId(), Long.parseLong(path.group(1)));
        String kind = path.group(2);
        if (kind.equals("pdf")) {
            PdfResponse.send(response, export.pdf(), export.fileName() + ".pdf");
            return;
        }
        byte[] content = kind.equals("json") ? export.json() : export.zip();
        response.setContentType(kind.equals("json") ? "application/json;charset=UTF-8" : "application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + export.fileName() + "." + kind + "\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }
}
