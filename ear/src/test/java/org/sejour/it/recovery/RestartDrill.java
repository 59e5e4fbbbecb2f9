package org.sejour.it.recovery;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.it.BookableGites;
import org.sejour.it.FixtureHttp;
import org.sejour.it.TestSettings;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The restart drill (./sejour drill, not part of the suite: it takes a quarter of an hour). On the
 * test domain, through the script's own functions (server-config/lib/payara.sh: domain_down and
 * domain_up, as ./sejour stop and ./sejour start use them):
 * <ol>
 * <li>ten stops and starts, then five SIGKILLs of the server and starts, each ending with
 * /health/ready UP and a booking accepted;</li>
 * <li>under booking load (guests booking all the time), a SIGKILL and a start, then PostgreSQL
 * killed and started: every answer is a booking made, a stay taken meanwhile (409), or 503 with
 * Retry-After; no 404, no 500 (a refused or reset connection is not an answer);</li>
 * <li>every booking acknowledged is stored, and no night is sold beyond its stock.</li>
 * </ol>
 * Prints how long each gap lasted (from the kill to the first booking accepted again).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class RestartDrill {

    private static final Logger LOG = Logger.getLogger(RestartDrill.class.getName());
    private static final int STOP_START_CYCLES = 10;
    private static final int KILL_CYCLES = 5;
    private static final int GUESTS = 24;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final PayaraProcess payara = new PayaraProcess();
    private final StringBuilder report = new StringBuilder("restart drill\n");
    private String bookings;
    private String terms;
    private long[] accommodations;

    @Test
    void restartsAlwaysComeBack() throws Exception {
        Properties owner = FixtureHttp.post("sejour-tests/fixtures/guest-api",
                "prefix=drill&website=http://gites.example.test&mode=PROD");
        String account = TestSettings.baseUrl() + "api/v1/accounts/" + owner.getProperty("number");
        bookings = account + "/bookings";
        accommodations = seed(Long.parseLong(owner.getProperty("accountId")), Integer.parseInt(owner.getProperty("number")));
        terms = field(get(account + "/terms").body(), "version");

        for (int i = 1; i <= STOP_START_CYCLES; i++) {
            long start = System.nanoTime();
            ServerScript.run("domain_down sejour-test");
            ServerScript.run("domain_up sejour-test");
            cycle("stop/start " + i, start);
        }
        for (int i = 1; i <= KILL_CYCLES; i++) {
            long start = System.nanoTime();
            payara.kill();
            ServerScript.run("domain_up sejour-test");
            cycle("kill -9/start " + i, start);
        }

        Load load = new Load();
        load.start();
        TimeUnit.SECONDS.sleep(10);
        long killed = System.nanoTime();
        payara.kill();
        ServerScript.run("domain_up sejour-test");
        load.awaitBookingAfter(killed, "the server killed under load");
        TimeUnit.SECONDS.sleep(5);
        killed = System.nanoTime();
        killDatabase();
        ServerScript.startDatabase();
        load.awaitBookingAfter(killed, "PostgreSQL killed under load");
        TimeUnit.SECONDS.sleep(5);
        load.stop();

        report.append(load.summary());
        long missing = load.acknowledgedMissing();
        long oversold = count("select count(*) from night_stock where sold > units");
        long mismatched = count("select count(*) from night_stock s join accommodation a on a.id = s.accommodation_id "
                + "where a.name like 'Drill %' and s.sold <> (select count(*) from dossier d where d.accommodation_id = "
                + "s.accommodation_id and d.status <> 'CANCELLED' and s.night >= d.arrival and s.night < d.departure)");
        report.append(String.format("  acknowledged bookings not stored: %d; nights sold beyond stock: %d; nights whose "
                + "count differs from their dossiers: %d%n", missing, oversold, mismatched));
        LOG.info(report::toString);
        Files.writeString(Path.of(TestSettings.required("payara.home"), "glassfish", "domains",
                TestSettings.required("payara.domain"), "tmp", "sejour-drill.txt"), report,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertTrue(load.wrongAnswers.isEmpty(), () -> "answers that are neither a booking, a refusal of the stay nor "
                + "503 with Retry-After: " + load.wrongAnswers);
        assertEquals(0, missing, "acknowledged bookings lost");
        assertEquals(0, oversold);
        assertEquals(0, mismatched);
    }

    /** After a restart: ready, and a booking accepted; the time since {@code start}. */
    private void cycle(String name, long start) throws Exception {
        HttpResponse<String> ready = get(TestSettings.baseUrl() + "health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"UP\""), ready.body());
        // a random stay may already be booked by an earlier cycle: "taken" is a right answer, try another
        HttpResponse<String> booked = book(ThreadLocalRandom.current());
        for (int tries = 1; booked.statusCode() == 409 && tries < 20; tries++) {
            booked = book(ThreadLocalRandom.current());
        }
        assertEquals(201, booked.statusCode(), name + ": " + booked.body());
        String line = String.format("  %-18s back, booking accepted, after %5.1f s%n", name,
                (System.nanoTime() - start) / 1e9);
        report.append(line);
        LOG.info(line::strip);
    }

    /** Guests booking all the time, each answer sorted. */
    private final class Load {
        private final ExecutorService guests = Executors.newFixedThreadPool(GUESTS);
        private final AtomicBoolean running = new AtomicBoolean(true);
        /** guest token → when the booking was asked for and when it was acknowledged (nanoTime) */
        private final Map<String, long[]> acknowledged = new ConcurrentHashMap<>();
        private final Queue<String> wrongAnswers = new ConcurrentLinkedQueue<>();
        private final AtomicInteger made = new AtomicInteger();
        private final AtomicInteger refusedStays = new AtomicInteger();
        private final AtomicInteger unavailable = new AtomicInteger();
        private final AtomicInteger noConnection = new AtomicInteger();
        private final List<String> gaps = new ArrayList<>();

        void start() {
            for (int i = 0; i < GUESTS; i++) {
                guests.submit(this::guest);
            }
        }

        private void guest() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (running.get()) {
                try {
                    long asked = System.nanoTime();
                    HttpResponse<String> answer = book(random);
                    int status = answer.statusCode();
                    if (status == 201) {
                        made.incrementAndGet();
                        acknowledged.put(field(answer.body(), "guestToken"), new long[]{asked, System.nanoTime()});
                    } else if (status == 409) {
                        refusedStays.incrementAndGet();
                    } else if (status == 503 && answer.headers().firstValue("Retry-After").isPresent()) {
                        unavailable.incrementAndGet();
                        TimeUnit.MILLISECONDS.sleep(500);
                    } else {
                        wrongAnswers.add(status + " " + answer.body().substring(0, Math.min(200, answer.body().length())));
                    }
                } catch (ConnectException | HttpTimeoutException e) {
                    noConnection.incrementAndGet();
                    sleep();
                } catch (IOException e) {
                    // a connection cut while a request was in flight (the server killed): no answer
                    noConnection.incrementAndGet();
                    sleep();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private void sleep() {
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Waits until a booking asked for after {@code since} is acknowledged; records the gap. Asked
         * for after it, not only answered: a request in flight when the server was killed may have
         * committed just before, and would make the gap look like nothing.
         */
        void awaitBookingAfter(long since, String what) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (acknowledged.values().stream().noneMatch(t -> t[0] > since)) {
                assertTrue(System.nanoTime() < deadline, "no booking accepted within 300 s after " + what);
                TimeUnit.MILLISECONDS.sleep(100);
            }
            long first = acknowledged.values().stream().filter(t -> t[0] > since).mapToLong(t -> t[1]).min()
                    .orElseThrow();
            gaps.add(String.format("  %-30s bookings accepted again after %5.1f s%n", what, (first - since) / 1e9));
        }

        void stop() throws InterruptedException {
            running.set(false);
            guests.shutdown();
            assertTrue(guests.awaitTermination(2, TimeUnit.MINUTES));
        }

        String summary() {
            return String.join("", gaps) + String.format("  under load (%d guests): %d bookings made, %d stays refused, "
                            + "%d answers 503 with Retry-After, %d requests without a connection, %d other answers%n",
                    GUESTS, made.get(), refusedStays.get(), unavailable.get(), noConnection.get(), wrongAnswers.size());
        }

        long acknowledgedMissing() throws SQLException {
            try (Connection c = database(); PreparedStatement q = c.prepareStatement(
                    "select count(*) from dossier where guest_token = ?")) {
                long missing = 0;
                for (String token : acknowledged.keySet()) {
                    q.setString(1, token);
                    try (ResultSet r = q.executeQuery()) {
                        r.next();
                        missing += r.getLong(1) == 1 ? 0 : 1;
                    }
                }
                return missing;
            }
        }
    }

    private HttpResponse<String> book(ThreadLocalRandom random) throws IOException, InterruptedException {
        long accommodation = accommodations[random.nextInt(accommodations.length)];
        LocalDate arrival = LocalDate.now().plusDays(1 + random.nextInt(300));
        int nights = random.nextBoolean() ? 2 : 7;
        String body = "{\"accommodationId\":" + accommodation + ",\"arrival\":\"" + arrival + "\",\"nights\":" + nights
                + ",\"party\":{\"Adulte\":2},\"guest\":{\"firstName\":\"Drill\",\"lastName\":\"Guest\","
                + "\"email\":\"drill@example.test\",\"phone\":\"+33 6 12 34 56 78\",\"country\":\"FR\"},"
                + "\"acceptedTermsVersion\":\"" + terms + "\"}";
        return http.send(HttpRequest.newBuilder(URI.create(bookings)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), "no " + name + " in " + json);
        return m.group(1);
    }

    private static void killDatabase() throws IOException, InterruptedException {
        Path pid = Path.of(TestSettings.required("sejour.root"), "var", "test", "pgdata", "postmaster.pid");
        long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).trim());
        ProcessHandle server = ProcessHandle.of(postmaster).orElseThrow();
        server.destroyForcibly();
        server.onExit().orTimeout(60, TimeUnit.SECONDS).join();
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(TestSettings.dbUrl(), "sejour", TestSettings.credential("db.password"));
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = database(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Three gîtes, the first two identical units, bookable every day for 2 or 7 nights over the coming year. */
    private static long[] seed(long accountId, int accountNumber) throws SQLException {
        try (Connection c = database()) {
            return BookableGites.seed(c, accountId, accountNumber, "Drill", 3, "g = 1", 2);
        }
    }
}
