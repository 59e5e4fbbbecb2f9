package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.document.ContractService;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contract PDFs of the signed-in owner: /app/dossiers/{id}/contract.pdf (the guest's edition,
 * in the guest's language) and /app/settings/contract-preview.pdf?lang=fr|en (the latest
 * dossier with the current settings). Another owner's dossier answers 404.
 */
@WebServlet({"/app/dossiers/*", "/app/settings/contract-preview.pdf"})
public class ContractServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/(\\d{1,18})/contract\\.pdf");

    @Inject
    CurrentUser currentUser;
    @EJB
    ContractService contracts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long accountId = currentUser.accountId();
        if (request.getServletPath().endsWith("contract-preview.pdf")) {
            Language language = Language.fromCode(request.getParameter("lang")).orElse(Language.FR);
            Optional<byte[]> preview = contracts.previewOfLatest(accountId, language);
            if (preview.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            PdfResponse.send(response, preview.get(), "apercu-contrat.pdf");
            return;
        }
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            long dossierId = Long.parseLong(m.group(1));
            PdfResponse.send(response, contracts.contractOf(accountId, dossierId), "contrat-" + dossierId + ".pdf");
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
