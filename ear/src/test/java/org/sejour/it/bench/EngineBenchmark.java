package org.sejour.it.bench;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.CreatedOwner;
import org.sejour.application.OperatorService;
import org.sejour.application.booking.AvailabilityService;
import org.sejour.application.booking.BookingCommand;
import org.sejour.application.booking.BookingService;
import org.sejour.application.booking.ChangeCommand;
import org.sejour.application.booking.DossierService;
import org.sejour.application.booking.StayRequest;
import org.sejour.application.catalog.SalesTermsService;
import org.sejour.domain.model.catalog.AccountSalesTerms;
import org.sejour.domain.model.catalog.CancellationRule;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.NotBookableException;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.dossier.Repricing;
import org.sejour.domain.model.dossier.StayTakenException;
import org.sejour.domain.model.pricing.CancellationPolicy;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.StayPeriod;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import static org.sejour.it.Timings.time;
import static org.sejour.it.Timings.percentile;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The booking engine's benchmark (./sejour bench), not part of the test suite: seeds 500
 * accommodations with a year of rates and stock, then measures search, month calendar,
 * booking throughput, a date change, a cancellation and the raw SQL floor, inside Payara against
 * PostgreSQL. The figures go
 * to the server log and to java.io.tmpdir/sejour-bench.txt, which ./sejour bench prints.
 */
@ExtendWith(ArquillianExtension.class)
public class EngineBenchmark {

    private static final Logger LOG = Logger.getLogger(EngineBenchmark.class.getName());
    static final int ACCOMMODATIONS = 500;

