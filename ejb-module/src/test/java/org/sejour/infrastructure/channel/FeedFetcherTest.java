package org.sejour.infrastructure.channel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fetcher against a real HTTP server on loopback (allowed here, refused by default). */
class FeedFetcherTest {

    private static final String FEED = ICalFeedParserTest.fixture("booking.ics");
    private HttpServer server;
    private String base;
    private final FeedFetcher fetcher = new FeedFetcher(
            new FeedFetcher.Settings(true, 64 * 1024, Duration.ofSeconds(2), Duration.ofSeconds(2)));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.ics", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.getResponseHeaders().add("Last-Modified", "Wed, 01 Sep 2027 08:00:00 GMT");
            send(exchange, 200, FEED);
        });
        server.createContext("/moved", exchange -> redirect(exchange, "/feed.ics"));
        server.createContext("/r1", exchange -> redirect(exchange, "/r2"));
        server.createContext("/r2", exchange -> redirect(exchange, "/r3"));
        server.createContext("/r3", exchange -> redirect(exchange, "/r4"));
        server.createContext("/r4", exchange -> redirect(exchange, "/feed.ics"));
        server.createContext("/to-file", exchange -> redirect(exchange, "file:///etc/passwd"));
        server.createContext("/broken", exchange -> send(exchange, 503, "down"));
        server.createContext("/huge", exchange -> send(exchange, 200, "X".repeat(200 * 1024)));
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(4000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 200, FEED);
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void aFeedIsFetchedWithItsValidatorsThenAnsweredNotModified() throws Exception {
        FeedFetcher.Fetched first = assertInstanceOf(FeedFetcher.Fetched.class,
                fetcher.fetch(base + "/feed.ics", FeedFetcher.Validators.NONE));
        assertEquals(FEED, first.body());
        assertEquals("\"v1\"", first.validators().etag());
        assertEquals("Wed, 01 Sep 2027 08:00:00 GMT", first.validators().lastModified());
        assertInstanceOf(FeedFetcher.NotModified.class, fetcher.fetch(base + "/feed.ics", first.validators()));
    }

    @Test
    void upToThreeRedirectsAreFollowedAndAFourthIsRefused() throws Exception {
        assertInstanceOf(FeedFetcher.Fetched.class, fetcher.fetch(base + "/moved", FeedFetcher.Validators.NONE));
        assertInstanceOf(FeedFetcher.Fetched.class, fetcher.fetch(base + "/r2", FeedFetcher.Validators.NONE));
        FeedFetcher.FetchException tooMany = assertThrows(FeedFetcher.FetchException.class,
                () -> fetcher.fetch(base + "/r1", FeedFetcher.Validators.NONE));
        assertTrue(tooMany.getMessage().contains("redirects"), tooMany.getMessage());
    }

    @Test
    void httpErrorsSizeAndTimeAreReportedNotSwallowed() {
        assertEquals("HTTP 503", assertThrows(FeedFetcher.FetchException.class,
                () -> fetcher.fetch(base + "/broken", FeedFetcher.Validators.NONE)).getMessage());
        assertTrue(assertThrows(FeedFetcher.FetchException.class,
                () -> fetcher.fetch(base + "/huge", FeedFetcher.Validators.NONE)).getMessage().contains("KiB"));
        assertTrue(assertThrows(FeedFetcher.FetchException.class,
                () -> fetcher.fetch(base + "/slow", FeedFetcher.Validators.NONE)).getMessage().contains("timed out"));
    }

    @Test
    void onlyHttpAndHttpsAreFetchedEvenAfterARedirect() {
        assertThrows(FeedFetcher.FetchException.class, () -> fetcher.fetch("file:///etc/passwd",
                FeedFetcher.Validators.NONE));
        assertThrows(FeedFetcher.FetchException.class, () -> fetcher.fetch("ftp://example.org/feed.ics",
                FeedFetcher.Validators.NONE));
        assertThrows(FeedFetcher.FetchException.class, () -> fetcher.fetch(base + "/to-file",
                FeedFetcher.Validators.NONE));
    }

    @Test
    void privateAndLocalAddressesAreRefusedUnlessTheOperatorAllowsThem() throws Exception {
        FeedFetcher strict = new FeedFetcher(
                new FeedFetcher.Settings(false, 64 * 1024, Duration.ofSeconds(2), Duration.ofSeconds(2)));
        for (String host : new String[]{"127.0.0.1", "localhost", "10.1.2.3", "192.168.1.10", "172.16.0.1",
                "169.254.169.254", "[::1]", "[fd00::1]", "100.64.0.1", "0.0.0.0"}) {
            FeedFetcher.FetchException refused = assertThrows(FeedFetcher.FetchException.class,
                    () -> strict.fetch("http://" + host + "/feed.ics", FeedFetcher.Validators.NONE), host);
            assertTrue(refused.getMessage().contains("private"), host + ": " + refused.getMessage());
        }
        assertFalse(FeedFetcher.isPrivate(InetAddress.getByName("93.184.215.14")), "a public address passes");
        assertTrue(FeedFetcher.isPrivate(InetAddress.getByName("::ffff:10.0.0.1")), "IPv4-mapped private");
        // user@host addresses are refused: they smuggle credentials and confuse naive host checks
        FeedFetcher.FetchException userInfo = assertThrows(FeedFetcher.FetchException.class,
                () -> strict.fetch("http://user@93.184.215.14/feed.ics", FeedFetcher.Validators.NONE));
        assertTrue(userInfo.getMessage().contains("user"));
    }
}
