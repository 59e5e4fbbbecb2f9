package org.sejour.it.payment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.sejour.it.TestSettings;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for api.stripe.com, answering the calls Séjour makes in the shapes of Stripe's
 * API reference (GET /v1/account, POST /v1/checkout/sessions, POST /v1/refunds), with Stripe's
 * error shape and status for a key it does not know (401). Its Checkout page is a plain page at
 * /c/pay/{session}. It also plays Stripe's webhook sender: events are signed as Stripe signs them
 * ({@code Stripe-Signature: t=…,v1=HMAC-SHA256(secret, "t.payload")}), which the tests check
 * against stripe-java's own {@code Webhook.constructEvent}. The test domain's
 * {@code sejour.stripe.api-base} points here (server-config: HTTP port − 80 + 26).
 */
public final class FakeStripe implements AutoCloseable {

    /** A Checkout Session as created, with what Séjour asked for. */
    public record Session(String id, String intent, long amount, String successUrl, String cancelUrl, String clientReference,
                          Map<String, String> form, String idempotencyKey) {
    }

    /** A refund as asked. */
    public record Refund(String id, String intent, long amount, String reason, String idempotencyKey) {
    }

    private final HttpServer server;
    private final int port;
    private final Map<String, String> accounts = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Session> sessionsByKey = new ConcurrentHashMap<>();
    private final Map<String, Refund> refundsByKey = new ConcurrentHashMap<>();
    private final List<Refund> refunds = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** cards saved by Checkout (customer_creation=always, setup_future_usage=off_session), by PaymentIntent */
    private final Map<String, String[]> savedCards = new ConcurrentHashMap<>();
    private final java.util.Set<String> declinedCustomers = ConcurrentHashMap.newKeySet();
    private final List<String> holdCalls = new CopyOnWriteArrayList<>();
    /** PaymentIntents by id: the key of their account, and their state as the list API shows it */
    private final Map<String, Intent> intents = new ConcurrentHashMap<>();
    /** the metadata[hold] Séjour gave its security-deposit holds, by PaymentIntent; Stripe keeps it on the intent */
    private final Map<String, String> holdMetadata = new ConcurrentHashMap<>();

    /** A PaymentIntent as GET /v1/payment_intents lists it. */
    public record Intent(String key, String id, long amount, long received, String status, String attempt, long created) {
    }
    private final AtomicInteger ids = new AtomicInteger(1000);
    /** ids are unique across the fakes of one test run, as Stripe's are: the database keeps sessions once */
    private final String run = Long.toString(System.nanoTime(), 36);
    private final HttpClient client = HttpClient.newHttpClient();

