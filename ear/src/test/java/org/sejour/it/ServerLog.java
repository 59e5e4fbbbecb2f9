package org.sejour.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The test domain's server.log from the moment a test opens it: {@link #sinceOpened} answers what
 * the server wrote meanwhile, once a marker it is asked to log has reached the file (the server
 * writes its log from a queue, so a plain read could come too early to see a stack trace).
 */
public final class ServerLog {

    private final Path file = Path.of(TestSettings.required("payara.home"), "glassfish", "domains",
            TestSettings.required("payara.domain"), "logs", "server.log");
    private final long start;

    public ServerLog() throws IOException {
        start = Files.size(file);
    }

    public String sinceOpened() throws IOException, InterruptedException {
        String marker = "log-mark-" + UUID.randomUUID();
        HttpResponse<Void> logged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                TestSettings.baseUrl() + "sejour-tests/fixtures/log-mark?mark=" + marker))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        if (logged.statusCode() != 204) {
            throw new IllegalStateException("the log marker was refused: " + logged.statusCode());
        }
        for (int i = 0; i < 150; i++) {
            String text = read();
            if (text.contains(marker)) {
                return text;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the marker never reached " + file);
    }

    private String read() throws IOException {
        long length = Files.size(file);
        if (length >= start) {
            return new String(tail(file, start), StandardCharsets.UTF_8);
        }
        // rotated meanwhile (Payara starts a new file past 2 MB): the rest of the rotated file, then the new one
        Path rotated;
        try (Stream<Path> logs = Files.list(file.getParent())) {
            rotated = logs.filter(p -> p.getFileName().toString().startsWith("server.log_"))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElseThrow(() -> new IllegalStateException("server.log shrank and no rotated file is there"));
        }
        byte[] before = tail(rotated, start);
        byte[] after = tail(file, 0);
        byte[] both = Arrays.copyOf(before, before.length + after.length);
        System.arraycopy(after, 0, both, before.length, after.length);
        return new String(both, StandardCharsets.UTF_8);
    }

    private static byte[] tail(Path path, long from) throws IOException {
        try (RandomAccessFile log = new RandomAccessFile(path.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, log.length() - from)];
            log.seek(Math.min(from, log.length()));
            log.readFully(bytes);
            return bytes;
        }
    }

    /** Test-only servlet (in the tests' own web module) that writes a marker line to the server log. */
    @WebServlet("/fixtures/log-mark")
    public static class MarkServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private static final Logger LOG = Logger.getLogger(MarkServlet.class.getName());

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) {
            LOG.info(request.getParameter("mark"));
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
    }
}
