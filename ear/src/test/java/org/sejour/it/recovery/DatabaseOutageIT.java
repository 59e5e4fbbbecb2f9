package org.sejour.it.recovery;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.it.FixtureHttp;
import org.sejour.it.ServerLog;
import org.sejour.it.TestSettings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The test database stopped under a running Séjour, then started again: the API answers
 * problem+json 503 service-unavailable with Retry-After, a page answers 503 with the error page's
 * "back in a moment", /health/ready says DOWN while /health/live stays UP, the log gains one line
 * (one every 30 s) and no stack trace for all those requests; once the database is back, everything answers again
 * by itself. The database is stopped and started by the script's own functions (db_stop, db_setup).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class DatabaseOutageIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aLostDatabaseAnswers503WithRetryAfterAndOneLogLineThenSejourComesBackByItself() throws Exception {
        Properties owner = FixtureHttp.post("sejour-tests/fixtures/guest-api",
                "prefix=outage&website=http://gites.example.test&mode=PROD");
        String api = "api/v1/accounts/" + owner.getProperty("number") + "/accommodations";
        String site = "site/" + owner.getProperty("number");
        String search = "api/v1/accounts/" + owner.getProperty("number") + "/availability?arrival=2027-05-01&nights=7";
        assertEquals(200, get(api, "fr").statusCode());
        assertEquals(200, get(site, "fr").statusCode());
        ServerLog log = new ServerLog();

        ServerScript.run("db_stop \"$VAR/test\"");
        try {
            // the first request finds the database gone: Payara's pool, EclipseLink and the EJB
            // container log that one attempt their own way; the requests answered while the outage
            // is known (the next 5 s) must not touch the database or the log at all. The first is a
            // search from the owner's website, which passes the filter of kept answers before Jersey
            // and Jersey's CORS filter: its problem all the same
            long asked = System.nanoTime();
            assertUnavailable(get(search, "de", "http://gites.example.test"), 0);
            // at once, not after EclipseLink's default retries of the read (3, 5 s apart: 15 s)
            long tookMillis = (System.nanoTime() - asked) / 1_000_000;
            assertTrue(tookMillis < 5_000, "the first request of the outage took " + tookMillis + " ms");
            ServerLog whileKnown = new ServerLog();
            for (int i = 1; i < 20; i++) {
                assertUnavailable(get(api, "de"), i);
            }
            HttpResponse<String> page = get(site, "fr");
            assertEquals(503, page.statusCode(), page.body());
            assertTrue(page.headers().firstValue("Retry-After").isPresent());
            assertTrue(page.body().contains("Le service revient dans quelques secondes"), page.body());
            // the server's timers may meet the outage meanwhile and log it their way: requests only
            List<String> traced = httpRecordsWithStackTraces(whileKnown.sinceOpened());
            assertTrue(traced.isEmpty(), "no stack trace for the requests: " + traced);

            HttpResponse<String> ready = get("health/ready", "fr");
            // MicroProfile Health's own answer, not the error page of a page that failed
            assertEquals(503, ready.statusCode(), "not ready without the database: " + ready.body());
            assertTrue(ready.body().contains("\"DOWN\""), ready.body());
            HttpResponse<String> live = get("health/live", "fr");
            assertEquals(200, live.statusCode(), "a lost database is no reason to restart the server: " + live.body());
            assertTrue(live.body().contains("\"UP\""), live.body());

            String logged = log.sinceOpened();
            // 21 requests answered 503: the outage is logged once, or twice if they spanned its 30 s
            long outageLines = logged.lines().filter(l -> l.contains("Database unreachable, answering 503")).count();
            assertTrue(outageLines >= 1 && outageLines <= 2, outageLines + " lines: " + logged);
            assertFalse(logged.contains("Public API request failed"), logged);
        } finally {
            ServerScript.startDatabase();
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (get(api, "fr").statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "the API did not come back within 60 s of the database");
            TimeUnit.MILLISECONDS.sleep(500);
        }
        assertEquals(200, get("health/ready", "fr").statusCode());
        assertEquals(200, get(site, "fr").statusCode());
    }

    /** Log records written by request threads that hold a stack trace. */
    private static List<String> httpRecordsWithStackTraces(String log) {
        return Arrays.stream(log.split("\n(?=\\[\\d{4}-)"))
                .filter(r -> r.contains("_ThreadName=http-thread-pool") && r.contains("\n\tat "))
                .toList();
    }

    private static void assertUnavailable(HttpResponse<String> answer, int request) {
        String seen = "request " + request + ": " + answer.headers().map() + " " + answer.body();
        assertEquals(503, answer.statusCode(), seen);
        assertEquals(String.valueOf(10), answer.headers().firstValue("Retry-After").orElse(""), seen);
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), seen);
        assertTrue(answer.body().contains("\"urn:sejour:problem:service-unavailable\""), seen);
        assertTrue(answer.body().contains("Der Dienst ist kurz nicht verfügbar"), seen);
    }

    private HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + path)), language);
    }

    /** A widget's request from the page at {@code origin}. */
    private HttpResponse<String> get(String path, String language, String origin)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + path)).header("Origin", origin), language);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String language)
            throws IOException, InterruptedException {
        return http.send(request.header("Accept-Language", language).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
