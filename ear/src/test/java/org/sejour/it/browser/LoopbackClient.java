package org.sejour.it.browser;

import org.sejour.it.TestSettings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plain HTTP/1.1 client whose connections leave from a loopback address of the test's choice
 * (all of 127.0.0.0/8 is this machine on Linux), so that one test machine is several clients to
 * the server's per-address limits; the JDK's HttpClient cannot choose its local address. It keeps
 * its cookies, follows no redirect, and sends the path exactly as given (no "..": normalisation is
 * the server's job, and what some tests check).
 */
public final class LoopbackClient {

    private static final Pattern VIEW_STATE = Pattern.compile(
            "name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");

    public record Response(int status, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        /** The Faces view state of the page, for a postback. */
        String viewState() {
            Matcher m = VIEW_STATE.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no Faces view state in the page (status " + status + "): " + body);
            }
            return m.group(1);
        }

        /**
         * The page's script nonce, from its Content-Security-Policy. PrimeFaces' script sends it
         * back with every postback (primefaces.nonce) and refuses a postback without it.
         */
        String nonce() {
            Matcher m = NONCE.matcher(header("Content-Security-Policy").orElse(""));
            if (!m.find()) {
                throw new AssertionError("no script nonce in the page's policy: " + headers);
            }
            return m.group(1);
        }
    }

    /** generous: a test may make the server hash many passwords at once and count how long the answers took */
    private static final int READ_TIMEOUT_MILLIS = 180_000;

    private final InetAddress local;
    private final URI base;
    /** To a member of a Deployment Group directly: the client named in Proxy-ip, as its balancer does. */
    private final String proxyIp;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** A client whose connections come from {@code localAddress}, e.g. "127.0.0.2". */
    public LoopbackClient(String localAddress) {
        this(localAddress, URI.create(TestSettings.baseUrl()).getPort(), null);
    }

    /**
     * The same, to one member of a Deployment Group on {@code port}, past the balancer: the
     * request names the client in Proxy-ip, as the balancer would.
     */
    public static LoopbackClient toMember(String localAddress, int port) {
        return new LoopbackClient(localAddress, port, localAddress);
    }

    private LoopbackClient(String localAddress, int port, String proxyIp) {
        try {
            local = InetAddress.getByName(localAddress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        base = URI.create("http://localhost:" + port + "/");
        this.proxyIp = proxyIp;
    }

    public Response get(String path) {
        return send("GET", path, Map.of(), null);
    }

    /** POSTs form fields (in their order) to the path; extra headers, e.g. Faces' Ajax marker. */
    Response post(String path, Map<String, String> fields, Map<String, String> headers) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send("POST", path, headers, form);
    }

    /** Opens the login page and submits the form with what PrimeFaces' script adds to it (the nonce). */
    public Response login(String login, String password) {
        return post("/login.xhtml", loginForm(login, password), Map.of());
    }

    /** Opens the login page and fills its form, ready to be posted (several clients at the same moment, say). */
    Map<String, String> loginForm(String login, String password) {
        Response page = get("/login.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:login", login);
        form.put("login:password", password);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", page.viewState());
        form.put("primefaces.nonce", page.nonce());
        return form;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    private Response send(String method, String path, Map<String, String> headers, String form) {
        byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Accept-Language: fr-FR,fr\r\n")
                .append("Connection: close\r\n");
        if (!cookies.isEmpty()) {
            head.append("Cookie: ").append(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "))).append("\r\n");
        }
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (proxyIp != null) {
            head.append("Proxy-ip: ").append(proxyIp).append("\r\n");
        }
        if (form != null) {
            head.append("Content-Type: application/x-www-form-urlencoded\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), base.getPort()), 10_000);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            Response response = parse(socket.getInputStream().readAllBytes());
            response.headers().getOrDefault("set-cookie", List.of()).forEach(this::keep);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " from " + local, e);
        }
    }

    private void keep(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq).strip();
        String value = pair.substring(eq + 1).strip();
        boolean expired = setCookie.toLowerCase(Locale.ROOT).contains("max-age=0");
        if (expired || value.isEmpty()) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private static Response parse(byte[] raw) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) {
            throw new IllegalStateException("no complete HTTP answer: " + new String(raw, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            body = unchunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, new byte[]{'\r', '\n'}, at);
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(chunked, lineEnd + 2, length);
            at = lineEnd + 2 + length + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] part, int from) {
        outer:
        for (int i = from; i <= data.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
