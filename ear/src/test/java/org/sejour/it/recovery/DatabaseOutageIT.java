package org.sejour.it.recovery;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.it.Deployments;
import org.sejour.it.FixtureHttp;
import org.sejour.it.ServerLog;
import org.sejour.it.TestSettings;
import org.sejour.it.fixtures.DossierFixtures;
import org.sejour.it.guest.GuestApiFixtureServlet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.withTests(DossierFixtures.class, GuestApiFixtureServlet.class, ServerLog.class);
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aLostDatabaseAnswers503WithRetryAfterAndOneLogLineThenSejourComesBackByItself() throws Exception {
        Properties owner = FixtureHttp.post("sejour-tests/fixtures/guest-api",
                "prefix=outage&website=http://gites.example.test&mode=PROD");
        String api = "api/v1/accounts/" + owner.getProperty("number") + "/accommodations";
        String site = "site/" + owner.getProperty("number");
        assertEquals(200, get(api, "fr").statusCode());
        assertEquals(200, get(site, "fr").statusCode());
        ServerLog log = new ServerLog();

        ServerScript.run("db_stop \"$VAR/test\"");
        try {
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> answer = get(api, "de");
                assertEquals(503, answer.statusCode(), answer.body());
                assertEquals(String.valueOf(10), answer.headers().firstValue("Retry-After").orElse(""));
                assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                assertTrue(answer.body().contains("\"urn:sejour:problem:service-unavailable\""), answer.body());
                assertTrue(answer.body().contains("Der Dienst ist kurz nicht verfügbar"), answer.body());
            }
            HttpResponse<String> page = get(site, "fr");
            assertEquals(503, page.statusCode(), page.body());
            assertTrue(page.headers().firstValue("Retry-After").isPresent());
            assertTrue(page.body().contains("Le service revient dans quelques secondes"), page.body());

            assertEquals(503, get("health/ready", "fr").statusCode(), "not ready without the database");
            HttpResponse<String> live = get("health/live", "fr");
            assertEquals(200, live.statusCode(), "a lost database is no reason to restart the server: " + live.body());

            String logged = log.sinceOpened();
            // seven requests answered 503: the outage is logged once, or twice if they spanned its 30 s
            long outageLines = logged.lines().filter(l -> l.contains("Database unreachable, answering 503")).count();
            assertTrue(outageLines >= 1 && outageLines <= 2, outageLines + " lines: " + logged);
            assertFalse(logged.contains("Public API request failed"), logged);
            assertFalse(logged.lines().anyMatch(l -> l.startsWith("\tat org.sejour.interfaces")),
                    "no stack trace for the requests: " + logged);
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

    private HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + path))
                .header("Accept-Language", language).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
