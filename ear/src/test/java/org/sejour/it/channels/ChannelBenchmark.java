package org.sejour.it.channels;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.AccommodationService;
import org.sejour.application.CreatedOwner;
import org.sejour.application.OperatorService;
import org.sejour.application.channel.ChannelExportService;
import org.sejour.application.channel.ChannelFeedService;
import org.sejour.application.channel.FeedStatusView;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Classification;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.channel.FeedStatus;
import org.sejour.domain.model.shared.TranslatedText;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

import static org.sejour.it.Timings.percentile;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Channel figures, not part of the suite (run with -Dit.test=ChannelBenchmark): export of an
 * accommodation with two years of weekly bookings over HTTP (full and 304 from the cache, and
 * full right after a change, rendered again), and the import of 1,000 feeds served locally.
 * Figures to the server log and appended to java.io.tmpdir/sejour-bench.txt (./sejour bench prints it).
 */
@ExtendWith(ArquillianExtension.class)
public class ChannelBenchmark {

    private static final Logger LOG = Logger.getLogger(ChannelBenchmark.class.getName());
    static final int FEEDS = 1000;

    @EJB
    OperatorService operators;
    @EJB
    AccommodationService accommodations;
    @EJB
    ChannelExportService exports;
    @EJB
    ChannelFeedService feeds;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    @Test
    void measure() throws Exception {
        StringBuilder report = new StringBuilder();
        CreatedOwner owner = operators.createOwner("bench-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.test");
        long accommodationId = newAccommodation(owner.accountId(), "Gîte bench");
        LocalDate first = LocalDate.now().plusDays(1);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into dossier (account_id, number, status, accommodation_id, arrival, departure, "
                        + "guest_first_name, guest_last_name, origin, total, deposit_amount, created_by) "
                        + "values (?, ?, 'CONFIRMED', ?, ?, ?, 'Claude', 'Martin', 'PHONE', 500, 150, 'bench')")) {
            for (int week = 0; week < 104; week++) {
                s.setLong(1, owner.accountId());
                s.setInt(2, week + 1);
                s.setLong(3, accommodationId);
                s.setObject(4, first.plusWeeks(week));
                s.setObject(5, first.plusWeeks(week).plusDays(7));
                s.addBatch();
            }
            s.executeBatch();
        }
        String url = ChannelsIT.applicationUrl() + "/ical/" + exports.exportToken(owner.accountId(), accommodationId)
                + ".ics";
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> warm = null;
        for (int i = 0; i < 100; i++) {
            warm = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }
        assertEquals(200, warm.statusCode());
        String etag = warm.headers().firstValue("ETag").orElseThrow();
        double[] full = new double[500];
        double[] conditional = new double[500];
        for (int i = 0; i < full.length; i++) {
            long start = System.nanoTime();
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            full[i] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            assertEquals(304, http.send(HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            conditional[i] = (System.nanoTime() - start) / 1e6;
        }
        report.append(String.format("export, 104 weekly bookings over 2 years (%d bytes), full GET: %s  (target p95 <= 20 ms)%n",
                warm.body().length(), stats(full)));
        report.append(String.format("export, conditional GET answered 304: %s%n", stats(conditional)));
        // what a poll costs right after the nights changed: the feed is rendered again (cache missed)
        double[] changed = new double[200];
        try (Connection c = dataSource.getConnection(); PreparedStatement bump = c.prepareStatement(
                "update channel_export set nights_version = gen_random_uuid() where accommodation_id = ?")) {
            bump.setLong(1, accommodationId);
            for (int i = 0; i < changed.length; i++) {
                assertEquals(1, bump.executeUpdate());
                long start = System.nanoTime();
                assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
                changed[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        report.append(String.format("export, full GET right after a change (rendered again): %s%n", stats(changed)));

        try (FeedServer platform = new FeedServer()) {
            List<Long> ids = new ArrayList<>();
            for (int a = 0; a < FEEDS / 20; a++) {
                long id = newAccommodation(owner.accountId(), "Gîte import " + a);
                for (int f = 0; f < 20; f++) {
                    String path = "/feed-" + a + "-" + f + ".ics";
                    LocalDate night = first.plusDays(f * 10L);
                    platform.serve(path, FeedServer.Answer.calendar(ChannelsIT.calendar("-//Bench//EN",
                            ChannelsIT.event("e" + f + "a@bench", night, night.plusDays(3), "Reserved"),
                            ChannelsIT.event("e" + f + "b@bench", night.plusDays(4), night.plusDays(6), "Blocked"))));
                    ids.add(feeds.add(owner.accountId(), id, "Feed " + f, platform.url(path)).id());
                }
            }
            // as the scheduled job does: chunks of 20 feeds, each chunk synced a few feeds at a time
            long start = System.nanoTime();
            int ok = 0;
            for (int from = 0; from < ids.size(); from += 20) {
                for (FeedStatusView status : feeds.syncAll(ids.subList(from, Math.min(ids.size(), from + 20)))) {
                    ok += status.status() == FeedStatus.OK ? 1 : 0;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(FEEDS, ok);
            report.append(String.format("import of %d feeds (2 events each, served locally), chunks of 20 synced "
                    + "4 at a time: %.1f s  (target <= 60 s)%n", FEEDS, seconds));
        }
        // the machine is shared: the figures mean little without the load they were taken under
        report.append("load average (1, 5, 15 min) at the end: ")
                .append(Files.readString(Path.of("/proc/loadavg")).strip()).append(System.lineSeparator());
        LOG.info(report::toString);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "sejour-bench.txt"), report,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private long newAccommodation(long accountId, String name) {
        return accommodations.create(accountId, new AccommodationDetails(name, false, AccommodationType.GITE,
                Classification.TWO_STARS, null, "1 chemin", "38000", "Grenoble", null, null, 1, 6, null, null, null,
                null, Visibility.BOOKABLE, TranslatedText.empty(), Set.of())).id();
    }

    private static String stats(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms", percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99));
    }
}
