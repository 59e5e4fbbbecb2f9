package org.sejour.it.bench;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.CreatedOwner;
import org.sejour.application.OperatorService;
import org.sejour.application.report.ReportFigures;
import org.sejour.application.report.ReportService;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sejour.it.Timings.percentile;
import static org.sejour.it.Timings.time;

/**
 * The owner's reports at 100,000 dossiers of one owner over 50 gîtes, 2016–2037, with 20,000
 * dossiers of another owner on the same nights (not part of the suite; run with
 * ./sejour bench ReportBenchmark). Target: p95 ≤ 300 ms per report, one report being one
 * {@link ReportService#report} call (all three of the page's tables). The seeded dossiers follow
 * formulas, so the figures are worked out again here in Java, night by night, from the same
 * formulas ({@link Model}); any difference fails the run. Figures go to the server log and are
 * appended to java.io.tmpdir/sejour-bench.txt.
 */
@ExtendWith(ArquillianExtension.class)
public class ReportBenchmark {

    private static final Logger LOG = Logger.getLogger(ReportBenchmark.class.getName());
    static final int DOSSIERS = 100_000;
    static final int ACCOMMODATIONS = 50;
    static final int OTHER_DOSSIERS = 20_000;
    static final int OTHER_ACCOMMODATIONS = 10;
    static final LocalDate FIRST_ARRIVAL = LocalDate.of(2016, 1, 1);
    /** closed on every tenth gîte (seq 10, 20…) */
    static final LocalDate BAN_FIRST = LocalDate.of(2026, 3, 1);
    static final LocalDate BAN_LAST = LocalDate.of(2026, 3, 10);
    static final int WARMUP = 5;
    static final int RUNS = 60;
    static final double TARGET_MS = 300;

