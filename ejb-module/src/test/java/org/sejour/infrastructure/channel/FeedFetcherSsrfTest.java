package org.sejour.infrastructure.channel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sejour.domain.model.channel.FeedProblem;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The SSRF matrix: every refused class of address, the literal tricks, redirects, DNS rebinding,
 * ports and the deadline, each against real servers on this machine that count what reaches them:
 * a refusal is {@link FeedProblem.Kind#NOT_ALLOWED} (one message for the owner) and 0 requests.
 * The allowed server is 127.0.0.1, allowed as the test domain allows it; the refused one listens
 * on 127.0.0.2 (also loopback, not allowed), on the same port.
 */
class FeedFetcherSsrfTest {

    private static final String FEED = ICalFeedParserTest.fixture("booking.ics");
    private static final Duration DEADLINE = Duration.ofSeconds(2);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> lookups = new CopyOnWriteArrayList<>();
    private LocalServer allowed;
    private LocalServer refused;
    private int port;

    @BeforeEach
    void start() throws IOException {
        allowed = new LocalServer("127.0.0.1", 0).on("/feed.ics", exchange -> LocalServer.send(exchange, 200, FEED));
        port = allowed.port();
        refused = new LocalServer("127.0.0.2", port).on("/", exchange -> LocalServer.send(exchange, 200, FEED));
    }

    @AfterEach
    void stop() {
        allowed.close();
        refused.close();
        timer.shutdownNow();
    }

    /** The test domain's settings: 127.0.0.1 and the unprivileged ports; names looked up by the system, and recorded. */
    private FeedFetcher lab() {
        return fetcher(AddressPolicy.of("127.0.0.1/32", "1024-65535"), host -> {
            lookups.add(host);
            return InetAddress.getAllByName(host);
        });
    }

    private FeedFetcher fetcher(AddressPolicy policy, FeedFetcher.NameLookup names) {
        return new FeedFetcher(new FeedFetcher.Settings(policy, 64 * 1024, DEADLINE), timer, names);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "http://127.0.0.2:{port}/feed.ics",
            "http://2130706434:{port}/feed.ics",          // 127.0.0.2 as one decimal number
            "http://0x7f000002:{port}/feed.ics",          // as one hexadecimal number
            "http://0x7f.0.0.2:{port}/feed.ics",          // hexadecimal first byte
            "http://0177.0.0.2:{port}/feed.ics",          // octal first byte
            "http://127.2:{port}/feed.ics",               // two-part form
            "http://127.000.000.002:{port}/feed.ics",     // zero padding
            "http://[::ffff:127.0.0.2]:{port}/feed.ics",  // IPv4-mapped IPv6
            "http://[::ffff:7f00:2]:{port}/feed.ics",
            "http://[0:0:0:0:0:ffff:127.0.0.2]:{port}/feed.ics",
    })
    void literalsAndTricksLeadingToARefusedAddressAreRefusedWithoutALookup(String template) {
        String url = template.replace("{port}", String.valueOf(port));
        assertEquals(FeedProblem.Kind.NOT_ALLOWED, failure(lab(), url).kind());
        assertEquals(0, refused.requests(), "nothing reached 127.0.0.2");
        assertEquals(List.of(), lookups, "a literal is never looked up");
    }

    /** The add-time check runs the same rules without connecting: the classes no server here can play. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "http://10.1.2.3/feed.ics", "http://172.16.0.1/feed.ics", "http://192.168.1.10/feed.ics",
            "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/feed.ics", "http://0.0.0.0/feed.ics",
            "http://224.0.0.1/feed.ics", "http://255.255.255.255/feed.ics", "http://240.0.0.1/feed.ics",
            "http://[::1]/feed.ics", "http://[::]/feed.ics", "http://[fe80::1]/feed.ics", "http://[fd00::1]/feed.ics",
            "http://[fc00::1]/feed.ics", "http://[ff02::1]/feed.ics", "http://[::ffff:10.0.0.1]/feed.ics",
            "http://[64:ff9b::a9fe:a9fe]/feed.ics", "http://[2002:a9fe:a9fe::1]/feed.ics",
            "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/feed.ics",
            "http://localhost/feed.ics", "http://LOCALHOST./feed.ics",
            "file:///etc/passwd", "gopher://93.184.215.14/", "http://user:secret@93.184.215.14/feed.ics",
            "http://93.184.215.14:8080/feed.ics", "https://93.184.215.14:8443/feed.ics", "http://93.184.215.14:22/",
    })
    void everyRefusedClassIsRefusedWhenTheFeedIsAdded(String url) {
        FeedFetcher strict = fetcher(AddressPolicy.strict(), InetAddress::getAllByName);
        assertEquals(FeedProblem.Kind.NOT_ALLOWED,
                assertThrows(FeedFetcher.FetchException.class, () -> strict.check(url), url).kind());
    }

    @Test
    void publicAddressesOnTheStandardPortsPassTheCheck() throws Exception {
        FeedFetcher strict = fetcher(AddressPolicy.strict(), host -> {
            throw new AssertionError("no look-up for a literal: " + host);
        });
        strict.check("https://93.184.215.14/feed.ics");
        strict.check("http://93.184.215.14:80/feed.ics");
        strict.check("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]:443/feed.ics");
        strict.check("https://[64:ff9b::5db8:d70e]/feed.ics");
    }

    /** A port outside 80/443 is refused before any connection, even on an allowed address. */
    @Test
    void aPortTheOperatorDidNotAllowIsRefusedAndNothingIsFetched() throws Exception {
        FeedFetcher standardPorts = fetcher(AddressPolicy.of("127.0.0.1/32", ""), InetAddress::getAllByName);
        assertEquals(FeedProblem.Kind.NOT_ALLOWED, failure(standardPorts, allowedUrl()).kind());
        assertEquals(0, allowed.requests());
        assertInstanceOf(FeedFetcher.Fetched.class, lab().fetch(allowedUrl(), FeedFetcher.Validators.NONE),
                "the same address with the port allowed");
    }

    @Test
    void aRedirectFromAnAllowedServerToARefusedAddressIsNotFollowed() {
        allowed.on("/to-loopback", exchange -> LocalServer.redirect(exchange, "http://127.0.0.2:" + port + "/feed.ics"))
                .on("/to-decimal", exchange -> LocalServer.redirect(exchange, "http://2130706434:" + port + "/feed.ics"))
                .on("/to-metadata", exchange -> LocalServer.redirect(exchange, "http://169.254.169.254/latest/meta-data/"))
                .on("/to-port", exchange -> LocalServer.redirect(exchange, "http://127.0.0.1:22/"));
        FeedFetcher lab = lab();
        FeedFetcher standardPortsForRedirects = fetcher(AddressPolicy.of("127.0.0.1/32", String.valueOf(port)),
                InetAddress::getAllByName);
        for (String path : new String[]{"/to-loopback", "/to-decimal", "/to-metadata"}) {
            FeedFetcher.FetchException e = failure(lab, "http://127.0.0.1:" + port + path);
            assertEquals(FeedProblem.Kind.NOT_ALLOWED, e.kind(), path + ": " + e.getMessage());
        }
        assertEquals(FeedProblem.Kind.NOT_ALLOWED,
                failure(standardPortsForRedirects, "http://127.0.0.1:" + port + "/to-port").kind());
        assertEquals(4, allowed.requests(), "each first hop was fetched");
        assertEquals(0, refused.requests(), "no redirect reached 127.0.0.2");
    }

    /**
     * DNS rebinding: the name first resolves to the allowed address, then to the refused one.
     * The fetch looks it up once and connects to what it checked; the second answer is never asked for.
     */
    @Test
    void aHostIsLookedUpOnceAndTheCheckedAddressIsTheOneConnectedTo() throws Exception {
        AtomicInteger answers = new AtomicInteger();
        FeedFetcher rebinding = fetcher(AddressPolicy.of("127.0.0.1/32", "1024-65535"), host -> {
            lookups.add(host);
            return new InetAddress[]{InetAddress.getByName(answers.getAndIncrement() == 0 ? "127.0.0.1" : "127.0.0.2")};
        });
        allowed.on("/again", exchange -> LocalServer.redirect(exchange, "http://rebind.example:" + port + "/feed.ics"));
        FeedFetcher.Fetched fetched = assertInstanceOf(FeedFetcher.Fetched.class,
                rebinding.fetch("http://rebind.example:" + port + "/again", FeedFetcher.Validators.NONE));
        assertEquals(FEED, fetched.body());
        assertEquals(List.of("rebind.example"), lookups, "one look-up, also across a redirect to the same host");
        assertEquals(2, allowed.requests());
        assertEquals(0, refused.requests());
    }

    /** A name whose addresses are not all allowed is refused, even if one of them is. */
    @Test
    void aNameWithOneRefusedAddressAmongOthersIsRefused() {
        FeedFetcher mixed = fetcher(AddressPolicy.of("127.0.0.1/32", "1024-65535"), host -> new InetAddress[]{
                InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2")});
        FeedFetcher.FetchException e = failure(mixed, "http://mixed.example:" + port + "/feed.ics");
        assertEquals(FeedProblem.Kind.NOT_ALLOWED, e.kind());
        assertTrue(e.getMessage().contains("127.0.0.2"), e.getMessage());
        assertEquals(0, allowed.requests() + refused.requests());
    }

    /** This machine's own non-loopback address, with a server on it: refused as an address of this machine. */
    @Test
    void theMachinesOwnAddressIsRefusedAndNothingIsFetched() throws Exception {
        Optional<InetAddress> own = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
        assumeTrue(own.isPresent(), "no non-loopback IPv4 address on this machine");
        try (LocalServer self = new LocalServer(own.get().getHostAddress(), 0)
                .on("/", exchange -> LocalServer.send(exchange, 200, FEED))) {
            FeedFetcher.FetchException e = failure(lab(), "http://" + own.get().getHostAddress() + ":" + self.port() + "/");
            assertEquals(FeedProblem.Kind.NOT_ALLOWED, e.kind());
            assertTrue(e.getMessage().contains("an address of this machine"), e.getMessage());
            assertEquals(0, self.requests());
        }
    }

    /** IPv6 loopback with a server on it: refused, nothing fetched. */
    @Test
    void ipv6LoopbackIsRefusedAndNothingIsFetched() throws Exception {
        LocalServer v6;
        try {
            v6 = new LocalServer("::1", 0).on("/", exchange -> LocalServer.send(exchange, 200, FEED));
        } catch (IOException noIpv6) {
            assumeTrue(false, "no IPv6 loopback here: " + noIpv6);
            return;
        }
        try (v6) {
            assertEquals(FeedProblem.Kind.NOT_ALLOWED, failure(lab(), "http://[::1]:" + v6.port() + "/").kind());
            assertEquals(FeedProblem.Kind.NOT_ALLOWED,
                    failure(lab(), "http://[0:0:0:0:0:0:0:1]:" + v6.port() + "/").kind());
            assertEquals(0, v6.requests());
        }
    }

    /** Headers at once, then one byte every 3 s: the fetch is cut at its deadline, not at the end of the body. */
    @Test
    void aTricklingBodyIsCutAtTheDeadline() {
        allowed.on("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 10; i++) {
                    out.write('B');
                    out.flush();
                    Thread.sleep(3000);
                }
            } catch (IOException | InterruptedException cut) {
                // the client went away: what the test expects
            }
        });
        assertCutAtTheDeadline("/trickle");
    }

    /** A server that accepts and never answers: cut at the deadline too. */
    @Test
    void aServerThatNeverAnswersIsCutAtTheDeadline() {
        allowed.on("/silent", exchange -> {
            try {
                Thread.sleep(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        assertCutAtTheDeadline("/silent");
    }

    private void assertCutAtTheDeadline(String path) {
        long start = System.nanoTime();
        FeedFetcher.FetchException e = failure(lab(), "http://127.0.0.1:" + port + path);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(FeedProblem.Kind.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().contains("within 2 s"), e.getMessage());
        assertTrue(millis >= DEADLINE.toMillis() - 50 && millis < DEADLINE.toMillis() + 1000,
                "cut after " + millis + " ms, deadline " + DEADLINE.toMillis() + " ms");
    }

    private String allowedUrl() {
        return "http://127.0.0.1:" + port + "/feed.ics";
    }

    private static FeedFetcher.FetchException failure(FeedFetcher fetcher, String url) {
        return assertThrows(FeedFetcher.FetchException.class, () -> fetcher.fetch(url, FeedFetcher.Validators.NONE), url);
    }
}
