package org.sejour.infrastructure.payment;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sejour.application.payment.PaymentProviderException;
import org.sejour.application.payment.StripeGateway;
import org.sejour.domain.model.shared.Money;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link StripeGateway} through the official stripe-java client, one client per call with the
 * owner's key. {@code sejour.stripe.api-base} points it elsewhere than https://api.stripe.com
 * (the tests' local server answering in Stripe's shapes). Nothing logged here carries a key.
 */
@ApplicationScoped
public class StripeJavaGateway implements StripeGateway {

    /** Stripe's own default, and what the issue asks: an event signed more than 5 minutes ago is refused. */
    static final long TOLERANCE_SECONDS = Webhook.DEFAULT_TOLERANCE;
    private static final Logger LOG = Logger.getLogger(StripeJavaGateway.class.getName());

    @Inject
    @ConfigProperty(name = "sejour.stripe.api-base", defaultValue = "https://api.stripe.com")
    String apiBase;

    private StripeClient client(String secretKey) {
        return StripeClient.builder().setApiKey(secretKey).setApiBase(apiBase).setConnectTimeout(10_000)
                .setReadTimeout(30_000).setMaxNetworkRetries(2).build();
    }

    @Override
    public AccountInfo account(String secretKey) {
        try {
            Account account = client(secretKey).accounts().retrieveCurrent();
            String name = Optional.ofNullable(account.getSettings()).map(Account.Settings::getDashboard)
                    .map(Account.Settings.Dashboard::getDisplayName)
                    .or(() -> Optional.ofNullable(account.getBusinessProfile()).map(Account.BusinessProfile::getName))
                    .or(() -> Optional.ofNullable(account.getEmail()))
                    .filter(n -> !n.isBlank()).orElse(account.getId());
            return new AccountInfo(account.getId(), name, secretKey.contains("_live_"));
        } catch (StripeException e) {
            throw refused(e, "account");
        }
    }

