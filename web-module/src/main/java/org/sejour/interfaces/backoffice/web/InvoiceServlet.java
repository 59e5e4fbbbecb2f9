package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.document.InvoiceService;
import org.sejour.interfaces.security.CurrentUser;
import org.sejour.interfaces.web.PathServlet;

import java.io.IOException;
import java.util.regex.Matcher;

/**
 * Receipts of the signed-in owner: /app/invoices/{id}.pdf, rendered from what was stored when
 * it was issued. Another owner's receipt, like a malformed id, answers 404.
 */
@WebServlet("/app/invoices/*")
public class InvoiceServlet extends PathServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @EJB
    InvoiceService invoices;

    public InvoiceServlet() {
        super("/(\\d{1,18})\\.pdf");
    }

    @Override
    protected void serve(Matcher path, HttpServletResponse response) throws IOException {
        InvoiceService.ReceiptPdf receipt = invoices.pdfOf(currentUser.accountId(), Long.parseLong(path.group(1)));
        PdfResponse.send(response, receipt.pdf(), "recu-" + receipt.printedNumber() + ".pdf");
    }
}
