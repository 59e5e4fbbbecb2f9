package org.sejour.infrastructure.channel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sejour.domain.model.channel.FeedProblem;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The fetcher against a real HTTP server on 127.0.0.1, allowed here as the test domain allows it
 * (sejour.channels.allowed-networks=127.0.0.1/32, ephemeral ports). The refusals are in
 * {@link FeedFetcherSsrfTest}.
 */
class FeedFetcherTest {

    private static final String FEED = ICalFeedParserTest.fixture("booking.ics");
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final FeedFetcher fetcher = new FeedFetcher(new FeedFetcher.Settings(
            AddressPolicy.of("127.0.0.1/32", "1024-65535"), 64 * 1024, Duration.ofSeconds(3)), timer);
    private LocalServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer("127.0.0.1", 0)
                .on("/feed.ics", exchange -> {
                    if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                        exchange.sendResponseHeaders(304, -1);
                        exchange.close();
                        return;
                    }
                    exchange.getResponseHeaders().add("ETag", "\"v1\"");
                    exchange.getResponseHeaders().add("Last-Modified", "Wed, 01 Sep 2027 08:00:00 GMT");
                    LocalServer.send(exchange, 200, FEED);
                })
                .on("/moved", exchange -> LocalServer.redirect(exchange, "/feed.ics"))
                .on("/r1", exchange -> LocalServer.redirect(exchange, "/r2"))
                .on("/r2", exchange -> LocalServer.redirect(exchange, "/r3"))
                .on("/r3", exchange -> LocalServer.redirect(exchange, "/r4"))
                .on("/r4", exchange -> LocalServer.redirect(exchange, "/feed.ics"))
                .on("/to-file", exchange -> LocalServer.redirect(exchange, "file:///etc/passwd"))
                .on("/broken", exchange -> LocalServer.send(exchange, 503, "down"))
                .on("/missing", exchange -> LocalServer.send(exchange, 404, "not found"))
                .on("/huge", exchange -> LocalServer.send(exchange, 200, "X".repeat(200 * 1024)));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
        timer.shutdownNow();
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
        int before = server.requests();
        assertEquals(FeedProblem.Kind.UNREACHABLE, kindOf(base + "/r1"));
        assertEquals(4, server.requests() - before, "the fourth redirect is not followed");
    }

    /**
     * An HTTP error and a refused connection are one kind for the owner: the page must not tell
     * an open port from a closed one. The log keeps the difference.
     */
    @Test
    void httpErrorsRefusedConnectionsAndSizeAreReportedByKind() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        FeedFetcher.FetchException http = failure(base + "/missing");
        FeedFetcher.FetchException refused = failure("http://127.0.0.1:" + closedPort + "/feed.ics");
        assertEquals(FeedProblem.Kind.UNREACHABLE, http.kind());
        assertEquals(FeedProblem.Kind.UNREACHABLE, refused.kind());
        assertEquals("HTTP 404 from 127.0.0.1", http.getMessage(), "the detail, for the log");
        assertEquals(FeedProblem.Kind.UNREACHABLE, kindOf(base + "/broken"));
        assertEquals(FeedProblem.Kind.TOO_LARGE, kindOf(base + "/huge"));
    }

    @Test
    void onlyHttpAndHttpsAreFetchedEvenAfterARedirect() {
        assertEquals(FeedProblem.Kind.NOT_ALLOWED, kindOf("file:///etc/passwd"));
        assertEquals(FeedProblem.Kind.NOT_ALLOWED, kindOf("ftp://127.0.0.1/feed.ics"));
        assertEquals(FeedProblem.Kind.NOT_ALLOWED, kindOf(base + "/to-file"));
        // user@host addresses smuggle credentials and confuse naive host checks
        assertEquals(FeedProblem.Kind.NOT_ALLOWED, kindOf("http://user@127.0.0.1:" + server.port() + "/feed.ics"));
    }

    private FeedProblem.Kind kindOf(String url) {
        return failure(url).kind();
    }

    private FeedFetcher.FetchException failure(String url) {
        return assertThrows(FeedFetcher.FetchException.class, () -> fetcher.fetch(url, FeedFetcher.Validators.NONE), url);
    }
}
