package org.sejour.infrastructure.channel;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Fetches a feed without becoming a tool for server-side request forgery: http and https
 * only; every address the host resolves to must be public unless the operator allows private
 * ones; redirects are followed here, at most {@link #MAX_REDIRECTS}, each hop checked again;
 * the body is cut off past a size limit; connection and whole-request timeouts. Conditional
 * GET with the validators of the previous answer.
 */
public class FeedFetcher {

    public static final int MAX_REDIRECTS = 3;

    /** Tuning: the operator may allow private addresses (tests, an intranet calendar server). */
    public record Settings(boolean allowPrivateAddresses, int maxBytes, Duration connectTimeout, Duration timeout) {
        public Settings {
            Objects.requireNonNull(connectTimeout, "connect timeout is required");
            Objects.requireNonNull(timeout, "timeout is required");
            if (maxBytes < 1024) {
                throw new IllegalArgumentException("maxBytes too small: " + maxBytes);
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

    /** Why a fetch gave nothing usable; the message is shown to the owner as is. */
    public static class FetchException extends Exception {
        private static final long serialVersionUID = 1L;

        public FetchException(String message) {
            super(message);
        }
    }

    private final Settings settings;
    private final HttpClient client;

    public FeedFetcher(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings are required");
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER) // followed below, each hop checked
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    public Outcome fetch(String url, Validators previous) throws FetchException {
        URI uri = checked(parse(url));
        for (int hop = 0; ; hop++) {
            HttpResponse<InputStream> response = send(uri, previous);
            int status = response.statusCode();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                close(response);
                if (hop >= MAX_REDIRECTS) {
                    throw new FetchException("more than " + MAX_REDIRECTS + " redirects");
                }
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> new FetchException("HTTP " + status + " without Location"));
                uri = checked(uri.resolve(parse(location)));
                continue;
            }
            if (status == 304) {
                close(response);
                return new NotModified();
            }
            if (status != 200) {
                close(response);
                throw new FetchException("HTTP " + status);
            }
            String body = read(response);
            return new Fetched(body, new Validators(response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null)));
        }
    }

    private HttpResponse<InputStream> send(URI uri, Validators previous) throws FetchException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(settings.timeout())
                .header("Accept", "text/calendar, */*;q=0.5")
                .header("User-Agent", "Sejour-Channels/1.0");
        Optional.ofNullable(previous.etag()).ifPresent(tag -> request.header("If-None-Match", tag));
        Optional.ofNullable(previous.lastModified()).ifPresent(date -> request.header("If-Modified-Since", date));
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new FetchException("timed out after " + settings.timeout().toSeconds() + " s");
        } catch (IOException e) {
            throw new FetchException("cannot reach " + uri.getHost() + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted");
        }
    }

    private String read(HttpResponse<InputStream> response) throws FetchException {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(settings.maxBytes() + 1);
            if (bytes.length > settings.maxBytes()) {
                throw new FetchException("larger than " + settings.maxBytes() / 1024 + " KiB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FetchException("read failed: " + e.getClass().getSimpleName());
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the connection is dropped either way
        }
    }

    private static URI parse(String url) throws FetchException {
        try {
            return new URI(url.strip());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new FetchException("not a valid address");
        }
    }

    /** The scheme and every address of the host, checked before each request (also after a redirect). */
    URI checked(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("only http and https addresses are fetched");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new FetchException("the address has no host, or carries a user name");
        }
        if (!settings.allowPrivateAddresses()) {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(uri.getHost());
            } catch (UnknownHostException e) {
                throw new FetchException("unknown host " + uri.getHost());
            }
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    throw new FetchException("the host " + uri.getHost() + " is a private or local address");
                }
            }
        }
        return uri;
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            // unique local fc00::/7 (Java hands IPv4-mapped addresses back as IPv4)
            return (b[0] & 0xfe) == 0xfc;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 // "this network"
                || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64/10
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || first >= 240; // reserved and broadcast
    }
}
