package org.sejour.infrastructure.channel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sejour.domain.model.channel.FeedProblem;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * DNS names that lead to loopback, resolved by the JDK's own resolver: this JVM reads
 * src/test/resources/channels/hosts instead of DNS (calendar.example is 127.0.0.1,
 * other-calendar.example 127.0.0.2), so the names are real look-ups, not a stub.
 */
class FeedFetcherNamesTest {

    private static final String FEED = ICalFeedParserTest.fixture("booking.ics");
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private LocalServer loopback;
    private LocalServer other;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(System.getProperty("jdk.net.hosts.file") != null,
                "runs in the surefire execution that sets jdk.net.hosts.file (feed-names)");
        loopback = new LocalServer("127.0.0.1", 0).on("/feed.ics", exchange -> LocalServer.send(exchange, 200, FEED));
        other = new LocalServer("127.0.0.2", loopback.port()).on("/", exchange -> LocalServer.send(exchange, 200, FEED));
    }

    @AfterEach
    void stop() {
        if (loopback != null) {
            loopback.close();
            other.close();
        }
        timer.shutdownNow();
    }

    private FeedFetcher fetcher(String allowedNetworks) {
        return new FeedFetcher(new FeedFetcher.Settings(AddressPolicy.of(allowedNetworks, "1024-65535"), 64 * 1024,
                Duration.ofSeconds(2)), timer);
    }

    @Test
    void aNameResolvingToLoopbackIsRefusedAndNothingIsFetched() throws Exception {
        String url = "http://calendar.example:" + loopback.port() + "/feed.ics";
        FeedFetcher.FetchException refused = assertThrows(FeedFetcher.FetchException.class,
                () -> fetcher("").fetch(url, FeedFetcher.Validators.NONE));
        assertEquals(FeedProblem.Kind.NOT_ALLOWED, refused.kind());
        assertTrue(refused.getMessage().startsWith("calendar.example resolves to 127.0.0.1: "), refused.getMessage());
        assertEquals(FeedProblem.Kind.NOT_ALLOWED,
                assertThrows(FeedFetcher.FetchException.class, () -> fetcher("").check(url)).kind());
        assertEquals(0, loopback.requests());

        // the same name where the operator allows 127.0.0.1: the name really leads there
        assertInstanceOf(FeedFetcher.Fetched.class, fetcher("127.0.0.1/32").fetch(url, FeedFetcher.Validators.NONE));
        assertEquals(1, loopback.requests());
    }

    @Test
    void aRedirectToANameResolvingToARefusedAddressIsNotFollowed() {
        loopback.on("/moved", exchange -> LocalServer.redirect(exchange,
                "http://other-calendar.example:" + loopback.port() + "/feed.ics"));
        FeedFetcher.FetchException refused = assertThrows(FeedFetcher.FetchException.class, () -> fetcher("127.0.0.1/32")
                .fetch("http://calendar.example:" + loopback.port() + "/moved", FeedFetcher.Validators.NONE));
        assertEquals(FeedProblem.Kind.NOT_ALLOWED, refused.kind());
        assertEquals(1, loopback.requests());
        assertEquals(0, other.requests());
    }
}
