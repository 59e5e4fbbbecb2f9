package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.dossier.DossierExports;
import org.sejour.application.dossier.ExportFile;
import org.sejour.interfaces.security.CurrentUser;
import org.sejour.interfaces.web.PathServlet;

import java.io.IOException;
import java.time.Instant;
import java.util.regex.Matcher;

/**
 * The signed-in owner's finished exports, dossier searches, arrivals and departures alike:
 * /app/exports/{id}.xlsx. Another owner's export, one
 * still running or past its time, like a malformed id, answers 404.
 */
@WebServlet("/app/exports/*")
public class ExportServlet extends PathServlet {

    private static final long serialVersionUID = 1L;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    CurrentUser currentUser;
    @EJB
    DossierExports exports;

    public ExportServlet() {
        super("/(\\d{1,18})\\.xlsx");
    }

    @Override
    protected void serve(Matcher path, HttpServletResponse response) throws IOException {
        ExportFile file = exports.file(currentUser.accountId(), Long.parseLong(path.group(1)), Instant.now());
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(file.content().length);
        response.getOutputStream().write(file.content());
    }
}