    @EJB
    OperatorService operators;
    @EJB
    ReportService reports;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    @Test
    void measure() throws Exception {
        CreatedOwner owner = createOwner("rbench");
        CreatedOwner other = createOwner("rbench-other");
        long seedStart = System.nanoTime();
        List<Long> gites = seed(owner.accountId(), owner.accountNumber(), ACCOMMODATIONS, DOSSIERS);
        seed(other.accountId(), other.accountNumber(), OTHER_ACCOMMODATIONS, OTHER_DOSSIERS);
        analyze();
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        record Case(String name, LocalDate from, LocalDate to, Integer seq) {
        }
        List<Case> cases = List.of(new Case("year 2026, all gîtes", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null),
                new Case("year 2026, one gîte", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 10),
                new Case("two years 2025-2026, all gîtes", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31), null),
                new Case("15 Feb - 14 Apr 2026, all gîtes", LocalDate.of(2026, 2, 15), LocalDate.of(2026, 4, 14), null));
        StringBuilder report = new StringBuilder(String.format("reports, %d dossiers of one owner over %d gîtes "
                        + "(+ %d of another owner; seeded in %.1f s), %d runs after %d warm-up, target p95 <= %.0f ms:%n",
                DOSSIERS, ACCOMMODATIONS, OTHER_DOSSIERS, seedSeconds, RUNS, WARMUP, TARGET_MS));
        for (Case c : cases) {
            Long accommodation = c.seq() == null ? null : gites.get(c.seq() - 1);
            ReportFigures figures = reports.report(owner.accountId(), c.from(), c.to(), accommodation);
            check(c.name(), new Model(c.from(), c.to(), c.seq()), figures);
            double[] millis = time(WARMUP, RUNS, () -> reports.report(owner.accountId(), c.from(), c.to(), accommodation));
            double p95 = percentile(millis, 95);
            report.append(String.format("  %s (%d dossiers with a night in it, occupancy %s, revenue %s): p50 %.1f ms,"
                            + " p95 %.1f ms, max %.1f ms — %s%n", c.name(), figures.dossiers(),
                    figures.total().occupancy(), figures.total().revenue().amount(), percentile(millis, 50), p95,
                    millis[millis.length - 1], p95 <= TARGET_MS ? "within target" : "OVER TARGET"));
        }
        report.append(String.format("  figures checked against a night-by-night recount in Java; load average %.1f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        LOG.info(report.toString());
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "sejour-bench.txt"), report.toString(),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private CreatedOwner createOwner(String prefix) {
        return operators.createOwner(prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
    }

    // ---- the seeded data, as formulas of the dossier's index n (0-based) ----

    static int seq(int n, int accommodations) {
        return 1 + n % accommodations;
    }

    static int nights(int n) {
        return 2 + n % 3;
    }

    /** Each gîte's stays follow one another every 4 days: at most 4 nights, so they never overlap. */
    static LocalDate arrival(int n, int accommodations) {
        return FIRST_ARRIVAL.plusDays(4L * (n / accommodations));
    }

    static boolean cancelled(int n) {
        return n % 10 == 0;
    }

    static String origin(int n) {
        return n % 13 == 0 ? "TEST" : List.of("PHONE", "WIDGET", "BOOKING_SITE", "CHANNEL").get(n % 4);
    }

    static BigDecimal lodging(int n) {
        return BigDecimal.valueOf(90L * nights(n) + n % 50);
    }

    static BigDecimal supplement(int n) {
        return n % 5 == 1 ? new BigDecimal("20.00") : BigDecimal.ZERO;
    }

    static boolean banned(int seq) {
        return seq % 10 == 0;
    }

    /**
     * Gîtes, dossiers (each with its stay, party and lines: the rate, one in five a 20 € supplement,
     * and a tourist tax that must not count) and the bans, all in SQL from the formulas above.
     * Answers the gîtes' ids by seq.
     */
    private List<Long> seed(long accountId, int accountNumber, int accommodations, int dossiers) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into accommodation (account_id, seq, reference, name, stock_managed, type, classification, "
                    + "address, city, capacity_min, capacity_max, visibility) "
                    + "select " + accountId + ", g, 'RBEN-" + accountNumber + "-' || g, 'Gîte ' || g, false, "
                    + "'GITE', 'TWO_STARS', '1 rue du Banc', 'Annecy', 1, 6, 'BOOKABLE' from generate_series(1, "
                    + accommodations + ") g");
            s.execute("update account set last_accommodation_seq = " + accommodations + " where id = " + accountId);
            String nights = "(2 + n % 3)";
            String lodging = "(90 * " + nights + " + n % 50)";
            String supplement = "(case when n % 5 = 1 then 20 else 0 end)";
            String tax = "(1.5 * " + nights + ")";
            s.execute("insert into dossier (account_id, number, status, accommodation_id, arrival, departure, "
                    + "guest_first_name, guest_last_name, origin, total, deposit_amount, created_by, created_at) "
                    + "select " + accountId + ", n + 1, case when n % 10 = 0 then 'CANCELLED' when n % 3 = 0 "
                    + "then 'CONFIRMED' else 'OPTION' end, a.id, date '" + FIRST_ARRIVAL + "' + 4 * (n / " + accommodations
                    + "), date '" + FIRST_ARRIVAL + "' + 4 * (n / " + accommodations + ") + " + nights + ", 'Claude', "
                    + "'Bench' || n, case when n % 13 = 0 then 'TEST' else (array['PHONE', 'WIDGET', 'BOOKING_SITE', "
                    + "'CHANNEL'])[1 + n % 4] end, " + lodging + " + " + supplement + " + " + tax + ", 0, 'bench', "
                    + "timestamptz '2015-06-01' + n * interval '1 hour' "
                    + "from generate_series(0, " + (dossiers - 1) + ") n join accommodation a on a.account_id = "
                    + accountId + " and a.seq = 1 + n % " + accommodations);
            s.execute("insert into dossier_stay (dossier_id, position, accommodation_id) select id, 0, accommodation_id "
                    + "from dossier where account_id = " + accountId);
            s.execute("insert into dossier_party (dossier_id, label, persons, taxable) select id, 'Adulte', 2, true "
                    + "from dossier where account_id = " + accountId);
            String n = "(number - 1)";
            s.execute("insert into dossier_line (dossier_id, position, kind, label, quantity, amount, stay_position) "
                    + "select id, 0, 'ACCOMMODATION', '', 1, " + lodging.replace("n", n) + ", 0 from dossier where account_id = "
                    + accountId);
            s.execute("insert into dossier_line (dossier_id, position, kind, label, quantity, amount, stay_position) "
                    + "select id, 1, 'SUPPLEMENT', 'Ménage', 1, 20, 0 from dossier where account_id = " + accountId
                    + " and " + n + " % 5 = 1");
            s.execute("insert into dossier_line (dossier_id, position, kind, label, quantity, amount, stay_position) "
                    + "select id, 2, 'TOURIST_TAX', '', " + nights.replace("n", n) + ", " + tax.replace("n", n)
                    + ", 0 from dossier where account_id = " + accountId);
            // the nights the live dossiers hold, as bookings take them (one unit each, sold)
            s.execute("insert into night_stock (accommodation_id, night, units, sold) select accommodation_id, "
                    + "d::date, 1, 1 from dossier cross join generate_series(arrival, departure - 1, interval '1 day') d "
                    + "where account_id = " + accountId + " and status <> 'CANCELLED'");
            s.execute("insert into sales_ban (accommodation_id, first_night, last_night) select id, date '" + BAN_FIRST
                    + "', date '" + BAN_LAST + "' from accommodation where account_id = " + accountId + " and seq % 10 = 0");
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("select id from accommodation where account_id = ? order by seq")) {
                q.setLong(1, accountId);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
            }
            return ids;
        }
    }

    private void analyze() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("analyze");
        }
    }

    /** The figures recounted night by night from the formulas: no SQL, no pro-rata formula shared with the service. */
    static final class Model {
        final Map<Integer, long[]> nightsBySeq = new HashMap<>();     // lettable, dossier nights
        final Map<Integer, BigDecimal[]> moneyBySeq = new HashMap<>(); // lodging, extras
        final Map<YearMonth, long[]> nightsByMonth = new TreeMap<>();
        final Map<YearMonth, BigDecimal[]> moneyByMonth = new TreeMap<>();
        final Map<String, long[]> origins = new TreeMap<>();           // live, cancelled

        Model(LocalDate from, LocalDate to, Integer onlySeq) {
            // a closed night stays lettable for the unit sold on it anyway (booking tests included)
            Set<String> heldWhileClosed = new HashSet<>();
            for (int n = 0; n < DOSSIERS; n++) {
                int seq = seq(n, ACCOMMODATIONS);
                if (banned(seq) && !cancelled(n)) {
                    LocalDate arrival = arrival(n, ACCOMMODATIONS);
                    for (LocalDate night = arrival; night.isBefore(arrival.plusDays(nights(n))); night = night.plusDays(1)) {
                        heldWhileClosed.add(seq + ":" + night);
                    }
                }
            }
            for (int seq = 1; seq <= ACCOMMODATIONS; seq++) {
                if (onlySeq != null && seq != onlySeq) {
                    continue;
                }
                nightsBySeq.put(seq, new long[2]);
                moneyBySeq.put(seq, new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
                for (LocalDate night = from; !night.isAfter(to); night = night.plusDays(1)) {
                    boolean closed = banned(seq) && !night.isBefore(BAN_FIRST) && !night.isAfter(BAN_LAST);
                    if (!closed || heldWhileClosed.contains(seq + ":" + night)) {
                        nightsBySeq.get(seq)[0]++;
                        nightsByMonth.computeIfAbsent(YearMonth.from(night), m -> new long[2])[0]++;
                    }
                }
            }
            for (int n = 0; n < DOSSIERS; n++) {
                int seq = seq(n, ACCOMMODATIONS);
                if ((onlySeq != null && seq != onlySeq) || origin(n).equals("TEST")) {
                    continue;
                }
                LocalDate arrival = arrival(n, ACCOMMODATIONS);
                LocalDate departure = arrival.plusDays(nights(n));
                if (!arrival.isBefore(to.plusDays(1)) || !departure.isAfter(from)) {
                    continue;
                }
                origins.computeIfAbsent(origin(n), o -> new long[2])[cancelled(n) ? 1 : 0]++;
                if (cancelled(n)) {
                    continue;
                }
                BigDecimal perNightLodging = lodging(n).divide(BigDecimal.valueOf(nights(n)), 20, RoundingMode.HALF_UP);
                BigDecimal perNightExtras = supplement(n).divide(BigDecimal.valueOf(nights(n)), 20, RoundingMode.HALF_UP);
                for (LocalDate night = arrival; night.isBefore(departure); night = night.plusDays(1)) {
                    if (night.isBefore(from) || night.isAfter(to)) {
                        continue;
                    }
                    YearMonth month = YearMonth.from(night);
                    nightsBySeq.get(seq)[1]++;
                    nightsByMonth.computeIfAbsent(month, m -> new long[2])[1]++;
                    BigDecimal[] bySeq = moneyBySeq.get(seq);
                    bySeq[0] = bySeq[0].add(perNightLodging);
                    bySeq[1] = bySeq[1].add(perNightExtras);
                    BigDecimal[] byMonth = moneyByMonth.computeIfAbsent(month,
                            m -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
                    byMonth[0] = byMonth[0].add(perNightLodging);
                    byMonth[1] = byMonth[1].add(perNightExtras);
                }
            }
        }
    }

    /** The service's figures against the model's; the first difference fails the run. */
    private static void check(String name, Model model, ReportFigures figures) {
        assertEquals(model.nightsBySeq.size(), figures.byAccommodation().size(), name + ": gîtes reported");
        long lettable = 0;
        long booked = 0;
        BigDecimal lodging = BigDecimal.ZERO;
        BigDecimal extras = BigDecimal.ZERO;
        for (ReportFigures.AccommodationLine line : figures.byAccommodation()) {
            int seq = Integer.parseInt(line.name().substring("Gîte ".length()));
            long[] nights = model.nightsBySeq.get(seq);
            BigDecimal[] money = model.moneyBySeq.get(seq);
            String what = name + ", " + line.name();
            assertEquals(nights[0], line.figures().lettableNights(), what + ": lettable nights");
            assertEquals(nights[1], line.figures().dossierNights(), what + ": booked nights");
            assertEquals(0, line.figures().channelNights(), what + ": channel nights");
            assertEquals(cents(money[0]), line.figures().lodging().amount(), what + ": accommodation revenue");
            assertEquals(cents(money[1]), line.figures().extras().amount(), what + ": extras");
            lettable += nights[0];
            booked += nights[1];
            lodging = lodging.add(money[0]);
            extras = extras.add(money[1]);
        }
        assertEquals(model.nightsByMonth.size(), figures.byMonth().size(), name + ": months");
        for (ReportFigures.MonthLine line : figures.byMonth()) {
            long[] nights = model.nightsByMonth.get(line.month());
            BigDecimal[] money = model.moneyByMonth.getOrDefault(line.month(),
                    new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            String what = name + ", " + line.month();
            assertEquals(nights[0], line.figures().lettableNights(), what + ": lettable nights");
            assertEquals(nights[1], line.figures().dossierNights(), what + ": booked nights");
            assertEquals(cents(money[0]), line.figures().lodging().amount(), what + ": accommodation revenue");
            assertEquals(cents(money[1]), line.figures().extras().amount(), what + ": extras");
        }
        ReportFigures.Figures total = figures.total();
        assertEquals(lettable, total.lettableNights(), name + ": lettable nights in all");
        assertEquals(booked, total.dossierNights(), name + ": booked nights in all");
        assertEquals(BigDecimal.valueOf(booked).divide(BigDecimal.valueOf(lettable), 4, RoundingMode.HALF_UP),
                total.occupancy(), name + ": occupancy");
        assertEquals(cents(lodging.add(extras)), total.revenue().amount(), name + ": revenue");
        assertEquals(lodging.divide(BigDecimal.valueOf(booked), 2, RoundingMode.HALF_UP),
                total.averageNightlyPrice().amount(), name + ": average nightly price");
        Map<String, long[]> origins = new TreeMap<>();
        figures.origins().forEach(o -> origins.put(o.origin().name(), new long[]{o.bookings(), o.cancelled()}));
        assertEquals(model.origins.keySet(), origins.keySet(), name + ": origins (no booking test)");
        model.origins.forEach((origin, counts) -> {
            assertEquals(counts[0], origins.get(origin)[0], name + ": " + origin + " bookings");
            assertEquals(counts[1], origins.get(origin)[1], name + ": " + origin + " cancelled");
        });
        long all = model.origins.values().stream().mapToLong(c -> c[0] + c[1]).sum();
        long cancelled = model.origins.values().stream().mapToLong(c -> c[1]).sum();
        assertEquals(BigDecimal.valueOf(cancelled).divide(BigDecimal.valueOf(all), 4, RoundingMode.HALF_UP),
                figures.cancellationRate(), name + ": cancellation rate");
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