    @EJB
    OperatorService operators;
    @EJB
    AvailabilityService availability;
    @EJB
    BookingService bookings;
    @EJB
    DossierService dossiers;
    @EJB
    SalesTermsService salesTerms;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;
    @Resource
    ManagedExecutorService executor;

    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        long seedStart = System.nanoTime();
        CreatedOwner owner = operators.createOwner("bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
        long accountId = owner.accountId();
        seed(accountId, owner.accountNumber());
        line("seed: %d accommodations, 2 rates each over 366 days, %d night_stock rows in %.1f s",
                ACCOMMODATIONS, count("select count(*) from night_stock s join accommodation a on a.id = s.accommodation_id "
                        + "where a.account_id = " + accountId), (System.nanoTime() - seedStart) / 1e9);

        LocalDate arrival = LocalDate.now().plusDays(30);
        int found = availability.search(accountId, arrival, 7).size();
        assertEquals(ACCOMMODATIONS, found, "every accommodation is bookable for the searched week");
        double[] search = time(20, 200, () -> availability.search(accountId, arrival, 7));
        line("availability search, 1 arrival x 7 nights over %d accommodations: %s  (target p95 <= 25 ms)",
                ACCOMMODATIONS, stats(search));

        long[] ids = ids("select id from accommodation where account_id = " + accountId + " order by id");
        YearMonth month = YearMonth.from(LocalDate.now().plusMonths(1));
        int[] next = {0};
        double[] calendar = time(50, 500, () -> availability.month(accountId, ids[next[0]++ % ids.length], month));
        line("month calendar of one accommodation: %s  (target p95 <= 10 ms)", stats(calendar));

        double[] floor = time(20, 200, () -> rawSearch(accountId, arrival, 7));
        line("raw SQL floor, same search in one JDBC query: %s", stats(floor));
        line("ratio Séjour / SQL floor at p50: %.1fx, at p95: %.1fx  (target <= 3x)",
                percentile(search, 50) / percentile(floor, 50), percentile(search, 95) / percentile(floor, 95));

        bookingThroughput(accountId, ids);
        hotUnit(accountId, ids);
        dateChanges(accountId, ids);
        cancellations(accountId, ids);

        Path file = Path.of(System.getProperty("java.io.tmpdir"), "sejour-bench.txt");
        Files.writeString(file, report.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        LOG.info(report::toString);
    }

    private void bookingThroughput(long accountId, long[] ids) throws Exception {
        int threads = 4;
        int perThread = 250;
        LocalDate base = LocalDate.now().plusDays(60);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(executor.submit(() -> {
                start.await();
                int ok = 0;
                for (int i = 0; i < perThread; i++) {
                    int n = thread * perThread + i;
                    // spread over units: a different accommodation (odd ones have no stock management) and week each time
                    long accommodationId = ids[(n * 2 + 1) % ids.length];
                    LocalDate arrival = base.plusWeeks(n / (ids.length / 2));
                    bookings.book(accountId, command(accommodationId, arrival, "Spread" + n), null, "bench");
                    ok++;
                }
                return ok;
            }));
        }
        long begin = System.nanoTime();
        start.countDown();
        int booked = 0;
        for (Future<Integer> f : results) {
            booked += f.get(10, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        line("booking creation spread over units, %d threads: %d bookings in %.2f s = %.0f bookings/s  (target >= 150/s)",
                threads, booked, seconds, booked / seconds);
    }

    private void hotUnit(long accountId, long[] ids) throws Exception {
        long hot = ids[0]; // even seq: stock-managed with 5 units
        LocalDate arrival = LocalDate.now().plusDays(200);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String name = "Hot" + i;
            Callable<Boolean> attempt = () -> {
                start.await();
                try {
                    bookings.book(accountId, command(hot, arrival, name), null, "bench");
                    return true;
                } catch (StayTakenException | NotBookableException e) {
                    return false;
                }
            };
            results.add(executor.submit(attempt));
        }
        start.countDown();
        int booked = 0;
        for (Future<Boolean> f : results) {
            booked += f.get(2, TimeUnit.MINUTES) ? 1 : 0;
        }
        long oversold = count("select count(*) from night_stock where sold > units");
        long mismatched = count("select count(*) from night_stock s where s.accommodation_id = " + hot
                + " and s.sold <> (select count(*) from dossier_stay t join dossier d on d.id = t.dossier_id "
                + "where t.accommodation_id = s.accommodation_id "
                + "and d.status <> 'CANCELLED' and s.night >= d.arrival and s.night < d.departure)");
        line("hot stock-5 unit, 50 concurrent guests on one week: %d booked, %d oversold nights, %d nights whose sold count "
                + "differs from their dossiers", booked, oversold, mismatched);
        assertEquals(5, booked);
        assertEquals(0, oversold);
        assertEquals(0, mismatched);
    }

    /**
     * Issue 16: a change of dates, one at a time as an owner makes them, each in its own
     * transaction: lock, keep the contract it replaces (rendered), give back and take the nights,
     * price by today's rules. Each run moves the same week one day further.
     */
    private void dateChanges(long accountId, long[] ids) throws Exception {
        long accommodationId = ids[ids.length - 1];
        LocalDate base = LocalDate.now().plusDays(250);
        long dossierId = bookings.book(accountId, command(accommodationId, base, "Changing"), null, "bench").id();
        int[] day = {0};
        double[] changes = time(5, 50, () -> bookings.change(accountId, dossierId, new ChangeCommand(List.of(
                new StayRequest(accommodationId, StayPeriod.of(base.plusDays(++day[0]), 7), Map.of("Adulte", 2),
                        Map.of(), Optional.empty(), Language.FR)), Repricing.Decision.of(Repricing.Choice.NEW_PRICE),
                false), "bench"));
        long mismatched = count("select count(*) from night_stock s where s.accommodation_id = " + accommodationId
                + " and s.sold <> (select count(*) from dossier_stay t join dossier d on d.id = t.dossier_id "
                + "where t.accommodation_id = s.accommodation_id "
                + "and d.status <> 'CANCELLED' and s.night >= d.arrival and s.night < d.departure)");
        line("date change of a booking (nights moved, contract version kept, repriced), one at a time: %s, "
                + "%d nights whose sold count differs from their dossiers", stats(changes), mismatched);
        assertEquals(0, mismatched);
    }

    /**
     * Issue 16: an owner's cancellation under the example policy (SPEC: 30 to 8 days before, 50 %),
     * one at a time, each in its own transaction: the terms computed, the fee kept as a line, the
     * nights given back to the stock, the amount to refund left on the dossier. Each run cancels
     * another dossier booked beforehand, a deposit paid on it, so only the cancellation is timed.
     */
    private void cancellations(long accountId, long[] ids) throws Exception {
        AccountSalesTerms terms = salesTerms.get(accountId);
        salesTerms.change(accountId, terms.settings(), 1, terms.conditions(), new AccountSalesTerms.Cancellation(
                List.of(new CancellationRule(31, CancellationPolicy.FeeKind.DEPOSIT, null),
                        new CancellationRule(8, CancellationPolicy.FeeKind.PERCENT, new BigDecimal("50")),
                        new CancellationRule(0, CancellationPolicy.FeeKind.PERCENT, new BigDecimal("100"))),
                false));
        int warmup = 5;
        int runs = 50;
        LocalDate arrival = LocalDate.now().plusDays(320);
        long[] booked = new long[warmup + runs];
        for (int i = 0; i < booked.length; i++) {
            booked[i] = bookings.book(accountId, command(ids[i % ids.length], arrival, "Cancelling" + i), null, "bench")
                    .id();
            dossiers.recordPayment(accountId, booked[i], PaymentKind.DEPOSIT, LocalDate.now(), Money.of("300.00"),
                    "transfer", null, null, "bench");
        }
        int[] next = {0};
        double[] cancels = time(warmup, runs, () -> dossiers.cancel(accountId, booked[next[0]++], "bench", "bench"));
        long stillSold = count("select coalesce(sum(s.sold), 0) from night_stock s where s.night >= '" + arrival
                + "' and s.night < '" + arrival.plusDays(7) + "' and s.accommodation_id in (select id from accommodation "
                + "where account_id = " + accountId + ")");
        long withoutFee = count("select count(*) from dossier where account_id = " + accountId + " and arrival = '" + arrival
                + "' and (status <> 'CANCELLED' or not exists (select 1 from dossier_line l where l.dossier_id = dossier.id "
                + "and l.kind = 'CANCELLATION_FEE'))");
        line("cancellation of a booking under the owner's policy (fee kept as a line, nights back, refund left), "
                + "one at a time: %s, %d nights still sold, %d dossiers not cancelled with their fee",
                stats(cancels), stillSold, withoutFee);
        assertEquals(0, stillSold);
        assertEquals(0, withoutFee);
    }

    private static BookingCommand command(long accommodationId, LocalDate arrival, String name) {
        return new BookingCommand(new StayRequest(accommodationId, StayPeriod.of(arrival, 7), Map.of("Adulte", 2),
                Map.of(), Optional.empty(), Language.FR),
                new Guest("Bench", name, null, null, null, null, null, "FR", Language.FR), Origin.WIDGET, null, false);
    }

    private void seed(long accountId, int accountNumber) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            execute(c, "insert into accommodation (account_id, seq, reference, name, stock_managed, type, classification, "
                    + "address, city, capacity_min, capacity_max, visibility) "
                    + "select " + accountId + ", g, 'OSMB-" + accountNumber + "-' || g, 'Bench ' || g, g % 2 = 1, 'GITE', "
                    + "'TWO_STARS', '1 rue du Banc', 'Annecy', 1, 6, 'BOOKABLE' from generate_series(1, " + ACCOMMODATIONS + ") g");
            execute(c, "update account set last_accommodation_seq = " + ACCOMMODATIONS + " where id = " + accountId);
            for (int nights : new int[]{2, 7}) {
                execute(c, "insert into rate (account_id, accommodation_id, nights, arrival_days, price) "
                        + "select " + accountId + ", id, " + nights + ", 127, " + (nights * 70) + " + id % 50 "
                        + "from accommodation where account_id = " + accountId);
            }
            execute(c, "insert into rate_period (rate_id, first_day, last_day) select id, current_date + 1, "
                    + "current_date + 366 from rate where account_id = " + accountId);
            execute(c, "insert into night_stock (accommodation_id, night, units) select a.id, d::date, "
                    + "case when a.stock_managed then 5 else 1 end from accommodation a "
                    + "cross join generate_series(current_date, current_date + 400, interval '1 day') d "
                    + "where a.account_id = " + accountId);
            execute(c, "analyze");
        }
    }

    /** The search as one hand-written query: bookable accommodations with a rate and a free unit every night. */
    private void rawSearch(long accountId, LocalDate arrival, int nights) {
        String sql = "select a.id, r.price from accommodation a "
                + "join rate r on r.accommodation_id = a.id and r.nights = ? and (r.arrival_days & ?) <> 0 "
                + "join rate_period p on p.rate_id = r.id and ? between p.first_day and p.last_day "
                + "where a.account_id = ? and a.visibility = 'BOOKABLE' "
                + "and (select count(*) from night_stock s where s.accommodation_id = a.id and s.night >= ? "
                + "     and s.night < ? and s.sold < s.units) = ? "
                + "and not exists (select 1 from sales_ban b where b.accommodation_id = a.id "
                + "     and b.first_night < ? and b.last_night >= ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            LocalDate departure = arrival.plusDays(nights);
            s.setInt(1, nights);
            s.setInt(2, 1 << (arrival.getDayOfWeek().getValue() - 1));
            s.setObject(3, arrival);
            s.setLong(4, accountId);
            s.setObject(5, arrival);
            s.setObject(6, departure);
            s.setInt(7, nights);
            s.setObject(8, departure);
            s.setObject(9, arrival);
            int rows = 0;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows++;
                }
            }
            assertEquals(ACCOMMODATIONS, rows);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stats(double[] sorted) {
        double total = Arrays.stream(sorted).sum();
        return String.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, %.0f/s sequential",
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.length / (total / 1000));
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        report.append(text).append('\n');
        LOG.info(text);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private long[] ids(String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        }
    }
}
