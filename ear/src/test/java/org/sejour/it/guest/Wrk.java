package org.sejour.it.guest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (Debian's package), the load generator the first figures came from, run by
 * {@link ApiLoadBenchmark} beside its own. Written in C with one event loop per thread, it costs
 * the two shared cores far less than this JVM's HTTP client does at 32 connections, whose own
 * queueing shows in the Java phases' p99. Absent from a machine, its phases are skipped and
 * say so.
 */
final class Wrk {

    private static final Pattern RATE = Pattern.compile("(?m)^Requests/sec:\\s+([\\d.]+)");
    private static final Pattern COUNT = Pattern.compile("(?m)^\\s+(\\d+) requests in");
    private static final Pattern P50 = Pattern.compile("(?m)^\\s+50%\\s+([\\d.]+)(us|ms|s)\\s*$");
    private static final Pattern P99 = Pattern.compile("(?m)^\\s+99%\\s+([\\d.]+)(us|ms|s)\\s*$");
    private static final Pattern NOT_2XX = Pattern.compile("(?m)^\\s+Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "(?m)^\\s+Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** What one run measured: its requests, their rate, their median and p99, and the requests that failed. */
    record Run(long requests, double perSecond, double p50Millis, double p99Millis, long errors, String output) {
    }

    private Wrk() {
    }

    static boolean installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "wrk"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * wrk on two threads and {@code connections} connections for {@code duration}, asking for gzip
     * as a browser does; {@code script}, when not null, is Lua that writes each request.
     */
    static Run run(String url, int connections, Duration duration, String script) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "--threads", "2", "--connections",
                Integer.toString(connections), "--duration", duration.toSeconds() + "s", "--timeout", "30s",
                "--latency", "--header", "Accept-Encoding: gzip"));
        Path lua = null;
        if (script != null) {
            lua = Files.createTempFile("sejour-wrk-", ".lua");
            Files.writeString(lua, script);
            command.addAll(List.of("--script", lua.toString()));
        }
        command.add(url);
        try {
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!wrk.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
                wrk.destroyForcibly();
                throw new IllegalStateException("wrk did not end: " + command);
            }
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (wrk.exitValue() != 0) {
                throw new IllegalStateException("wrk failed (" + wrk.exitValue() + "): " + output);
            }
            return parse(output);
        } finally {
            if (lua != null) {
                Files.deleteIfExists(lua);
            }
        }
    }

    static Run parse(String output) {
        long errors = find(NOT_2XX, output).map(Long::parseLong).orElse(0L);
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                errors += Long.parseLong(socket.group(group));
            }
        }
        return new Run(Long.parseLong(find(COUNT, output).orElseThrow(() -> new IllegalStateException(
                "no request count in wrk's output:\n" + output))),
                Double.parseDouble(find(RATE, output).orElseThrow()), millis(P50, output), millis(P99, output), errors,
                output);
    }

    /** A percentile of wrk's latency distribution, which it writes in us, ms or s. */
    private static double millis(Pattern percentile, String output) {
        Matcher m = percentile.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " in wrk's output:\n" + output);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            default -> value * 1000;
        };
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Lua for wrk: GET {@code path} + "/availability" for an arrival drawn from 7 to 306 days
     * ahead (the Java phases' draw) and {@code nights} drawn from the given ones. Each thread has
     * its own Lua state, seeded apart.
     */
    static String searches(String path, int... nights) {
        StringBuilder list = new StringBuilder();
        for (int n : nights) {
            list.append(list.isEmpty() ? "" : ", ").append(n);
        }
        return """
                local counter = 0
                function setup(thread)
                  counter = counter + 1
                  thread:set("id", counter)
                end
                local nights = {%s}
                function init(args)
                  math.randomseed(os.time() * 100 + id)
                end
                function request()
                  local arrival = os.date("!%%Y-%%m-%%d", os.time() + (7 + math.random(0, 299)) * 86400)
                  return wrk.format("GET", "%s/availability?arrival=" .. arrival
                      .. "&nights=" .. nights[math.random(#nights)])
                end
                """.formatted(list, path);
    }
}