    @Override
    public Checkout openCheckout(String secretKey, CheckoutOrder order) {
        SessionCreateParams.PaymentIntentData.Builder intent = SessionCreateParams.PaymentIntentData.builder()
                .setDescription(order.description());
        if (order.saveCard()) {
            // the owner holds security deposits: the card is kept (at Stripe) for that hold, made without the guest
            intent.setSetupFutureUsage(SessionCreateParams.PaymentIntentData.SetupFutureUsage.OFF_SESSION);
        }
        order.metadata().forEach(intent::putMetadata);
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(order.successUrl().toString())
                .setCancelUrl(order.cancelUrl().toString())
                .setClientReferenceId(order.clientReference())
                .setLocale(locale(order.language().code()))
                .setPaymentIntentData(intent.build())
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency("eur").setUnitAmount(cents(order.amount()))
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(order.description()).build())
                                .build())
                        .build());
        order.guestEmail().ifPresent(params::setCustomerEmail);
        if (order.saveCard()) {
            params.setCustomerCreation(SessionCreateParams.CustomerCreation.ALWAYS);
        }
        order.metadata().forEach(params::putMetadata);
        try {
            Session session = client(secretKey).checkout().sessions().create(params.build(),
                    RequestOptions.builder().setIdempotencyKey(order.idempotencyKey()).build());
            return new Checkout(session.getId(), URI.create(session.getUrl()));
        } catch (StripeException e) {
            throw refused(e, "checkout");
        }
    }

    @Override
    public Optional<SavedCard> savedCard(String secretKey, String paymentIntent) {
        try {
            PaymentIntent intent = client(secretKey).paymentIntents().retrieve(paymentIntent);
            return intent.getCustomer() == null || intent.getPaymentMethod() == null ? Optional.empty()
                    : Optional.of(new SavedCard(intent.getCustomer(), intent.getPaymentMethod()));
        } catch (StripeException e) {
            throw refused(e, "retrieve payment intent");
        }
    }

    @Override
    public Hold hold(String secretKey, SavedCard card, Money amount, String description, Map<String, String> metadata,
                     String idempotencyKey) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder().setAmount(cents(amount)).setCurrency("eur")
                .setCustomer(card.customer()).setPaymentMethod(card.paymentMethod()).setOffSession(true).setConfirm(true)
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL).setDescription(description)
                .putAllMetadata(metadata).build();
        try {
            PaymentIntent intent = client(secretKey).paymentIntents().create(params,
                    RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
            return "requires_capture".equals(intent.getStatus())
                    ? new Hold(Optional.of(intent.getId()), Optional.empty())
                    : new Hold(Optional.empty(), Optional.of("Stripe: " + intent.getStatus()));
        } catch (CardException e) {
            // declined, or authentication_required: the guest is not there to confirm it
            LOG.log(Level.INFO, "Stripe refused a hold: code {0}, request {1}", new Object[]{e.getCode(), e.getRequestId()});
            return new Hold(Optional.empty(), Optional.of("Stripe: " + Optional.ofNullable(e.getStripeError())
                    .map(se -> se.getMessage()).orElse(e.getCode())));
        } catch (StripeException e) {
            throw refused(e, "hold");
        }
    }

    @Override
    public void capture(String secretKey, String paymentIntent, Money amount) {
        try {
            client(secretKey).paymentIntents().capture(paymentIntent,
                    PaymentIntentCaptureParams.builder().setAmountToCapture(cents(amount)).build());
        } catch (StripeException e) {
            throw refused(e, "capture");
        }
    }

    @Override
    public void release(String secretKey, String paymentIntent) {
        try {
            client(secretKey).paymentIntents().cancel(paymentIntent);
        } catch (StripeException e) {
            throw refused(e, "release");
        }
    }

    @Override
    public RefundDone refund(String secretKey, String paymentIntent, Money amount, String reason, String idempotencyKey) {
        RefundCreateParams params = RefundCreateParams.builder().setPaymentIntent(paymentIntent)
                .setAmount(cents(amount)).setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                .putMetadata("reason", reason.length() > 500 ? reason.substring(0, 500) : reason).build();
        try {
            Refund refund = client(secretKey).refunds().create(params,
                    RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
            if ("failed".equals(refund.getStatus()) || "canceled".equals(refund.getStatus())) {
                throw new PaymentProviderException("stripe.refund.failed", refund.getStatus());
            }
            return new RefundDone(refund.getId(), refund.getStatus());
        } catch (StripeException e) {
            throw refused(e, "refund");
        }
    }

    @Override
    public List<RemotePayment> paymentsSince(String secretKey, Instant since) {
        PaymentIntentListParams params = PaymentIntentListParams.builder().setLimit(100L)
                .setCreated(PaymentIntentListParams.Created.builder().setGte(since.getEpochSecond()).build()).build();
        List<RemotePayment> payments = new ArrayList<>();
        try {
            for (PaymentIntent intent : client(secretKey).paymentIntents().list(params).autoPagingIterable()) {
                payments.add(remote(intent));
            }
            return payments;
        } catch (StripeException e) {
            throw refused(e, "list");
        }
    }

    @Override
    public Optional<RemotePayment> payment(String secretKey, String paymentIntent) {
        try {
            return Optional.of(remote(client(secretKey).paymentIntents().retrieve(paymentIntent)));
        } catch (InvalidRequestException e) {
            if ("resource_missing".equals(e.getCode())) {
                return Optional.empty();
            }
            throw refused(e, "retrieve payment intent");
        } catch (StripeException e) {
            throw refused(e, "retrieve payment intent");
        }
    }

    private static RemotePayment remote(PaymentIntent intent) {
        long received = intent.getAmountReceived() == null ? 0 : intent.getAmountReceived();
        Optional<Map<String, String>> metadata = Optional.ofNullable(intent.getMetadata());
        return new RemotePayment(intent.getId(), Money.ofCents(received), intent.getStatus(),
                intent.getCreated() == null ? Instant.EPOCH : Instant.ofEpochSecond(intent.getCreated()),
                metadata.map(m -> m.get("attempt")),
                metadata.map(m -> m.get("hold")));
    }

    @Override
    public SignedEvent verify(String payload, String signatureHeader, String signingSecret) {
        Event event;
        try {
            event = Webhook.constructEvent(payload, signatureHeader, signingSecret, TOLERANCE_SECONDS);
        } catch (SignatureVerificationException e) {
            throw new InvalidSignatureException(e.getMessage());
        } catch (RuntimeException e) {
            throw new InvalidSignatureException("not an event");
        }
        // the object is read from the signed JSON itself: stripe-java's typed classes follow its own
        // API version, which an owner's account need not use
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            object = reader.readObject().getJsonObject("data").getJsonObject("object");
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new InvalidSignatureException("an event without data.object");
        }
        return new SignedEvent(event.getId(), event.getType(), Boolean.TRUE.equals(event.getLivemode()),
                Instant.ofEpochSecond(event.getCreated() == null ? 0 : event.getCreated()), new JsonFields(object));
    }

    /** The fields of an event's object, read along a path of names. */
    private record JsonFields(JsonObject root) implements EventObject {

        @Override
        public Optional<String> text(String... path) {
            return at(path).filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
                    .map(v -> ((JsonString) v).getString());
        }

        @Override
        public OptionalLong number(String... path) {
            return at(path).filter(v -> v.getValueType() == JsonValue.ValueType.NUMBER)
                    .map(v -> OptionalLong.of(((JsonNumber) v).longValueExact())).orElse(OptionalLong.empty());
        }

        private Optional<JsonValue> at(String... path) {
            JsonValue current = root;
            for (String name : path) {
                if (current == null || current.getValueType() != JsonValue.ValueType.OBJECT) {
                    return Optional.empty();
                }
                current = current.asJsonObject().get(name);
            }
            return current == null || current.getValueType() == JsonValue.ValueType.NULL ? Optional.empty()
                    : Optional.of(current);
        }
    }

    private static long cents(Money amount) {
        return amount.amount().movePointRight(2).longValueExact();
    }

    private static SessionCreateParams.Locale locale(String language) {
        for (SessionCreateParams.Locale locale : SessionCreateParams.Locale.values()) {
            if (locale.getValue().equals(language.toLowerCase(Locale.ROOT))) {
                return locale;
            }
        }
        return SessionCreateParams.Locale.AUTO;
    }

    /** Stripe's refusal in the owner's words; the log gets Stripe's code and request id, no key. */
    private static PaymentProviderException refused(StripeException e, String call) {
        LOG.log(Level.WARNING, "Stripe refused {0}: HTTP {1}, code {2}, request {3}",
                new Object[]{call, e.getStatusCode(), e.getCode(), e.getRequestId()});
        if (e instanceof AuthenticationException) {
            return new PaymentProviderException("stripe.key.refused");
        }
        if (e instanceof PermissionException) {
            return new PaymentProviderException("stripe.key.permission");
        }
        if (e instanceof ApiConnectionException) {
            return new PaymentProviderException("stripe.unreachable");
        }
        return new PaymentProviderException("stripe.refused", e.getStripeError() == null ? ""
                : Optional.ofNullable(e.getStripeError().getMessage()).orElse(""));
    }
}
