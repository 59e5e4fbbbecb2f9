package org.sejour.infrastructure.channel;

import org.junit.jupiter.api.Test;
import org.sejour.domain.model.channel.ClosedPeriod;
import org.sejour.domain.model.channel.ParsedFeed;
import org.sejour.domain.model.shared.StayPeriod;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The export feed read back by ical.js, an independent parser (npm, installed by this test
 * into target/npm on first run; node and npm must be on the machine, see .ci/run).
 */
class ICalExportWriterTest {

    private static final Path NPM = Path.of("target", "npm");
    private static final Instant STAMP = Instant.parse("2027-01-15T09:30:00Z");

    private final List<ClosedPeriod> periods = List.of(
            new ClosedPeriod("dossier-7-3@sejour", StayPeriod.of(LocalDate.of(2027, 5, 1), 7),
                    ClosedPeriod.Reason.BOOKED, STAMP),
            new ClosedPeriod("ban-2-3@sejour", new StayPeriod(LocalDate.of(2027, 12, 31), LocalDate.of(2028, 1, 2)),
                    ClosedPeriod.Reason.CLOSED, STAMP));

    @Test
    void icalJsReadsAllDayEventsWithAnExclusiveEnd() throws Exception {
        String ics = new ICalExportWriter().write(periods);
        List<String> lines = readWithIcalJs(ics);
        assertEquals(List.of(
                "VERSION|2.0",
                "PRODID|" + ICalExportWriter.PRODUCT,
                "EVENT|dossier-7-3@sejour|2027-05-01|2027-05-08|true|Réservé|stamped",
                "EVENT|ban-2-3@sejour|2027-12-31|2028-01-02|true|Fermé|stamped"), lines);
    }

    @Test
    void theSameNightsAlwaysGiveTheSameBytesSoTheEtagHolds() {
        String ics = new ICalExportWriter().write(periods);
        assertEquals(2, ics.split("DTSTAMP:", -1).length - 1, ics);
        assertEquals(2, ics.split("DTSTAMP:20270115T093000Z", -1).length - 1, "one DTSTAMP per event, fixed:\n" + ics);
        assertEquals(ics, new ICalExportWriter().write(periods));
    }

    @Test
    void ourOwnImporterReadsOurExportBackToTheSameNights() {
        ParsedFeed back = new ICalFeedParser(ZoneId.of("Europe/Paris")).parse(new ICalExportWriter().write(periods));
        assertEquals(periods.stream().map(ClosedPeriod::nights).toList(),
                back.events().stream().map(e -> e.nights()).toList());
        assertEquals(periods.stream().map(ClosedPeriod::uid).toList(), back.events().stream().map(e -> e.uid()).toList());
    }

    static List<String> readWithIcalJs(String ics) throws IOException, InterruptedException {
        Path module = NPM.resolve("node_modules").resolve("ical.js");
        if (!Files.isDirectory(module)) {
            Files.createDirectories(NPM);
            run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", NPM.toString(), "ical.js@2.2.1"));
        }
        Path script = NPM.resolve("read-ics.mjs");
        try (InputStream in = ICalExportWriterTest.class.getResourceAsStream("/channels/node/read-ics.mjs")) {
            Files.write(script, in.readAllBytes());
        }
        Path file = Files.createTempFile(NPM, "export", ".ics");
        Files.writeString(file, ics);
        return run(List.of("node", script.toString(), file.toString())).lines().toList();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, process.exitValue(), () -> command + " failed:\n" + output);
        return output;
    }
}