    public FakeStripe() throws IOException {
        port = Integer.parseInt(TestSettings.required("sejour.test.httpPort")) - 80 + 26;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A secret key this Stripe knows, and the name of its account's dashboard. */
    public void acceptKey(String secretKey, String displayName) {
        accounts.put(secretKey, displayName);
    }

    public List<Session> sessions() {
        return new ArrayList<>(sessions.values());
    }

    public Session session(String id) {
        return sessions.get(id);
    }

    /** The guest paid on the Checkout page: the session's PaymentIntent succeeded for {@code cents}. */
    public void succeed(Session session, long cents) {
        intents.computeIfPresent(session.intent(), (id, i) -> new Intent(i.key(), id, i.amount(), cents, "succeeded",
                i.attempt(), i.created()));
    }

    /** The card saved by this session's payment refuses holds (its bank asks for the guest, who is not there). */
    public void declineHolds(Session session) {
        declinedCustomers.add(savedCards.get(session.intent())[0]);
    }

    /** The card saved by this session's payment takes holds again. */
    public void acceptHolds(Session session) {
        declinedCustomers.remove(savedCards.get(session.intent())[0]);
    }

    /** The card saved by this session's payment, as "customer payment_method". */
    public String savedCard(Session session) {
        String[] card = savedCards.get(session.intent());
        return card == null ? null : card[0] + " " + card[1];
    }

    /** The hold calls Séjour made: "hold customer pm amount currency …", "capture pi amount", "cancel pi". */
    public List<String> holdCalls() {
        return List.copyOf(holdCalls);
    }

    /** The session's PaymentIntent was created {@code days} ago (a SEPA debit completes days after Checkout). */
    public void createdDaysAgo(Session session, int days) {
        intents.computeIfPresent(session.intent(), (id, i) -> new Intent(i.key(), id, i.amount(), i.received(), i.status(),
                i.attempt(), Instant.now().minusSeconds(days * 86_400L).getEpochSecond()));
    }

    /** A payment the owner took in Stripe's own dashboard (no Séjour attempt behind it). */
    public String dashboardPayment(String key, long cents) {
        String id = "pi_test_" + run + ids.incrementAndGet();
        intents.put(id, new Intent(key, id, cents, cents, "succeeded", null, Instant.now().getEpochSecond()));
        return id;
    }

    public List<Refund> refunds() {
        return List.copyOf(refunds);
    }

    /** Every request Séjour made, as "METHOD path Authorization-header-present?", for the no-key-leak checks. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public int port() {
        return port;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(method + " " + path);
        if (path.startsWith("/c/pay/")) {
            Session s = sessions.get(path.substring("/c/pay/".length()));
            answer(exchange, s == null ? 404 : 200, "text/html; charset=utf-8", s == null ? "no such session"
                    : "<!DOCTYPE html><html><head><title>Fake Checkout</title></head><body><h1 id=\"checkout\">"
                    + "Stripe Checkout (local stand-in)</h1><p id=\"amount\">" + s.amount() + "</p></body></html>");
            return;
        }
        String key = auth == null ? "" : auth.replaceFirst("^Bearer ", "");
        if (!accounts.containsKey(key)) {
            json(exchange, 401, "{\"error\":{\"message\":\"Invalid API Key provided: " + mask(key)
                    + "\",\"type\":\"invalid_request_error\"}}");
            return;
        }
        Map<String, String> form = form(body);
        String idempotency = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if ("GET".equals(method) && "/v1/account".equals(path)) {
            json(exchange, 200, "{\"id\":\"acct_" + Math.abs(key.hashCode()) + "\",\"object\":\"account\","
                    + "\"business_profile\":{\"name\":null},\"email\":\"owner@example.test\",\"charges_enabled\":true,"
                    + "\"settings\":{\"dashboard\":{\"display_name\":" + quote(accounts.get(key)) + ",\"timezone\":\"Europe/Paris\"}}}");
        } else if ("POST".equals(method) && "/v1/checkout/sessions".equals(path)) {
            Session s = idempotency == null ? null : sessionsByKey.get(idempotency);
            if (s == null) {
                int n = ids.incrementAndGet();
                s = new Session("cs_test_" + run + n, "pi_test_" + run + n, Long.parseLong(form.get("line_items[0][price_data][unit_amount]")),
                        form.get("success_url"), form.get("cancel_url"), form.get("client_reference_id"), form, idempotency);
                sessions.put(s.id(), s);
                intents.put(s.intent(), new Intent(key, s.intent(), s.amount(), 0, "requires_payment_method",
                        form.get("payment_intent_data[metadata][attempt]"), Instant.now().getEpochSecond()));
                if ("always".equals(form.get("customer_creation"))
                        && "off_session".equals(form.get("payment_intent_data[setup_future_usage]"))) {
                    savedCards.put(s.intent(), new String[]{"cus_test_" + run + n, "pm_test_" + run + n});
                }
                if (idempotency != null) {
                    sessionsByKey.put(idempotency, s);
                }
            }
            json(exchange, 200, sessionJson(s, "open", "unpaid", false));
        } else if ("GET".equals(method) && "/v1/payment_intents".equals(path)) {
            StringBuilder data = new StringBuilder();
            long since = Long.parseLong(form(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""))
                    .getOrDefault("created[gte]", "0"));
            intents.values().stream().filter(i -> i.key().equals(key) && i.created() >= since)
                    .sorted(java.util.Comparator.comparing(Intent::created).reversed().thenComparing(Intent::id))
                    .forEach(i -> data.append(data.length() == 0 ? "" : ",").append("{\"id\":\"").append(i.id())
                            .append("\",\"object\":\"payment_intent\",\"amount\":").append(i.amount())
                            .append(",\"amount_received\":").append(i.received()).append(",\"currency\":\"eur\",\"status\":\"")
                            .append(i.status()).append("\",\"created\":").append(i.created()).append(",\"livemode\":false,")
                            .append("\"metadata\":").append(metadata(i))
                            .append("}"));
            json(exchange, 200, "{\"object\":\"list\",\"data\":[" + data + "],\"has_more\":false,"
                    + "\"url\":\"/v1/payment_intents\"}");
        } else if ("GET".equals(method) && path.startsWith("/v1/payment_intents/")) {
            String id = path.substring("/v1/payment_intents/".length());
            Intent i = intents.get(id);
            String[] card = savedCards.get(id);
            if (i == null || !i.key().equals(key)) {
                json(exchange, 404, "{\"error\":{\"code\":\"resource_missing\",\"message\":\"No such payment_intent: '"
                        + id + "'\",\"type\":\"invalid_request_error\"}}");
                return;
            }
            json(exchange, 200, "{\"id\":\"" + id + "\",\"object\":\"payment_intent\",\"amount\":" + i.amount()
                    + ",\"amount_received\":" + i.received() + ",\"currency\":\"eur\",\"status\":\"" + i.status()
                    + "\",\"customer\":" + quote(card == null ? null : card[0]) + ",\"payment_method\":"
                    + quote(card == null ? null : card[1]) + ",\"created\":" + i.created() + ",\"livemode\":false,"
                    + "\"metadata\":" + metadata(i) + "}");
        } else if ("POST".equals(method) && "/v1/payment_intents".equals(path)) {
            holdCalls.add("hold " + form.get("customer") + " " + form.get("payment_method") + " " + form.get("amount") + " "
                    + form.get("currency") + " capture_method=" + form.get("capture_method") + " off_session="
                    + form.get("off_session") + " confirm=" + form.get("confirm"));
            if (declinedCustomers.contains(form.get("customer"))) {
                json(exchange, 402, "{\"error\":{\"code\":\"authentication_required\",\"decline_code\":"
                        + "\"authentication_required\",\"message\":\"Your card was declined. This transaction requires "
                        + "authentication.\",\"type\":\"card_error\"}}");
                return;
            }
            String id = "pi_test_" + run + ids.incrementAndGet();
            long amount = Long.parseLong(form.get("amount"));
            intents.put(id, new Intent(key, id, amount, 0, "requires_capture", null, Instant.now().getEpochSecond()));
            if (form.get("metadata[hold]") != null) {
                holdMetadata.put(id, form.get("metadata[hold]"));
            }
            savedCards.put(id, new String[]{form.get("customer"), form.get("payment_method")});
            json(exchange, 200, "{\"id\":\"" + id + "\",\"object\":\"payment_intent\",\"amount\":" + amount
                    + ",\"amount_capturable\":" + amount + ",\"capture_method\":\"manual\",\"currency\":\"eur\","
                    + "\"status\":\"requires_capture\",\"customer\":" + quote(form.get("customer"))
                    + ",\"payment_method\":" + quote(form.get("payment_method")) + ",\"livemode\":false,\"metadata\":{}}");
        } else if ("POST".equals(method) && path.matches("/v1/payment_intents/[^/]+/(capture|cancel)")) {
            String id = path.split("/")[3];
            boolean capture = path.endsWith("/capture");
            Intent i = intents.get(id);
            if (i == null || !"requires_capture".equals(i.status())) {
                json(exchange, 400, "{\"error\":{\"code\":\"payment_intent_unexpected_state\",\"message\":"
                        + "\"This PaymentIntent could not be " + (capture ? "captured" : "canceled") + ".\","
                        + "\"type\":\"invalid_request_error\"}}");
                return;
            }
            long captured = capture ? Long.parseLong(form.getOrDefault("amount_to_capture", Long.toString(i.amount()))) : 0;
            holdCalls.add((capture ? "capture " : "cancel ") + id + (capture ? " " + captured : ""));
            String status = capture ? "succeeded" : "canceled";
            intents.put(id, new Intent(i.key(), id, i.amount(), captured, status, null, i.created()));
            json(exchange, 200, "{\"id\":\"" + id + "\",\"object\":\"payment_intent\",\"amount\":" + i.amount()
                    + ",\"amount_received\":" + captured + ",\"currency\":\"eur\",\"status\":\"" + status
                    + "\",\"livemode\":false,\"metadata\":{}}");
        } else if ("POST".equals(method) && "/v1/refunds".equals(path)) {
            Refund r = idempotency == null ? null : refundsByKey.get(idempotency);
            if (r == null) {
                r = new Refund("re_test_" + run + ids.incrementAndGet(), form.get("payment_intent"), Long.parseLong(form.get("amount")),
                        form.get("metadata[reason]"), idempotency);
                refunds.add(r);
                if (idempotency != null) {
                    refundsByKey.put(idempotency, r);
                }
            }
            json(exchange, 200, "{\"id\":\"" + r.id() + "\",\"object\":\"refund\",\"amount\":" + r.amount()
                    + ",\"currency\":\"eur\",\"payment_intent\":\"" + r.intent() + "\",\"charge\":\"ch_" + r.intent()
                    + "\",\"reason\":\"requested_by_customer\",\"status\":\"succeeded\",\"created\":"
                    + Instant.now().getEpochSecond() + "}");
        } else {
            json(exchange, 404, "{\"error\":{\"message\":\"Unrecognized request URL (" + method + ": " + path
                    + ").\",\"type\":\"invalid_request_error\"}}");
        }
    }

    /** A Checkout Session object in the shape of the API reference (the fields Séjour reads and a few more). */
    public String sessionJson(Session s, String status, String paymentStatus, boolean withIntent) {
        return "{\"id\":\"" + s.id() + "\",\"object\":\"checkout.session\",\"amount_total\":" + s.amount()
                + ",\"currency\":\"eur\",\"client_reference_id\":" + quote(s.clientReference()) + ",\"livemode\":false"
                + ",\"metadata\":{\"attempt\":" + quote(s.form().get("metadata[attempt]")) + ",\"dossier\":"
                + quote(s.form().get("metadata[dossier]")) + "},\"mode\":\"payment\",\"payment_intent\":"
                + (withIntent ? quote(s.intent()) : "null") + ",\"payment_status\":\"" + paymentStatus + "\",\"status\":\""
                + status + "\",\"success_url\":" + quote(s.successUrl()) + ",\"cancel_url\":" + quote(s.cancelUrl())
                + ",\"url\":" + quote(status.equals("open") ? "http://127.0.0.1:" + port + "/c/pay/" + s.id() : null) + "}";
    }

    /** A PaymentIntent object carrying the metadata Séjour gave it through payment_intent_data. */
    public String intentJson(Session s, String status, String lastError) {
        return "{\"id\":\"" + s.intent() + "\",\"object\":\"payment_intent\",\"amount\":" + s.amount()
                + ",\"amount_received\":" + ("succeeded".equals(status) ? s.amount() : 0) + ",\"currency\":\"eur\","
                + "\"status\":\"" + status + "\",\"livemode\":false,\"metadata\":{\"attempt\":"
                + quote(s.form().get("payment_intent_data[metadata][attempt]")) + "},\"last_payment_error\":"
                + (lastError == null ? "null" : "{\"message\":" + quote(lastError) + "}") + "}";
    }

    /** A Charge object after refunds: {@code amountRefunded} in all. */
    public static String chargeJson(String intent, long amount, long amountRefunded) {
        return "{\"id\":\"ch_" + intent + "\",\"object\":\"charge\",\"amount\":" + amount + ",\"amount_refunded\":"
                + amountRefunded + ",\"currency\":\"eur\",\"payment_intent\":\"" + intent + "\",\"refunded\":"
                + (amount == amountRefunded) + ",\"livemode\":false}";
    }

    /** An event wrapping {@code object}, as Stripe delivers it. */
    public String event(String type, String object) {
        return event("evt_test_" + run + ids.incrementAndGet(), type, object);
    }

    public static String event(String id, String type, String object) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2025-03-31.basil\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"data\":{\"object\":" + object + "},\"livemode\":false,"
                + "\"pending_webhooks\":1,\"request\":{\"id\":null,\"idempotency_key\":null},\"type\":\"" + type + "\"}";
    }

    /** The Stripe-Signature header for {@code payload} signed at {@code at} with {@code secret}. */
    public static String signature(String payload, String secret, Instant at) {
        long t = at.getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String v1 = HexFormat.of().formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
            return "t=" + t + ",v1=" + v1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delivers an event to an owner's webhook endpoint with the given signature header; answers the status. */
    public HttpResponse<String> deliver(URI endpoint, String payload, String signatureHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signatureHeader != null) {
            request.header("Stripe-Signature", signatureHeader);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private String metadata(Intent i) {
        return i.attempt() != null ? "{\"attempt\":" + quote(i.attempt()) + "}"
                : holdMetadata.containsKey(i.id()) ? "{\"hold\":" + quote(holdMetadata.get(i.id())) + "}" : "{}";
    }

    private static String mask(String key) {
        return key.length() < 12 ? "****" : key.substring(0, 8) + "****" + key.substring(key.length() - 4);
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().add("Request-Id", "req_fake_" + System.nanoTime());
        answer(exchange, status, "application/json", body);
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
