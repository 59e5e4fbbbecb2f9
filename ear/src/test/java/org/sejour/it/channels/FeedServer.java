package org.sejour.it.channels;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP server in the test JVM (inside Payara for in-container tests) that plays a
 * platform (browser tests run it in the client JVM): each path serves what the test last put there, with an ETag, and answers 304
 * to a matching If-None-Match.
 */
public final class FeedServer implements AutoCloseable {

    public record Answer(int status, String body, String location) {
        public static Answer calendar(String body) {
            return new Answer(200, body, null);
        }

        static Answer redirect(String location) {
            return new Answer(302, "", location);
        }

        static Answer error(int status) {
            return new Answer(status, "error", null);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final AtomicInteger notModified = new AtomicInteger();

    public FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void serve(String path, Answer answer) {
        answers.put(path, answer);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Answer answer = answers.getOrDefault(exchange.getRequestURI().getPath(), Answer.error(404));
        if (answer.location() != null) {
            exchange.getResponseHeaders().add("Location", answer.location());
        }
        String etag = "\"" + Integer.toHexString(answer.body().hashCode()) + "\"";
        if (answer.status() == 200) {
            exchange.getResponseHeaders().add("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
