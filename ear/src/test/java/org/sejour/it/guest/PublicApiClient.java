package org.sejour.it.guest;

import org.openqa.selenium.json.Json;
import org.sejour.it.TestSettings;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/** Plain HTTP against the deployed application, as a guest's browser or a widget would call the API. */
final class PublicApiClient {

    private static final Json JSON = new Json();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    record Answer(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        Map<String, Object> json() {
            return JSON.toType(body, Json.MAP_TYPE);
        }

        List<Object> array() {
            return JSON.toType(body, Json.LIST_OF_MAPS_TYPE);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** A fresh owner, in production unless {@code mode} is TEST, with a declared website. */
    Properties owner(String prefix, String website, String mode) {
        Answer answer = send(HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + "sejour-tests/fixtures/guest-api"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("prefix=" + prefix + "&website=" + website + "&mode=" + mode)));
        if (answer.status() != 200) {
            throw new IllegalStateException("fixture failed: " + answer);
        }
        Properties owner = new Properties();
        try {
            owner.load(new java.io.StringReader(answer.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return owner;
    }

    Answer get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + path.substring(1)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.GET());
    }

    Answer post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + path.substring(1)))
                .header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer options(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + path.substring(1)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The status line and headers of a GET sent from another loopback address (127.0.0.x): the
     * rate limit counts per client address, so this client has a bucket of its own.
     */
    static String rawGetFrom(String localAddress, String path) throws IOException {
        String answer = rawGetFrom(localAddress, path, "");
        int end = answer.indexOf("\r\n\r\n");
        return end < 0 ? answer : answer.substring(0, end);
    }

    /** The whole answer (status line, headers, body) to a GET from another loopback address, with extra header lines. */
    static String rawGetFrom(String localAddress, String path, String headerLines) throws IOException {
        return new String(exchange(localAddress, ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n" + headerLines + "\r\n").getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /**
     * The status of a request sent from another loopback address, with the body as raw bytes
     * (so that a test can send what no JSON library would write).
     */
    static int rawSendFrom(String localAddress, String method, String path, String idempotencyKey, byte[] body)
            throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        if (idempotencyKey != null) {
            head.append("Idempotency-Key: ").append(idempotencyKey).append("\r\n");
        }
        byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        byte[] request = body == null ? start : java.nio.ByteBuffer.allocate(start.length + body.length).put(start)
                .put(body).array();
        String answer = new String(exchange(localAddress, request), StandardCharsets.ISO_8859_1);
        return Integer.parseInt(answer.substring(9, 12));
    }

    /** Sends the request's bytes from {@code localAddress} and reads the answer to its end. */
    private static byte[] exchange(String localAddress, byte[] request) throws IOException {
        try (Socket socket = connectFrom(localAddress)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return socket.getInputStream().readAllBytes();
        }
    }

    /** A connection to the test server from a loopback address of its own (127.0.0.x). */
    static Socket connectFrom(String localAddress) throws IOException {
        URI base = URI.create(TestSettings.baseUrl());
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 10_000);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** How many dossiers the owner has, read in the database. */
    static long dossiersOf(Properties owner) throws java.sql.SQLException {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(TestSettings.dbUrl(), "sejour",
                TestSettings.credential("db.password"));
             java.sql.PreparedStatement count = db.prepareStatement("select count(*) from dossier where account_id = ?")) {
            count.setLong(1, Long.parseLong(owner.getProperty("accountId")));
            try (java.sql.ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static String key() {
        return "test-" + UUID.randomUUID();
    }
}
