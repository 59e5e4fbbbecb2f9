package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.document.ContractAcceptanceService;
import org.sejour.application.document.ContractService;
import org.sejour.domain.model.shared.Language;
import org.sejour.interfaces.security.CurrentUser;
import org.sejour.interfaces.web.PathServlet;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Contract PDFs of the signed-in owner: /app/dossiers/{id}/contract.pdf (the guest's edition,
 * in the guest's language, current version), /app/dossiers/{id}/contract-v{n}.pdf (a version a
 * change replaced, as it was issued), /app/dossiers/{id}/contract-accepted-v{n}.pdf (a version as the
 * guest was offered it online, what their acceptance's hash is of) and /app/settings/contract-preview.pdf?lang=fr|en (the latest
 * dossier with the current settings). Another owner's dossier answers 404.
 */
@WebServlet({"/app/dossiers/*", "/app/settings/contract-preview.pdf"})
public class ContractServlet extends PathServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @EJB
    ContractService contracts;
    @EJB
    ContractAcceptanceService acceptances;

    public ContractServlet() {
        super("/(\\d{1,18})/contract(?:-(v|accepted-v)(\\d{1,4}))?\\.pdf");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getServletPath().endsWith("contract-preview.pdf")) {
            super.doGet(request, response);
            return;
        }
        Language language = Language.fromCode(request.getParameter("lang")).orElse(Language.FR);
        Optional<byte[]> preview = contracts.previewOfLatest(currentUser.accountId(), language);
        if (preview.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PdfResponse.send(response, preview.get(), "apercu-contrat.pdf");
    }

    @Override
    protected void serve(Matcher path, HttpServletResponse response) throws IOException {
        long dossierId = Long.parseLong(path.group(1));
        if ("accepted-v".equals(path.group(2))) {
            // a version as the guest was offered it online (what an acceptance's hash is of)
            int version = Integer.parseInt(path.group(3));
            PdfResponse.send(response, acceptances.offeredPdf(currentUser.accountId(), dossierId, version),
                    "contrat-" + dossierId + "-v" + version + "-accepte.pdf");
            return;
        }
        if (path.group(2) != null) {
            // a version a change replaced, kept as it was issued
            int version = Integer.parseInt(path.group(3));
            PdfResponse.send(response, contracts.keptVersion(currentUser.accountId(), dossierId, version),
                    "contrat-" + dossierId + "-v" + version + ".pdf");
            return;
        }
        PdfResponse.send(response, contracts.contractOf(currentUser.accountId(), dossierId),
                "contrat-" + dossierId + ".pdf");
    }
}
