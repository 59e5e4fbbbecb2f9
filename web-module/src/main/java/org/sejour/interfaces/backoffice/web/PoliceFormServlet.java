package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.prearrival.PreArrivalService;
import org.sejour.interfaces.security.CurrentUser;
import org.sejour.interfaces.web.PathServlet;

import java.io.IOException;
import java.util.regex.Matcher;

/**
 * The police forms of the signed-in owner's dossier: /app/police-forms/{dossierId}.pdf, one page
 * per foreign guest of 15 or over. Another owner's dossier, one without a form or without such a
 * guest, and a malformed id answer 404 alike.
 */
@WebServlet("/app/police-forms/*")
public class PoliceFormServlet extends PathServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @EJB
    PreArrivalService preArrivals;

    public PoliceFormServlet() {
        super("/(\\d{1,18})\\.pdf");
    }

    @Override
    protected void serve(Matcher path, HttpServletResponse response) throws IOException {
        long dossierId = Long.parseLong(path.group(1));
        PdfResponse.send(response, preArrivals.policeForms(currentUser.accountId(), dossierId),
                "fiches-police-" + dossierId + ".pdf");
    }
}
