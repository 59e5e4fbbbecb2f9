package org.sejour.interfaces.site.web;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.payment.StripeWebhooks;
import org.sejour.domain.model.shared.SejourException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The owner's Stripe webhook endpoint: POST /webhooks/stripe/{account number}. The body is read
 * as it came (the signature covers the exact bytes) and handed to {@link StripeWebhooks}:
 * 200 for an event applied, already applied or ignored (among them a refund of a payment Séjour
 * has not recorded); 400 for a signature that does not hold (wrong secret, altered body, older
 * than 5 minutes); 404 for an account without Stripe; 503 when applying it failed (rolled back,
 * event id included), so that Stripe delivers it again.
 */
@WebServlet("/webhooks/stripe/*")
public class StripeWebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(StripeWebhookServlet.class.getName());
    /** Stripe's events are a few KiB; a body above this is not one */
    private static final int MAX_BYTES = 512 * 1024;

    @EJB
    StripeWebhooks webhooks;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || !path.matches("/[1-9][0-9]{0,8}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BYTES + 1);
        }
        if (body.length > MAX_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        StripeWebhooks.Outcome outcome;
        try {
            outcome = webhooks.receive(Integer.parseInt(path.substring(1)), new String(body, StandardCharsets.UTF_8),
                    request.getHeader("Stripe-Signature"));
        } catch (EJBException | SejourException e) {
            LOG.log(Level.WARNING, "A Stripe event could not be applied now; Stripe will deliver it again", e);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        switch (outcome) {
            case REFUSED -> response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            case UNKNOWN_ACCOUNT -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            default -> {
                response.setContentType("application/json");
                response.getWriter().write("{\"received\":true,\"outcome\":\"" + outcome.name().toLowerCase(java.util.Locale.ROOT) + "\"}");
            }
        }
    }
}
