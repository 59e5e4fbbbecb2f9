package org.sejour.infrastructure.channel;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.sejour.domain.model.channel.FeedProblem;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Fetches a feed without becoming a tool for server-side request forgery:
 * <ul>
 * <li>http and https only, no user@host, ports 80 and 443 unless the operator allows more;</li>
 * <li>each host is resolved once per fetch, every address it resolves to must pass the
 * {@link AddressPolicy}, and the HTTP client is handed exactly those addresses (its
 * {@link DnsResolver} never asks DNS again), so a host cannot answer differently between the
 * check and the connection (DNS rebinding). TLS still checks the certificate against the name;</li>
 * <li>numeric host names other than plain dotted quads (2130706433, 0x7f.1, 0177.0.0.1) are
 * refused: resolvers read them in different ways;</li>
 * <li>redirects are followed here, at most {@link #MAX_REDIRECTS}, each hop checked the same way;</li>
 * <li>one deadline for the whole fetch (connect, headers, body, every hop): a timer cuts the
 * connection when it passes, so a body trickling a byte at a time cannot hold the sync;</li>
 * <li>the body is cut off past a size limit.</li>
 * </ul>
 * A refusal or failure carries the kind the owner is shown ({@link FeedProblem.Kind}) and a
 * detail for the server log (host and address, never the path or query, which hold the
 * platform's secret token).
 */
public class FeedFetcher {

    public static final int MAX_REDIRECTS = 3;
    private static final Duration MAX_CONNECT = Duration.ofSeconds(10);
    private static final Duration BACKSTOP = Duration.ofSeconds(1);
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    // a last label of digits, or a 0x label: a number to some resolvers (inet_aton), never a DNS name
    private static final Pattern NUMERIC_HOST = Pattern.compile("(.*\\.)?\\d+|(.*\\.)?0x[0-9a-f]*(\\..*)?");

    /** Tuning: where feeds may be fetched from, how much, and the deadline of one fetch. */
    public record Settings(AddressPolicy policy, int maxBytes, Duration deadline) {
        public Settings {
            Objects.requireNonNull(policy, "address policy is required");
            Objects.requireNonNull(deadline, "deadline is required");
            if (maxBytes < 1024) {
                throw new IllegalArgumentException("maxBytes too small: " + maxBytes);
            }
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("deadline must be positive: " + deadline);
            }
        }
    }

    /** What the previous successful fetch answered, sent back as If-None-Match / If-Modified-Since. */
    public record Validators(String etag, String lastModified) {
        public static final Validators NONE = new Validators(null, null);
    }

    public sealed interface Outcome permits NotModified, Fetched {
    }

    public record NotModified() implements Outcome {
    }

    public record Fetched(String body, Validators validators) implements Outcome {
    }

    /** Why a fetch gave nothing usable: the kind is for the owner, the message for the server log only. */
    public static class FetchException extends Exception {
        private static final long serialVersionUID = 1L;
        private final FeedProblem.Kind kind;

        public FetchException(FeedProblem.Kind kind, String detail) {
            super(detail);
            this.kind = Objects.requireNonNull(kind, "kind is required");
        }

        public FeedProblem.Kind kind() {
            return kind;
        }
    }

    /** The system's name lookup; tests give another one to play a rebinding DNS server. */
    interface NameLookup {
        InetAddress[] lookup(String host) throws UnknownHostException;
    }

    private final Settings settings;
    private final ScheduledExecutorService timer;
    private final NameLookup names;
    private final TlsSocketStrategy tls = DefaultClientTlsStrategy.createSystemDefault();

    /** @param timer runs the deadline of each fetch (a managed executor in the server) */
    public FeedFetcher(Settings settings, ScheduledExecutorService timer) {
        this(settings, timer, InetAddress::getAllByName);
    }

    FeedFetcher(Settings settings, ScheduledExecutorService timer, NameLookup names) {
        this.settings = Objects.requireNonNull(settings, "settings are required");
        this.timer = Objects.requireNonNull(timer, "timer is required");
        this.names = Objects.requireNonNull(names, "name lookup is required");
    }

    /** Every check of a fetch, without fetching: for the owner's form, before the feed is stored. */
    public void check(String url) throws FetchException {
        new Resolution().check(parse(url));
    }

    public Outcome fetch(String url, Validators previous) throws FetchException {
        URI uri = parse(url);
        Resolution resolution = new Resolution();
        try (Attempt attempt = new Attempt(resolution)) {
            for (int hop = 0; ; hop++) {
                resolution.check(uri);
                try (CloseableHttpResponse response = attempt.send(uri, previous)) {
                    int status = response.getCode();
                    if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                        if (hop >= MAX_REDIRECTS) {
                            throw new FetchException(FeedProblem.Kind.UNREACHABLE,
                                    "more than " + MAX_REDIRECTS + " redirects, last from " + uri.getHost());
                        }
                        Header location = response.getFirstHeader("Location");
                        if (location == null) {
                            throw new FetchException(FeedProblem.Kind.UNREACHABLE,
                                    "HTTP " + status + " without Location from " + uri.getHost());
                        }
                        uri = uri.resolve(parse(location.getValue()));
                        continue;
                    }
                    if (status == 304) {
                        return new NotModified();
                    }
                    if (status != 200) {
                        throw new FetchException(FeedProblem.Kind.UNREACHABLE, "HTTP " + status + " from " + uri.getHost());
                    }
                    String body = read(response.getEntity());
                    return new Fetched(body, new Validators(value(response.getFirstHeader("ETag")),
                            value(response.getFirstHeader("Last-Modified"))));
                } catch (IOException e) {
                    throw attempt.failure(uri, e);
                }
            }
        }
    }

    private String read(HttpEntity entity) throws IOException, FetchException {
        if (entity == null) {
            return "";
        }
        if (entity.getContentLength() > settings.maxBytes()) {
            throw tooLarge();
        }
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes(settings.maxBytes() + 1);
            if (bytes.length > settings.maxBytes()) {
                throw tooLarge();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private FetchException tooLarge() {
        return new FetchException(FeedProblem.Kind.TOO_LARGE, "larger than " + settings.maxBytes() / 1024 + " KiB");
    }

    private static String value(Header header) {
        return header == null ? null : header.getValue();
    }

    private static URI parse(String url) throws FetchException {
        try {
            return new URI(Objects.requireNonNull(url).strip());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new FetchException(FeedProblem.Kind.NOT_ALLOWED, "not a valid address");
        }
    }

    private static FetchException refused(String detail) {
        return new FetchException(FeedProblem.Kind.NOT_ALLOWED, detail);
    }

    /**
     * One fetch's look-ups: each host resolved once and every one of its addresses checked. As
     * the client's resolver it hands back only what it checked, and nothing for a host it did not.
     */
    private final class Resolution implements DnsResolver {

        private final Map<String, InetAddress[]> checked = new HashMap<>();

        void check(URI uri) throws FetchException {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw refused("scheme " + scheme + " is not fetched");
            }
            if (uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw refused("no host, or a user name in the address");
            }
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            if (!settings.policy().portAllowed(port)) {
                throw refused("port " + port + " of " + uri.getHost() + " is not allowed");
            }
            String host = normalised(uri.getHost());
            if (checked.containsKey(host)) {
                return;
            }
            InetAddress[] addresses = literal(host).map(a -> new InetAddress[]{a}).orElse(null);
            String leadsTo = addresses != null ? " is " : " resolves to ";
            if (addresses == null) {
                try {
                    addresses = names.lookup(host);
                } catch (UnknownHostException e) {
                    throw new FetchException(FeedProblem.Kind.UNREACHABLE, "unknown host " + host);
                }
            }
            for (InetAddress address : addresses) {
                Optional<String> refusal = settings.policy().refusal(address);
                if (refusal.isPresent()) {
                    throw refused(host + leadsTo + address.getHostAddress() + ": " + refusal.get());
                }
            }
            if (addresses.length == 0) {
                throw new FetchException(FeedProblem.Kind.UNREACHABLE, "no address for " + host);
            }
            checked.put(host, addresses);
        }

        private Optional<InetAddress> literal(String host) throws FetchException {
            try {
                if (host.contains(":") || DOTTED_QUAD.matcher(host).matches()) {
                    return Optional.of(InetAddress.getByName(host)); // a literal: no look-up
                }
            } catch (UnknownHostException e) {
                throw refused("not an IP address: " + host);
            }
            if (NUMERIC_HOST.matcher(host).matches()) {
                throw refused("numeric host name " + host);
            }
            return Optional.empty();
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = checked.get(normalised(host));
            if (addresses == null) {
                throw new UnknownHostException(host + " was not checked");
            }
            return addresses.clone();
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            return Arrays.stream(resolve(host)).map(a -> new InetSocketAddress(a, port)).collect(Collectors.toList());
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host; // never a second look-up
        }

        private static String normalised(String host) {
            String h = host.toLowerCase(Locale.ROOT);
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        }
    }

    /**
     * The HTTP side of one fetch: a client that connects only through its {@link Resolution},
     * one connection at a time, and a timer that cuts it at the deadline.
     */
    private final class Attempt implements AutoCloseable {

        private final long deadline = System.nanoTime() + settings.deadline().toNanos();
        private final CloseableHttpClient client;
        private final ScheduledFuture<?> cut;
        private volatile HttpGet current;
        private volatile boolean expired;

        Attempt(Resolution resolution) {
            BasicHttpClientConnectionManager connections = BasicHttpClientConnectionManager.create(DefaultSchemePortResolver.INSTANCE, resolution,
                    RegistryBuilder.<TlsSocketStrategy>create().register("https", tls).build(),
                    ManagedHttpClientConnectionFactory.INSTANCE);
            Duration connect = settings.deadline().compareTo(MAX_CONNECT) < 0 ? settings.deadline() : MAX_CONNECT;
            // the socket's own timeouts are only a backstop: the timer cuts first
            connections.setConnectionConfig(ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(connect))
                    .setSocketTimeout(Timeout.of(settings.deadline().plus(BACKSTOP)))
                    .build());
            client = HttpClients.custom()
                    .setConnectionManager(connections)
                    .disableRedirectHandling() // followed by hand, each hop checked
                    .disableAutomaticRetries()
                    .disableCookieManagement()
                    .disableAuthCaching()
                    .setUserAgent("Sejour-Channels/1.0")
                    .build();
            cut = timer.schedule(this::expire, settings.deadline().toNanos(), TimeUnit.NANOSECONDS);
        }

        CloseableHttpResponse send(URI uri, Validators previous) throws IOException {
            HttpGet request = new HttpGet(uri);
            request.setConfig(RequestConfig.custom()
                    .setResponseTimeout(Timeout.ofNanoseconds(Math.max(1, deadline - System.nanoTime())
                            + BACKSTOP.toNanos()))
                    .setProtocolUpgradeEnabled(false)
                    .build());
            request.addHeader("Accept", "text/calendar, */*;q=0.5");
            Optional.ofNullable(previous.etag()).ifPresent(tag -> request.addHeader("If-None-Match", tag));
            Optional.ofNullable(previous.lastModified()).ifPresent(date -> request.addHeader("If-Modified-Since", date));
            current = request;
            if (expired) {
                throw new IOException("deadline passed before the request");
            }
            return client.execute(request, HttpClientContext.create());
        }

        private void expire() {
            expired = true;
            HttpGet request = current;
            if (request != null) {
                request.cancel(); // closes the connection: a blocked connect, handshake or read ends at once
            }
        }

        FetchException failure(URI uri, IOException e) {
            if (expired || System.nanoTime() - deadline >= 0) {
                return new FetchException(FeedProblem.Kind.UNREACHABLE, "no complete answer from " + uri.getHost()
                        + " within " + settings.deadline().toSeconds() + " s");
            }
            return new FetchException(FeedProblem.Kind.UNREACHABLE,
                    "cannot fetch from " + uri.getHost() + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        }

        @Override
        public void close() {
            cut.cancel(false);
            client.close(CloseMode.IMMEDIATE);
        }
    }
}
