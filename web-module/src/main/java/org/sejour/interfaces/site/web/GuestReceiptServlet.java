package org.sejour.interfaces.site.web;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.document.InvoiceService;
import org.sejour.application.payment.OnlinePaymentService;
import org.sejour.interfaces.backoffice.web.PdfResponse;
import org.sejour.interfaces.web.PathServlet;

import java.io.IOException;
import java.util.regex.Matcher;

/**
 * The guest's receipts and credit notes, linked from their booking page:
 * /receipts/{guest token}/{id}.pdf. The token is the key, as for the booking page; a receipt
 * of another dossier, like an unknown token, answers 404. Counted by the pages' rate limit
 * (a PDF is rendered per request).
 */
@WebServlet("/receipts/*")
public class GuestReceiptServlet extends PathServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    OnlinePaymentService payments;

    public GuestReceiptServlet() {
        super("/([A-Za-z0-9_-]{20,64})/(\\d{1,18})\\.pdf");
    }

    @Override
    protected void serve(Matcher path, HttpServletResponse response) throws IOException {
        InvoiceService.ReceiptPdf receipt = payments.guestReceipt(path.group(1), Long.parseLong(path.group(2)));
        PdfResponse.send(response, receipt.pdf(), "recu-" + receipt.printedNumber() + ".pdf");
    }
}
