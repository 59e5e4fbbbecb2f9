package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.document.InvoiceService;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Receipts of the signed-in owner: /app/invoices/{id}.pdf, rendered from what was stored when
 * it was issued. Another owner's receipt, like a malformed id, answers 404.
 */
@WebServlet("/app/invoices/*")
public class InvoiceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/(\\d{1,18})\\.pdf");

    @Inject
    CurrentUser currentUser;
    @EJB
    InvoiceService invoices;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            InvoiceService.ReceiptPdf receipt = invoices.pdfOf(currentUser.accountId(), Long.parseLong(m.group(1)));
            PdfResponse.send(response, receipt.pdf(), "recu-" + receipt.printedNumber() + ".pdf");
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
