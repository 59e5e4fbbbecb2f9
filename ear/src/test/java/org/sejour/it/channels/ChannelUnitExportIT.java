package org.sejour.it.channels;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.it.TestSettings;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One export address per unit of a stock-managed accommodation, fetched over HTTP like a
 * platform does and read by ical.js (npm, independent of ical4j; installed into target/npm on
 * first run). Unit k is busy on a night with fewer than k units left (docs/channels.md).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ChannelUnitExportIT {

    private static final Path NPM = Path.of("target", "npm");
    // the reader the ejb-module's export test uses: one line per event, uid|start|end|allDay|summary|stamp
    private static final Path READER = Path.of("..", "ejb-module", "src", "test", "resources", "channels", "node",
            "read-ics.mjs");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eachUnitHasItsOwnAddressAndIsBusyWhenFewerThanItsNumberAreLeft() throws Exception {
        // 3 units; 1–7 May all sold, 8–14 May one sold, 20–22 May two offered, 5–6 June closed
        Properties fixture = fixture();
        assertEquals("3", fixture.getProperty("units"));
        assertEquals("0", fixture.getProperty("giteUnits"), "no unit addresses for an accommodation without stock");
        String rooms = fixture.getProperty("rooms");
        String closed = "EVENT|full-" + rooms + "-2027-05-01@sejour|2027-05-01|2027-05-08|true|Fermé|stamped";
        assertEquals(List.of(closed, "EVENT|full-" + rooms + "-2027-06-05@sejour|2027-06-05|2027-06-07|true|Fermé|stamped"),
                events(feed(fixture.getProperty("accommodation"))));
        assertEquals(List.of("2027-05-01|2027-05-08", "2027-06-05|2027-06-07"),
                nights(feed(fixture.getProperty("unit1"))), "unit 1 closes only when nothing is left");
        assertEquals(List.of("2027-05-01|2027-05-08", "2027-06-05|2027-06-07"), nights(feed(fixture.getProperty("unit2"))));
        assertEquals(List.of("2027-05-01|2027-05-15", "2027-05-20|2027-05-23", "2027-06-05|2027-06-07"),
                nights(feed(fixture.getProperty("unit3"))), "one sold leaves two; two offered leave two");
        assertTrue(events(feed(fixture.getProperty("unit3"))).get(0)
                .startsWith("EVENT|unit3-" + rooms + "-2027-05-01@sejour|"), "stable UIDs per unit");

        String unit2 = fixture.getProperty("unit2");
        assertEquals(3, List.of(fixture.getProperty("unit1"), unit2, fixture.getProperty("unit3")).stream()
                .distinct().filter(token -> token.matches("[A-Za-z0-9_-]{43}")).count(), "three secret addresses");
        HttpResponse<String> first = get(unit2, null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(get(fixture.getProperty("unit3"), null).headers().firstValue("ETag").orElseThrow(), etag);
        assertEquals(304, get(unit2, etag).statusCode(), "conditional GET per unit");
    }

    private Properties fixture() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(TestSettings.baseUrl()
                        + "sejour-tests/fixtures/unit-export")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        Properties properties = new Properties();
        properties.load(new StringReader(response.body()));
        return properties;
    }

    private HttpResponse<String> get(String token, String etag) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + "ical/" + token + ".ics"));
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String feed(String token) throws IOException, InterruptedException {
        HttpResponse<String> response = get(token, null);
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
        return response.body();
    }

    /** The events as ical.js reads them (the VERSION and PRODID lines dropped). */
    private static List<String> events(String ics) throws IOException, InterruptedException {
        Path module = NPM.resolve("node_modules").resolve("ical.js");
        if (!Files.isDirectory(module)) {
            Files.createDirectories(NPM);
            run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", NPM.toString(), "ical.js@2.2.1"));
        }
        Path script = NPM.resolve("read-ics.mjs");
        Files.copy(READER, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path file = Files.createTempFile(NPM, "unit", ".ics");
        Files.writeString(file, ics);
        return run(List.of("node", script.toString(), file.toString())).lines()
                .filter(line -> line.startsWith("EVENT|")).toList();
    }

    /** start|end of each event, all-day ones only (anything else fails the comparison). */
    private static List<String> nights(String ics) throws IOException, InterruptedException {
        return events(ics).stream().map(line -> line.split("\\|"))
                .map(f -> "true".equals(f[4]) ? f[2] + "|" + f[3] : String.join("|", f)).toList();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, process.exitValue(), () -> command + " failed:\n" + output);
        return output;
    }
}
