package org.sejour.application.payment;

import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Stripe's API as Séjour uses it, each call made with the owner's own secret key (docs/payments.md).
 * Errors come back as {@link PaymentProviderException} carrying a message key, never the key.
 */
public interface StripeGateway {

    /** What GET /v1/account says of the account a key belongs to. */
    record AccountInfo(String id, String displayName, boolean live) {
    }

    /** A Checkout Session to send the guest to. */
    record Checkout(String sessionId, URI url) {
    }

    /** What is asked of Checkout; {@code metadata} goes on the session and on its PaymentIntent. */
    record CheckoutOrder(Money amount, String description, Optional<String> guestEmail, Language language,
                         URI successUrl, URI cancelUrl, String clientReference, Map<String, String> metadata,
                         String idempotencyKey, boolean saveCard) {
    }

    /** The card a guest paid with, saved for later use without them (a security-deposit hold). */
    record SavedCard(String customer, String paymentMethod) {
    }

    /** What became of a hold: its PaymentIntent when Stripe authorised it, else why not. */
    record Hold(Optional<String> paymentIntent, Optional<String> failure) {
    }

    /** A refund Stripe accepted (status "succeeded" or "pending"). */
    record RefundDone(String id, String status) {
    }

    /**
     * A payment as Stripe lists it, for the nightly comparison: {@code attempt} the Séjour attempt
     * it pays (metadata), {@code hold} the dossier number of a security-deposit hold (metadata).
     */
    record RemotePayment(String paymentIntent, Money amount, String status, Instant created, Optional<String> attempt,
                         Optional<String> hold) {
    }

    /**
     * An event whose signature was checked. {@code object} is the event's data.object; read its
     * fields with {@link EventObject}.
     */
    record SignedEvent(String id, String type, boolean live, Instant created, EventObject object) {
    }

    /** Read access to an event's object (JSON) without tying the application to a JSON library. */
    interface EventObject {
        Optional<String> text(String... path);

        OptionalLong number(String... path);
    }

    AccountInfo account(String secretKey);

    /** The customer and card of a PaymentIntent, when the card was saved for later (setup_future_usage). */
    Optional<SavedCard> savedCard(String secretKey, String paymentIntent);

    /**
     * Authorises {@code amount} on the saved card without capturing it (capture_method=manual,
     * off_session): a card that refuses, or that asks for the guest, is a failure, not an error.
     */
    Hold hold(String secretKey, SavedCard card, Money amount, String description, Map<String, String> metadata,
              String idempotencyKey);

    /** Captures {@code amount} of a hold; Stripe releases the rest. */
    void capture(String secretKey, String paymentIntent, Money amount);

    /** Releases a hold (cancels its PaymentIntent). */
    void release(String secretKey, String paymentIntent);

    Checkout openCheckout(String secretKey, CheckoutOrder order);

    RefundDone refund(String secretKey, String paymentIntent, Money amount, String reason, String idempotencyKey);

    /** The account's PaymentIntents created since {@code since}, newest first. */
    List<RemotePayment> paymentsSince(String secretKey, Instant since);

    /** One PaymentIntent of the account, whenever it was created; empty when Stripe has none of that id. */
    Optional<RemotePayment> payment(String secretKey, String paymentIntent);

    /**
     * Checks the {@code Stripe-Signature} header against the endpoint's signing secret (HMAC-SHA256
     * of "timestamp.payload", at most 5 minutes old) and reads the event.
     *
     * @throws InvalidSignatureException when it does not match, or is too old
     */
    SignedEvent verify(String payload, String signatureHeader, String signingSecret);

    /** A webhook whose signature does not hold. */
    class InvalidSignatureException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidSignatureException(String message) {
            super(message);
        }
    }
}
