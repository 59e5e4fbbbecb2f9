package org.sejour.interfaces.site.web;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.payment.OnlinePaymentService;
import org.sejour.domain.model.payment.PaymentAttemptStatus;
import org.sejour.domain.model.shared.NotFoundException;

import java.io.IOException;
import java.util.Locale;

/**
 * Where the provider sends the guest back: /payment/return?attempt=… The attempt is settled
 * from the provider's own verdict (never from this address's parameters), then the guest sees
 * the dossier's page. Coming back twice (reload, back button) settles nothing twice.
 */
@WebServlet("/payment/return")
public class PaymentReturnServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    OnlinePaymentService payments;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String attempt = request.getParameter("attempt");
        if (attempt == null || !attempt.matches("[A-Za-z0-9_-]{20,64}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            OnlinePaymentService.Settlement settlement = payments.settle(attempt);
            String outcome = settlement.status().name().toLowerCase(Locale.ROOT);
            // the provider's cancel address: only how the page words a still-pending attempt, never a settlement
            if (settlement.status() == PaymentAttemptStatus.PENDING && "1".equals(request.getParameter("cancelled"))) {
                outcome = "abandoned";
            }
            response.sendRedirect(request.getContextPath() + "/booking/" + settlement.guestToken() + "?payment=" + outcome);
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
