package org.sejour.it.guest;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.it.BookableGites;
import org.sejour.it.TestSettings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public JSON API under load (./sejour bench ApiLoadBenchmark), not part of the suite: one
 * owner with {@value #ACCOMMODATIONS} accommodations priced and stocked for a year, then, over
 * real HTTP from this JVM with {@value #USERS} virtual guests of one request in flight each:
 * <ol>
 * <li>one guest alone, each endpoint's own time without queueing;</li>
 * <li>availability searches only, for a minute: the target, >= 500 requests/s with
 * p95 <= 25 ms and no error;</li>
 * <li>month calendars only: target p95 <= 15 ms;</li>
 * <li>the mix of searches, calendars, lists and quotes while the owner's nights change every
 * second (as bookings would), which makes every kept answer stale once a second;</li>
 * <li>issue 20's phases at {@value #CONNECTIONS} connections, each from this JVM and again from
 * wrk ({@link Wrk}) when the machine has it: kept searches, the widget's script (a static file,
 * the yardstick of the same run), random 3-night searches with a night changed every second. A
 * summary prints each target with its figures.</li>
 * <li>last, on the server these warmed up, {@value #FRESH_SEARCHES} searches computed afresh, one
 * at a time (the nights changed just before each one, so no kept answer serves it).</li>
 * </ol>
 * Any answer other than 2xx/304 is an error and fails the run. The server's per-address rate
 * limit would throttle one address: ./sejour bench raises it for its run only
 * (SEJOUR_API_RATE_PER_SECOND). Figures are appended to the test domain's
 * java.io.tmpdir/sejour-bench.txt, which ./sejour bench prints.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ApiLoadBenchmark {

    private static final Logger LOG = Logger.getLogger(ApiLoadBenchmark.class.getName());
    static final int ACCOMMODATIONS = 500;
    static final int USERS = 48;
    static final Duration WARM_UP = Duration.ofSeconds(20);
    static final Duration SEARCH_MEASURED = Duration.ofSeconds(60);
    static final Duration SHORT_WARM_UP = Duration.ofSeconds(10);
    static final Duration SHORT_MEASURED = Duration.ofSeconds(20);
    static final Duration SOLO_WARM_UP = Duration.ofSeconds(5);
    static final Duration SOLO_MEASURED = Duration.ofSeconds(10);
    static final int FRESH_SEARCHES = 200;
    static final int PACED_RATE = 500;
    static final int PACED_CALENDARS = 200;
    /** The connections of the targets (kept searches against a static file, 3-night searches). */
    static final int CONNECTIONS = 32;

    /** The mix: a guest searches and browses calendars more than they list or price a stay. */
    enum Endpoint {
        AVAILABILITY(35), CALENDAR(30), ACCOMMODATIONS(15), QUOTE(20),
        /** Not in the mix: random 3-night searches, and the widget's script, a static file served by Payara. */
        THREE_NIGHTS(0), STATIC_FILE(0);

        final int weight;

        Endpoint(int weight) {
            this.weight = weight;
        }

        static Endpoint draw(ThreadLocalRandom random) {
            int n = random.nextInt(100);
            for (Endpoint e : values()) {
                if (n < e.weight) {
                    return e;
                }
                n -= e.weight;
            }
            throw new IllegalStateException("weights do not sum to 100");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Endpoint, Queue<Long>> latencies = new EnumMap<>(Endpoint.class);
    private final AtomicInteger errors = new AtomicInteger();
    private final Queue<String> firstErrors = new ConcurrentLinkedQueue<>();
    private String account;
    private long[] ids;

    @Test
    void measure() throws Exception {
        Properties owner = new PublicApiClient().owner("api-load", "http://gites.example.test", "PROD");
        account = TestSettings.baseUrl() + "api/v1/accounts/" + owner.getProperty("number");
        long seedStart = System.nanoTime();
        ids = seed(Long.parseLong(owner.getProperty("accountId")), Integer.parseInt(owner.getProperty("number")));
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        // the catalogue answers as the mix expects, so the load measures real work and not empty answers
        LocalDate arrival = LocalDate.now().plusDays(30);
        String search = send(Endpoint.AVAILABILITY, get("/availability?arrival=" + arrival + "&nights=7"));
        assertEquals(ACCOMMODATIONS, occurrences(search, "\"accommodationId\""), search);
        String list = send(Endpoint.ACCOMMODATIONS, get("/accommodations"));
        assertEquals(ACCOMMODATIONS, occurrences(list, "\"name\":\"Bench "), list);
        String quote = send(Endpoint.QUOTE, quote(ids[0], arrival, 7));
        assertTrue(quote.contains("\"bookable\":true"), quote);
        assertEquals(0, errors.get(), firstErrors::toString);

        StringBuilder report = new StringBuilder(String.format("public API load, %d accommodations (seeded in %.1f s)%n",
                ACCOMMODATIONS, seedSeconds));
        report(report, String.format("one guest alone, mix, %d s warm-up then %d s measured", SOLO_WARM_UP.toSeconds(),
                SOLO_MEASURED.toSeconds()), drive(1, SOLO_WARM_UP, SOLO_MEASURED, Endpoint::draw, false),
                SOLO_MEASURED, "");
        Figures searches = report(report, String.format("%d concurrent guests, availability searches only, %d s warm-up "
                        + "then %d s measured", USERS, WARM_UP.toSeconds(), SEARCH_MEASURED.toSeconds()),
                drive(USERS, WARM_UP, SEARCH_MEASURED, r -> Endpoint.AVAILABILITY, false), SEARCH_MEASURED,
                "  (target >= 500 requests/s, p95 <= 25 ms)");
        report(report, String.format("availability searches arriving at %d/s whatever the answers' pace (open loop), "
                        + "%d s warm-up then %d s measured, latency counted from when each was due", PACED_RATE,
                        SHORT_WARM_UP.toSeconds(), SEARCH_MEASURED.toSeconds()),
                paced(Endpoint.AVAILABILITY, PACED_RATE, SHORT_WARM_UP, SEARCH_MEASURED), SEARCH_MEASURED,
                "  (target >= 500 requests/s, p95 <= 25 ms)");
        // every stay these draw was searched in the phases above: each answer is a kept one
        Figures kept = report(report, String.format("%d connections, kept availability searches, %d s warm-up then "
                        + "%d s measured", CONNECTIONS, SOLO_WARM_UP.toSeconds(), SHORT_MEASURED.toSeconds()),
                drive(CONNECTIONS, SOLO_WARM_UP, SHORT_MEASURED, r -> Endpoint.AVAILABILITY, false), SHORT_MEASURED,
                "");
        Figures file = report(report, String.format("%d connections, the widget's script (a static file of %d bytes; "
                        + "a kept search answers %d gzipped bytes), %d s warm-up then %d s measured", CONNECTIONS,
                        staticFileBytes(), searchAnswerBytes(), SOLO_WARM_UP.toSeconds(), SHORT_MEASURED.toSeconds()),
                drive(CONNECTIONS, SOLO_WARM_UP, SHORT_MEASURED, r -> Endpoint.STATIC_FILE, false), SHORT_MEASURED, "");
        Figures threeNights = report(report, String.format("%d connections, random 3-night searches, one night of the "
                        + "account changed every second, %d s warm-up then %d s measured", CONNECTIONS,
                        SHORT_WARM_UP.toSeconds(), SHORT_MEASURED.toSeconds()),
                drive(CONNECTIONS, SHORT_WARM_UP, SHORT_MEASURED, r -> Endpoint.THREE_NIGHTS, true), SHORT_MEASURED,
                "");
        report(report, String.format("month calendars arriving at %d/s (open loop), %d s warm-up then %d s measured",
                        PACED_CALENDARS, SHORT_WARM_UP.toSeconds(), SHORT_MEASURED.toSeconds()),
                paced(Endpoint.CALENDAR, PACED_CALENDARS, SHORT_WARM_UP, SHORT_MEASURED), SHORT_MEASURED,
                "  (target p95 <= 15 ms)");
        report(report, String.format("%d concurrent guests, month calendars only, %d s warm-up then %d s measured",
                USERS, SHORT_WARM_UP.toSeconds(), SHORT_MEASURED.toSeconds()),
                drive(USERS, SHORT_WARM_UP, SHORT_MEASURED, r -> Endpoint.CALENDAR, false), SHORT_MEASURED,
                "  (target p95 <= 15 ms)");
        report(report, String.format("%d concurrent guests, mix, the nights changing every second, %d s warm-up "
                        + "then %d s measured", USERS, SHORT_WARM_UP.toSeconds(), SHORT_MEASURED.toSeconds()),
                drive(USERS, SHORT_WARM_UP, SHORT_MEASURED, Endpoint::draw, true), SHORT_MEASURED, "");
        // the same three phases with wrk: the kept stays, the file, and 3-night searches with the nights changing
        String path = URI.create(account).getPath();
        Figures keptWrk = null;
        Figures fileWrk = null;
        Figures threeNightsWrk = null;
        if (Wrk.installed()) {
            keptWrk = wrk(report, "kept availability searches", account, Wrk.searches(path, 7, 2), false);
            fileWrk = wrk(report, "the widget's script", TestSettings.baseUrl() + "widget/sejour-widget.js", null,
                    false);
            threeNightsWrk = wrk(report, "random 3-night searches, one night of the account changed every second",
                    account, Wrk.searches(path, 3), true);
        } else {
            report.append(String.format("  wrk is not installed (apt-get install wrk): its phases are skipped%n"));
        }
        // last, on a server the phases above warmed up (its compiler done, its memory in use)
        long[] fresh = freshSearches();
        report.append(String.format("  one guest alone, %d searches each after a change of the nights, so that nothing kept "
                + "serves it:%n    %-15s %s%n", FRESH_SEARCHES, "fresh search", stats(fresh, null)));
        report.append(String.format("  the targets of issue 20, figures of this run (Java client; wrk where it ran):%n"));
        report.append(keptTarget("Java", kept, file));
        if (keptWrk != null) {
            report.append(keptTarget("wrk", keptWrk, fileWrk));
        }
        report.append(threeNightsTarget("Java", threeNights));
        if (threeNightsWrk != null) {
            report.append(threeNightsTarget("wrk", threeNightsWrk));
        }
        report.append(String.format("    a search computed afresh over %d accommodations: p95 %.1f ms (target <= 10 ms)%n",
                ACCOMMODATIONS, percentile(fresh, 95)));
        report.append(String.format("    CPU per kept search in the server: %.2f ms%s (target <= 0.3 ms)%n",
                kept.serverCpuMillis(), keptWrk == null ? "" : String.format(", under wrk %.2f ms",
                        keptWrk.serverCpuMillis())));
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        report.append(String.format("  errors (not 2xx/304): %d; load average at the end %.1f (2 cores, shared)%n",
                errors.get(), load));
        LOG.info(report::toString);
        Files.writeString(benchReport(), report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        // written from outside the server, perhaps as another user than the server's: the in-container
        // benchmarks that run after this one append to the same file
        benchReport().toFile().setWritable(true, false);
        assertEquals(0, errors.get(), () -> "errors under load: " + firstErrors);
        assertTrue(searches.perSecond() > 0, "no search completed in the measured window");
    }

    private static String keptTarget(String generator, Figures kept, Figures file) {
        return String.format("    kept search, %d connections, %s: %.0f requests/s = %.0f %% of the static file's %.0f/s "
                + "(target >= 50 %%); p99 %.1f ms (target <= 20 ms; the file's p99 %.1f ms)%n", CONNECTIONS, generator,
                kept.perSecond(), 100 * kept.perSecond() / file.perSecond(), file.perSecond(), kept.p99(), file.p99());
    }

    private static String threeNightsTarget(String generator, Figures threeNights) {
        return String.format("    3-night searches, a night changed every second, %s: %.0f requests/s (target >= 1500); "
                + "p99 %.1f ms (target <= 50 ms)%n", generator, threeNights.perSecond(), threeNights.p99());
    }

    /**
     * A phase driven by wrk at {@value #CONNECTIONS} connections: a warm-up run, then the measured
     * one with the server's CPU over it; the nights change every second through both if asked.
     */
    private Figures wrk(StringBuilder report, String title, String url, String script, boolean nightsChanging)
            throws Exception {
        AtomicBoolean touching = new AtomicBoolean(nightsChanging);
        ExecutorService toucher = Executors.newSingleThreadExecutor();
        Future<?> touches = toucher.submit(nightsChangingWhile(touching::get));
        Wrk.Run run;
        Cpu used;
        try {
            Wrk.run(url, CONNECTIONS, SOLO_WARM_UP, script);
            announce(Duration.ZERO, SHORT_MEASURED);
            Cpu before = Cpu.at(System.nanoTime());
            run = Wrk.run(url, CONNECTIONS, SHORT_MEASURED, script);
            used = Cpu.at(System.nanoTime()).minus(before);
        } finally {
            touching.set(false);
            touches.get(10, TimeUnit.SECONDS);
            toucher.shutdown();
        }
        if (run.errors() > 0) {
            error("wrk, " + title + ": " + run.errors() + " requests failed\n" + run.output());
        }
        double cpu = used.serverMillis() / run.requests();
        report.append(String.format("  wrk, %d connections, %s, %d s warm-up then %d s measured%n    %d requests, "
                        + "%.1f requests/s, p50 %.1f ms, p99 %.1f ms; server CPU %.2f ms per request%n", CONNECTIONS,
                title, SOLO_WARM_UP.toSeconds(), SHORT_MEASURED.toSeconds(), run.requests(), run.perSecond(),
                run.p50Millis(), run.p99Millis(), cpu));
        return new Figures(run.perSecond(), run.p99Millis(), cpu);
    }

    /**
     * Searches each preceded by a change of the nights: the cost of an answer computed afresh.
     * The changes go through one connection: opening one for each (a new PostgreSQL process
     * and its authentication) took the shared cores from the search that followed.
     */
    private long[] freshSearches() throws SQLException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long[] took = new long[FRESH_SEARCHES];
        try (Connection c = database()) {
            for (int i = 0; i < FRESH_SEARCHES; i++) {
                touchNights(c, random);
                HttpRequest request = request(Endpoint.AVAILABILITY, random);
                long begin = System.nanoTime();
                send(Endpoint.AVAILABILITY, request);
                took[i] = System.nanoTime() - begin;
            }
        }
        Arrays.sort(took);
        return took;
    }

    /** One night of the account changed every second, as bookings would, while {@code going} holds. */
    private Callable<Void> nightsChangingWhile(BooleanSupplier going) {
        return () -> {
            try (Connection c = database()) {
                while (going.getAsBoolean()) {
                    touchNights(c, ThreadLocalRandom.current());
                    Thread.sleep(1000);
                }
            }
            return null;
        };
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(TestSettings.dbUrl(), "sejour", TestSettings.credential("db.password"));
    }

    /** What a booking does to the account's nights version, without booking: rewrites one stock row. */
    private void touchNights(Connection c, ThreadLocalRandom random) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("update night_stock set units = units where accommodation_id = "
                    + ids[random.nextInt(ids.length)] + " and night = current_date + " + (7 + random.nextInt(300)));
        }
    }

    /**
     * {@code users} guests for the warm-up and the measured window, drawing their endpoints as
     * told, with the nights changing every second if asked: each endpoint's sorted latencies.
     */
    private Phase drive(int users, Duration warmUp, Duration measured, Function<ThreadLocalRandom, Endpoint> draw,
                        boolean nightsChanging) throws Exception {
        for (Endpoint e : Endpoint.values()) {
            latencies.put(e, new ConcurrentLinkedQueue<>());
        }
        long measureFrom = System.nanoTime() + warmUp.toNanos();
        long measureTo = measureFrom + measured.toNanos();
        announce(warmUp, measured);
        ExecutorService pool = Executors.newFixedThreadPool(users + 1);
        List<Future<?>> running = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            running.add(pool.submit(() -> guest(measureFrom, measureTo, draw)));
        }
        if (nightsChanging) {
            running.add(pool.submit(nightsChangingWhile(() -> System.nanoTime() < measureTo)));
        }
        Cpu before = Cpu.at(measureFrom);
        Cpu after = Cpu.at(measureTo);
        for (Future<?> user : running) {
            user.get(warmUp.plus(measured).toSeconds() + 120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Map<Endpoint, long[]> sorted = new EnumMap<>(Endpoint.class);
        latencies.forEach((e, q) -> sorted.put(e, q.stream().mapToLong(Long::longValue).sorted().toArray()));
        return new Phase(sorted, after.minus(before));
    }

    /**
     * Requests of one endpoint sent at a fixed rate whatever the pace of the answers, as guests
     * arrive (an open loop; the concurrent guests above are a closed loop, where 48 requests in
     * flight make their own queue). Each latency runs from when its request was due, so a server
     * that falls behind shows it rather than slowing the sender down.
     */
    private Phase paced(Endpoint endpoint, int perSecond, Duration warmUp, Duration measured) throws Exception {
        for (Endpoint e : Endpoint.values()) {
            latencies.put(e, new ConcurrentLinkedQueue<>());
        }
        long start = System.nanoTime() + 100_000_000L;
        long measureFrom = start + warmUp.toNanos();
        long measureTo = measureFrom + measured.toNanos();
        long period = 1_000_000_000L / perSecond;
        announce(warmUp, measured);
        ExecutorService sampler = Executors.newSingleThreadExecutor();
        Future<Cpu> before = sampler.submit(() -> Cpu.at(measureFrom));
        Future<Cpu> after = sampler.submit(() -> Cpu.at(measureTo));
        List<java.util.concurrent.CompletableFuture<?>> sent = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (long due = start; due < measureTo; due += period) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            HttpRequest request = request(endpoint, random);
            long dueAt = due;
            sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((answer, failure) -> {
                long end = System.nanoTime();
                int status = failure == null ? answer.statusCode() : -1;
                if (failure != null || (status < 200 || status > 299) && status != 304) {
                    error(endpoint + " " + request.uri() + " -> " + (failure != null ? failure : status));
                }
                // every request due in the window counts, however late its answer
                if (dueAt >= measureFrom) {
                    latencies.get(endpoint).add(end - dueAt);
                }
            }));
        }
        for (java.util.concurrent.CompletableFuture<?> answer : sent) {
            try {
                answer.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                // counted as an error when it completed
            }
        }
        Cpu used = after.get().minus(before.get());
        sampler.shutdown();
        Map<Endpoint, long[]> sorted = new EnumMap<>(Endpoint.class);
        latencies.forEach((e, q) -> sorted.put(e, q.stream().mapToLong(Long::longValue).sorted().toArray()));
        return new Phase(sorted, used);
    }

    /** The wall-clock window a phase measures, so that a profile of the server can be cut to it. */
    private static void announce(Duration warmUp, Duration measured) {
        java.time.LocalTime from = java.time.LocalTime.now().plus(warmUp);
        LOG.info(() -> "measuring from " + from + " to " + from.plus(measured));
    }

    /** A phase's sorted latencies per endpoint, and the CPU the server and this load generator spent in its window. */
    private record Phase(Map<Endpoint, long[]> latencies, Cpu cpu) {
    }

    /**
     * CPU time used so far by the Payara server (from /proc, by the pid file of the test domain)
     * and by this JVM, the load generator, in milliseconds. Unlike latencies, CPU per request
     * hardly depends on what else runs on the machine: it says what two idle cores could serve.
     */
    private record Cpu(double serverMillis, double clientMillis) {

        /** Waits until {@code nanoTime} (System.nanoTime), then reads both. */
        static Cpu at(long nanoTime) throws IOException, InterruptedException {
            long wait = nanoTime - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String pid = Files.readString(Path.of(TestSettings.required("payara.home"), "glassfish", "domains",
                    TestSettings.required("payara.domain"), "config", "pid")).strip();
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            // fields after the command name, which may hold spaces: state is [0], utime [11], stime [12], in 1/100 s
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double server = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
            double client = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1e6;
            return new Cpu(server, client);
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(serverMillis - earlier.serverMillis, clientMillis - earlier.clientMillis);
        }
    }

    /** What the summary of targets takes from a phase: throughput, p99 and the server's CPU per request. */
    private record Figures(double perSecond, double p99, double serverCpuMillis) {
    }

    /** Appends a phase's lines (endpoints it drew, then all, then CPU) to the report; answers its figures. */
    private static Figures report(StringBuilder report, String title, Phase phase, Duration measured, String target) {
        report.append("  ").append(title).append(':').append(System.lineSeparator());
        for (Endpoint e : Endpoint.values()) {
            long[] sorted = phase.latencies().get(e);
            if (sorted.length > 0) {
                report.append(String.format("    %-15s %s%n", e.name().toLowerCase(), stats(sorted, measured)));
            }
        }
        long[] all = phase.latencies().values().stream().flatMapToLong(Arrays::stream).sorted().toArray();
        report.append(String.format("    %-15s %s%s%n", "all", stats(all, measured), target));
        if (all.length > 0) {
            double server = phase.cpu().serverMillis() / all.length;
            double client = phase.cpu().clientMillis() / all.length;
            report.append(String.format("    CPU per request: server %.2f ms, load generator %.2f ms: two otherwise idle "
                    + "cores would serve about %.0f requests/s%n", server, client, 2000 / (server + client)));
        }
        return new Figures(all.length / (measured.toNanos() / 1e9), percentile(all, 99),
                all.length == 0 ? Double.NaN : phase.cpu().serverMillis() / all.length);
    }

    /** One virtual guest: a request, its answer, the next; only requests begun and ended in the window count. */
    private void guest(long measureFrom, long measureTo, Function<ThreadLocalRandom, Endpoint> draw) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < measureTo) {
            Endpoint endpoint = draw.apply(random);
            HttpRequest request = request(endpoint, random);
            long begin = System.nanoTime();
            send(endpoint, request);
            long end = System.nanoTime();
            if (begin >= measureFrom && end <= measureTo) {
                latencies.get(endpoint).add(end - begin);
            }
        }
    }

    private HttpRequest request(Endpoint endpoint, ThreadLocalRandom random) {
        long accommodation = ids[random.nextInt(ids.length)];
        LocalDate arrival = LocalDate.now().plusDays(7 + random.nextInt(300));
        int nights = random.nextBoolean() ? 7 : 2;
        return switch (endpoint) {
            case AVAILABILITY -> get("/availability?arrival=" + arrival + "&nights=" + nights);
            case CALENDAR -> get("/calendar?accommodation=" + accommodation + "&month="
                    + YearMonth.now().plusMonths(1 + random.nextInt(10)));
            case ACCOMMODATIONS -> get("/accommodations" + (random.nextBoolean() ? "" : "?lang=en"));
            case QUOTE -> quote(accommodation, arrival, nights);
            case THREE_NIGHTS -> get("/availability?arrival=" + arrival + "&nights=3");
            case STATIC_FILE -> HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + "widget/sejour-widget.js"))
                    .timeout(Duration.ofSeconds(30)).header("Accept-Encoding", "gzip").GET().build();
        };
    }

    private HttpRequest get(String path) {
        // as a browser asks: gzip accepted (and unzipped in send, as a browser would)
        return HttpRequest.newBuilder(URI.create(account + path)).timeout(Duration.ofSeconds(30))
                .header("Accept-Encoding", "gzip").GET().build();
    }

    private HttpRequest quote(long accommodation, LocalDate arrival, int nights) {
        return HttpRequest.newBuilder(URI.create(account + "/quotes")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"accommodationId\":" + accommodation + ",\"arrival\":\""
                        + arrival + "\",\"nights\":" + nights + ",\"party\":{\"Adulte\":2}}"))
                .build();
    }

    /** The answer's body; a failed request counts as an error (and its first few are kept for the report). */
    private String send(Endpoint endpoint, HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            byte[] body = response.body();
            if (response.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent()) {
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            String text = new String(body, StandardCharsets.UTF_8);
            if ((status < 200 || status > 299) && status != 304) {
                error(endpoint + " " + request.uri() + " -> " + status + " " + text);
            }
            return text;
        } catch (IOException e) {
            error(endpoint + " " + request.uri() + " -> " + e);
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The bytes the widget's script takes on the wire, as the load generator asks for it. */
    private long staticFileBytes() throws IOException, InterruptedException {
        return http.send(request(Endpoint.STATIC_FILE, ThreadLocalRandom.current()),
                HttpResponse.BodyHandlers.ofByteArray()).body().length;
    }

    /** The bytes a 7-night search of the bench's account takes on the wire, gzipped. */
    private long searchAnswerBytes() throws IOException, InterruptedException {
        return http.send(get("/availability?arrival=" + LocalDate.now().plusDays(30) + "&nights=7"),
                HttpResponse.BodyHandlers.ofByteArray()).body().length;
    }

    private void error(String what) {
        if (errors.incrementAndGet() <= 5) {
            firstErrors.add(what);
        }
    }

    /** Gîtes bookable every day for 2 or 7 nights over the coming year, every night in stock. */
    private static long[] seed(long accountId, int accountNumber) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestSettings.dbUrl(), "sejour",
                TestSettings.credential("db.password"))) {
            return BookableGites.seed(c, accountId, accountNumber, "Bench", ACCOMMODATIONS, "g % 2 = 1", 3);
        }
    }

    /** The test domain's java.io.tmpdir (server-config sets it to the domain's tmp directory). */
    private static Path benchReport() {
        return Path.of(TestSettings.required("payara.home"), "glassfish", "domains",
                TestSettings.required("payara.domain"), "tmp", "sejour-bench.txt");
    }

    /** Count, rate over the measured window (when there is one), percentiles. */
    private static String stats(long[] sortedNanos, Duration measured) {
        String rate = measured == null ? "" : String.format(", %6.1f requests/s",
                sortedNanos.length / (measured.toNanos() / 1e9));
        return String.format("%6d requests%s, p50 %5.1f ms, p95 %5.1f ms, p99 %5.1f ms",
                sortedNanos.length, rate, percentile(sortedNanos, 50),
                percentile(sortedNanos, 95), percentile(sortedNanos, 99));
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
