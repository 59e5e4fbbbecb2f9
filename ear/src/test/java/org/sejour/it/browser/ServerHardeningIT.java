package org.sejour.it.browser;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;
import org.sejour.it.TestSettings;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The server as ./sejour configures it (server-config/lib/payara.sh), probed from outside as an
 * attacker would: the admin port asks for the generated password and listens on loopback only,
 * no header names the server, metrics are not public, and the pages carry their security headers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ServerHardeningIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int ADMIN_PORT = Integer.parseInt(TestSettings.required("payara.adminPort"));
    private static final int HTTP_PORT = Integer.parseInt(TestSettings.required("sejour.test.httpPort"));
    private static final String POOL_PROPERTIES = "/management/domain/resources/jdbc-connection-pool/sejourPool/property";

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void adminPortAsksForTheGeneratedPassword() throws Exception {
        URI pool = URI.create("http://127.0.0.1:" + ADMIN_PORT + POOL_PROPERTIES);
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(pool).header("Accept", "application/json"));
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertFalse(anonymous.body().contains(TestSettings.credential("db.password")), "the database password leaked");

        HttpResponse<String> wrong = send(HttpRequest.newBuilder(pool).header("Accept", "application/json")
                .header("Authorization", basic("admin", "admin")));
        assertEquals(401, wrong.statusCode(), wrong.body());

        // the password the script generated opens it: the 401s above are about the password
        HttpResponse<String> admin = send(HttpRequest.newBuilder(pool).header("Accept", "application/json")
                .header("Authorization", basic("admin", TestSettings.credential("admin.password"))));
        assertEquals(200, admin.statusCode(), admin.body());
    }

    @Test
    void onlyTheHttpListenerIsReachableFromAnotherAddress() throws IOException {
        Optional<InetAddress> outside = nonLoopbackAddress();
        assumeTrue(outside.isPresent(), "this machine has no address other than loopback");
        InetAddress address = outside.get();
        // the public listener answers there, so the address is reachable at all
        try (Socket ignored = connect(address, HTTP_PORT)) {
            assertTrue(ignored.isConnected());
        }
        int base = ADMIN_PORT - 48;
        // admin, IIOP, Data Grid (DAS port), message broker, JMX, spare HTTPS, metrics
        for (int port : List.of(ADMIN_PORT, base + 37, base + 49, base + 76, base + 86, base + 81, base + 85)) {
            assertThrows(ConnectException.class, () -> connect(address, port).close(),
                    "port " + port + " is reachable on " + address.getHostAddress());
        }
    }

    @Test
    void metricsAreNotPublicButTheOperationsListenerHasThem() throws Exception {
        assertEquals(404, get(TestSettings.baseUrl() + "metrics").statusCode());
        HttpResponse<String> loopback = get("http://127.0.0.1:" + (ADMIN_PORT - 48 + 85) + "/metrics");
        assertEquals(200, loopback.statusCode());
        assertTrue(loopback.body().contains("# TYPE ") && loopback.body().contains("connection_pool_sejourPool"),
                loopback.body().substring(0, Math.min(300, loopback.body().length())));
        assertEquals(200, get(TestSettings.baseUrl() + "openapi").statusCode(), "the API description stays public");
    }

    @Test
    void theLoginPageCarriesItsSecurityHeaders() throws Exception {
        HttpResponse<String> login = get(TestSettings.baseUrl() + "login.xhtml");
        assertEquals(200, login.statusCode());
        assertNoBanner(login);
        assertPagePolicy(login);
        assertEquals("same-origin", header(login, "Referrer-Policy"));
        String cookie = header(login, "Set-Cookie");
        assertTrue(cookie.startsWith("JSESSIONID="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax") && !cookie.matches(".*SameSite=(?!Lax).*"), cookie);
        assertFalse(login.headers().firstValue("Strict-Transport-Security").isPresent(),
                "HSTS only when Séjour is served over HTTPS (SEJOUR_COOKIE_SECURE)");
    }

    @Test
    void aBackOfficePageCarriesItsPolicyAndTheBrowserRunsItWithoutViolation() throws Exception {
        Browser browser = browsers.open();
        browser.open("login.xhtml");
        browser.loginAsOperator();
        Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
        HttpResponse<String> owners = send(HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + "operator/owners.xhtml"))
                .header("Cookie", "JSESSIONID=" + session.getValue()));
        assertEquals(200, owners.statusCode());
        assertTrue(owners.body().contains("create:newLogin"), "the operator's page itself");
        assertNoBanner(owners);
        assertPagePolicy(owners);
        // every script of the page runs under the policy: the page's own widgets work
        browser.type("create:newLogin", "csp-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
        // Browsers fails the test on any policy violation the console reports (Browsers.afterEach)
    }

    @Test
    void guestPagesAndTheApiCarryTheirHeaders() throws Exception {
        int number;
        try (SiteFixture fixture = new SiteFixture()) {
            number = fixture.account(true, "Hardening").number();
        }
        HttpResponse<String> site = get(TestSettings.baseUrl() + "site/" + number);
        assertEquals(200, site.statusCode(), site.body());
        assertNoBanner(site);
        assertPagePolicy(site);

        // a guest's payment and booking pages hold their key in the URL: it must not leave as a Referer
        String token = "g" + UUID.randomUUID().toString().replace("-", "");
        for (String path : List.of("pay/" + token, "booking/" + token)) {
            HttpResponse<String> page = get(TestSettings.baseUrl() + path);
            assertEquals("no-referrer", header(page, "Referrer-Policy"), path);
            assertEquals("nosniff", header(page, "X-Content-Type-Options"), path);
            assertNoBanner(page);
        }

        HttpResponse<String> api = get(TestSettings.baseUrl() + "api/v1/accounts/" + number + "/accommodations");
        assertEquals("nosniff", header(api, "X-Content-Type-Options"));
        assertNoBanner(api);
    }

    private static void assertNoBanner(HttpResponse<?> response) {
        assertFalse(response.headers().firstValue("Server").isPresent(), "Server: " + response.headers().firstValue("Server"));
        assertFalse(response.headers().firstValue("X-Powered-By").isPresent(),
                "X-Powered-By: " + response.headers().firstValue("X-Powered-By"));
    }

    private static void assertPagePolicy(HttpResponse<?> page) {
        String policy = header(page, "Content-Security-Policy");
        assertTrue(policy.matches(".*script-src 'self' 'nonce-[A-Za-z0-9+/=_-]{16,}'.*"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertTrue(policy.contains("object-src 'none'"), policy);
        assertFalse(policy.contains("unsafe-eval"), policy);
        assertEquals("nosniff", header(page, "X-Content-Type-Options"));
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Socket connect(InetAddress address, int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(address, port), 3000);
        return socket;
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
    }
}
