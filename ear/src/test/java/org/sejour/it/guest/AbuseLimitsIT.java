package org.sejour.it.guest;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.it.ServerLog;
import org.sejour.it.TestSettings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the guest side does against abuse, over real HTTP: its pages open no HTTP session (a
 * whole booking paid through them included), a burst from one address is told to retry later
 * (429 with its standard reason phrase, in the guest's language), the API refuses an oversized
 * body before it has arrived, whether its length is declared or it comes chunked, and a JSON
 * body nested 1,200 levels deep is a malformed body, not a server error with a stack trace.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class AbuseLimitsIT {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\"[^>]*? value=\"([^\"]*)\"");
    private static final int TWENTY_MIB = 20 * 1024 * 1024;
    private static final String FRENCH = "fr-FR,fr;q=0.9";

    private final PublicApiClient api = new PublicApiClient();
    /** No cookie store: a session the server opens would show as a Set-Cookie on every answer. */
    private final HttpClient browser = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static String account(Properties owner) {
        return "/api/v1/accounts/" + owner.getProperty("number");
    }

    /** A booking of the owner's gîte through the API, as a widget makes it: its guest token. */
    private String book(Properties owner) {
        String terms = (String) api.get(account(owner) + "/terms").json().get("version");
        PublicApiClient.Answer booked = api.post(account(owner) + "/bookings", "{\"accommodationId\":"
                + owner.getProperty("gite") + ",\"arrival\":\"2027-05-01\",\"nights\":7,\"party\":{\"Adulte\":2},"
                + "\"guest\":{\"firstName\":\"Anne\",\"lastName\":\"Durand\",\"email\":\"anne@example.test\","
                + "\"phone\":\"+33 6 12 34 56 78\",\"country\":\"FR\"},\"acceptedTermsVersion\":\"" + terms + "\"}",
                "Idempotency-Key", PublicApiClient.key());
        assertEquals(201, booked.status(), booked::toString);
        return (String) booked.json().get("guestToken");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(url(path)).header("Accept-Language", FRENCH)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertNoSession(path, page);
        return page;
    }

    /** Submits a Faces form of the page with one of its buttons, as a browser without cookies would. */
    private HttpResponse<String> submit(HttpResponse<String> page, String form, String button)
            throws IOException, InterruptedException {
        String html = page.body();
        int start = html.indexOf("<form id=\"" + form + "\"");
        assertTrue(start >= 0, () -> "no form " + form + " in " + html);
        String markup = html.substring(start, html.indexOf("</form>", start));
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(markup);
        assertTrue(action.find(), markup);
        StringJoiner fields = new StringJoiner("&");
        Matcher hidden = HIDDEN.matcher(markup);
        while (hidden.find()) {
            fields.add(encode(hidden.group(1)) + "=" + encode(hidden.group(2).replace("&amp;", "&")));
        }
        fields.add(encode(button) + "=x");
        // what PrimeFaces' script adds to every postback: the page's script nonce, from its policy
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(page.headers()
                .firstValue("Content-Security-Policy").orElse(""));
        assertTrue(nonce.find(), () -> "no script nonce in the policy of the page holding " + form);
        fields.add("primefaces.nonce=" + encode(nonce.group(1)));
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(url(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", FRENCH)
                .POST(HttpRequest.BodyPublishers.ofString(fields.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertNoSession("the postback of " + form, answer);
        return answer;
    }

    private static void assertNoSession(String what, HttpResponse<?> answer) {
        List<String> cookies = answer.headers().allValues("Set-Cookie");
        assertTrue(cookies.stream().noneMatch(c -> c.startsWith("JSESSIONID")), () -> what + " opened a session: " + cookies);
    }

    private static String location(HttpResponse<?> answer) {
        assertEquals(302, answer.statusCode(), () -> answer.statusCode() + " " + answer.body());
        return answer.headers().firstValue("Location").orElseThrow();
    }

    private static URI url(String path) {
        URI base = URI.create(TestSettings.baseUrl());
        return path.startsWith("http") ? URI.create(path) : base.resolve(path);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void guestPagesOpenNoSessionFromTheSiteToAPaidBooking() throws Exception {
        Properties owner = api.owner("abuse-session", "", "PROD");
        String site = "/site/" + owner.getProperty("number");
        assertEquals(200, get(site).statusCode());
        assertEquals(200, get(site + "/accommodation/" + owner.getProperty("gite") + "?month=2027-05").statusCode());
        HttpResponse<String> german = get(site + "?lang=de");
        assertTrue(german.body().contains("Unsere Unterkünfte"), german::body);
        assertEquals(List.of("sejour-lang=de; Path=/; HttpOnly; SameSite=Lax"), german.headers().allValues("Set-Cookie"),
                "the visit's language is a cookie of its own");
        assertEquals(404, get(site + "/accommodation/" + owner.getProperty("hidden")).statusCode());
        assertEquals(404, get("/nothing/here.xhtml").statusCode());

        // a booking paid through the guest's pages: the payment page, the provider's page, the return
        String token = book(owner);
        HttpResponse<String> pay = get("/pay/" + token);
        assertEquals(200, pay.statusCode());
        String provider = location(submit(pay, "pay", "pay:payNow"));
        assertTrue(provider.contains("/offline-pay/off_"), provider);
        HttpResponse<String> offline = get(provider);
        assertEquals(200, offline.statusCode());
        String back = location(submit(offline, "provider", "provider:succeed"));
        assertTrue(back.contains("/payment/return?attempt="), back);
        String status = location(get(back));
        assertTrue(status.contains("/booking/" + token + "?payment=paid"), status);
        HttpResponse<String> confirmed = get(status);
        assertEquals(200, confirmed.statusCode());
        assertTrue(confirmed.body().contains("Confirmée"), confirmed::body);
    }

    @Test
    void aBurstOfPagesFromOneAddressIsToldToRetryLaterInTheGuestsLanguage() throws Exception {
        Properties owner = api.owner("abuse-pages", "", "PROD");
        String page = "/site/" + owner.getProperty("number");
        String limited = null;
        for (int i = 0; i < 1000 && limited == null; i++) {
            String answer = PublicApiClient.rawGetFrom("127.0.0.88", page, "Accept-Language: de-DE,de;q=0.9\r\n");
            if (answer.startsWith("HTTP/1.1 429")) {
                limited = answer;
            } else {
                assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            }
        }
        assertNotNull(limited, "no 429 after 1000 pages");
        String refused = limited;
        assertTrue(refused.startsWith("HTTP/1.1 429 Too Many Requests\r\n"), "the standard reason phrase: " + refused);
        Matcher retry = Pattern.compile("(?i)\r\nretry-after: (\\d+)\r\n").matcher(refused);
        assertTrue(retry.find() && Integer.parseInt(retry.group(1)) >= 1, refused);
        assertTrue(refused.toLowerCase().contains("content-type: text/html"), refused);
        assertTrue(refused.contains("<html lang=\"de\">") && refused.contains("Zu viele Anfragen"), refused);
        assertFalse(refused.contains("JSESSIONID"), refused);
        assertTrue(PublicApiClient.rawGetFrom("127.0.0.89", page, "").startsWith("HTTP/1.1 200"),
                "other addresses keep their own allowance");
    }

    /**
     * A body declared at 20 MiB is answered 413 before any of it is sent. (Sending some first
     * raced the answer: the server may close the connection before the client's write, which
     * then fails with a broken pipe.)
     */
    @Test
    void anOversizedBodyIsRefusedFromItsContentLengthBeforeItArrives() throws Exception {
        Properties owner = api.owner("abuse-length", "", "PROD");
        try (Socket socket = PublicApiClient.connectFrom("127.0.0.90")) {
            long started = System.nanoTime();
            startBooking(socket, owner, "Content-Length: " + TWENTY_MIB).flush();
            assertTooLarge(answer(socket), started);
        }
        assertEquals(0, PublicApiClient.dossiersOf(owner), "nothing booked");
    }

    /** A chunked body (no length told) is answered 413 once past the limit, while the client is still sending. */
    @Test
    void aChunkedBodyIsRefusedOncePastTheLimitWhileItStillComes() throws Exception {
        Properties owner = api.owner("abuse-chunked", "", "PROD");
        try (Socket socket = PublicApiClient.connectFrom("127.0.0.91")) {
            long started = System.nanoTime();
            OutputStream out = startBooking(socket, owner, "Transfer-Encoding: chunked");
            byte[] chunk = " ".repeat(8192).getBytes(StandardCharsets.US_ASCII);
            // 64 KiB, four times the limit; the last chunk (size 0) is never sent
            for (int i = 0; i < 8; i++) {
                out.write(("2000\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            assertTooLarge(answer(socket), started);
        }
        assertEquals(0, PublicApiClient.dossiersOf(owner), "nothing booked");
    }

    /** Sends the head of a booking request whose body, as {@code bodyHeader} announces it, is for the caller to send. */
    private static OutputStream startBooking(Socket socket, Properties owner, String bodyHeader) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + account(owner) + "/bookings HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                + "application/json\r\nIdempotency-Key: " + PublicApiClient.key() + "\r\n" + bodyHeader
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return out;
    }

    private static void assertTooLarge(String answer, long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.getLogger(AbuseLimitsIT.class.getName()).log(System.Logger.Level.INFO, "413 after {0} ms", millis);
        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("\"type\":\"urn:sejour:problem:payload-too-large\""), answer);
        assertTrue(millis < 3000, millis + " ms: the server waited for the body");
    }

    /**
     * The answer's head and body as far as the server sends them; the client has not finished its
     * request, so a server that waits for the rest never answers and the read times out.
     */
    private static String answer(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                answer.write(buffer, 0, n);
                String text = answer.toString(StandardCharsets.UTF_8);
                if (text.contains("\r\n\r\n") && text.endsWith("}")) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within 10 s while the body was still due; got: " + answer, e);
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aJsonBodyNested1200LevelsDeepIsAMalformedBodyAndLeavesNoStackTrace() throws Exception {
        Properties owner = api.owner("abuse-nesting", "", "PROD");
        ServerLog log = new ServerLog();
        List<String> bodies = new ArrayList<>();
        bodies.add("{\"a\":".repeat(1200) + "1" + "}".repeat(1200));
        bodies.add("{\"accommodationId\":" + owner.getProperty("gite") + ",\"party\":" + "[".repeat(1200)
                + "]".repeat(1200) + "}");
        bodies.add("[".repeat(1200) + "]".repeat(1200));
        for (String body : bodies) {
            assertTrue(body.length() >= 2400 && body.length() < 8000, body.length() + " characters");
            PublicApiClient.Answer quoted = api.post(account(owner) + "/quotes?lang=en", body);
            assertEquals(400, quoted.status(), quoted::toString);
            assertEquals("urn:sejour:problem:malformed-body", quoted.json().get("type"), quoted::toString);
        }
        String logged = log.sinceOpened();
        assertFalse(logged.contains("\tat "), () -> "a stack trace in server.log:\n" + logged);
        assertFalse(logged.contains("SEVERE"), () -> "an error in server.log:\n" + logged);
    }
}
