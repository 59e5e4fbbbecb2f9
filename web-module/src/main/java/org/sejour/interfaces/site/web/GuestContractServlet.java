package org.sejour.interfaces.site.web;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.document.ContractAcceptanceService;
import org.sejour.interfaces.backoffice.web.PdfResponse;
import org.sejour.interfaces.web.PathServlet;

import java.io.IOException;
import java.util.regex.Matcher;

/**
 * The contract as the guest is offered it, linked from their booking page:
 * /contracts/{guest token}/v{version}.pdf. The current version is frozen on first opening (what
 * the guest accepts is what they read); an unknown token, or a version never offered, is a 404.
 * Counted by the pages' rate limit.
 */
@WebServlet("/contracts/*")
public class GuestContractServlet extends PathServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    ContractAcceptanceService contracts;

    public GuestContractServlet() {
        super("/([A-Za-z0-9_-]{20,64})/v([1-9]\\d{0,3})\\.pdf");
    }

    @Override
    protected void serve(Matcher path, HttpServletResponse response) throws IOException {
        int version = Integer.parseInt(path.group(2));
        PdfResponse.send(response, contracts.guestPdf(path.group(1), version), "contrat-v" + version + ".pdf");
    }
}
