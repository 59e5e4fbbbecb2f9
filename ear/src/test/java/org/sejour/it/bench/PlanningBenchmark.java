package org.sejour.it.bench;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.CreatedOwner;
import org.sejour.application.OperatorService;
import org.sejour.application.planning.PlanningQueries;
import org.sejour.application.planning.PlanningView;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;
import java.util.logging.Logger;

import static org.sejour.it.Timings.time;
import static org.sejour.it.Timings.percentile;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The planning's read side at the size (not part of the suite; run with
 * -Dit.test=PlanningBenchmark): 50 accommodations with rates, stock, a booking a week and a
 * sales ban, read 60-odd days at a time, then moved a week at a time. Figures go to the
 * server log and are appended to java.io.tmpdir/sejour-bench.txt.
 */
@ExtendWith(ArquillianExtension.class)
public class PlanningBenchmark {

    private static final Logger LOG = Logger.getLogger(PlanningBenchmark.class.getName());
    public static final int ACCOMMODATIONS = 50;

    @EJB
    OperatorService operators;
    @EJB
    PlanningQueries planning;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    @Test
    void measure() throws Exception {
        CreatedOwner owner = operators.createOwner("pbench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
        seed(dataSource, owner.accountId(), owner.accountNumber());
        LocalDate start = LocalDate.now().plusDays(7);
        PlanningView view = planning.load(owner.accountId(), start, start.plusDays(62));
        assertEquals(ACCOMMODATIONS, view.accommodations().size());

        double[] full = time(20, 200, () -> planning.load(owner.accountId(), start, start.plusDays(62)));
        int[] week = {0};
        double[] moves = time(20, 200, () -> {
            LocalDate moved = start.plusWeeks(++week[0] % 20);
            planning.load(owner.accountId(), moved, moved.plusDays(27));
        });
        String report = String.format("planning read side, %d accommodations x 63 days: p50 %.2f ms, p95 %.2f ms;"
                        + " one week move (28 days): p50 %.2f ms, p95 %.2f ms; %d bookings, %d rate spans in view%n",
                ACCOMMODATIONS, percentile(full, 50), percentile(full, 95), percentile(moves, 50),
                percentile(moves, 95), view.accommodations().stream().mapToInt(a -> a.bookings().size()).sum(),
                view.accommodations().stream().mapToInt(a -> a.rates().size()).sum());
        LOG.info(report);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "sejour-bench.txt"), report,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * The planning: 50 accommodations (every other one stock-managed) of an owner who has
     * none yet, each with a weekly rate over a year, a year of stock, a booking a week and a
     * sales ban, from today on. Also the data of PlanningStatementsIT.
     */
    public static void seed(DataSource dataSource, long accountId, int accountNumber) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into accommodation (account_id, seq, reference, name, stock_managed, type, classification, "
                    + "address, city, capacity_min, capacity_max, visibility) "
                    + "select " + accountId + ", g, 'OSMB-" + accountNumber + "-' || g, 'Planning ' || g, g % 2 = 1, "
                    + "'GITE', 'TWO_STARS', '1 rue du Banc', 'Annecy', 1, 6, 'BOOKABLE' from generate_series(1, "
                    + ACCOMMODATIONS + ") g");
            s.execute("update account set last_accommodation_seq = " + ACCOMMODATIONS + " where id = " + accountId);
            s.execute("insert into rate (account_id, accommodation_id, nights, arrival_days, price) select "
                    + accountId + ", id, 7, 32, 500 from accommodation where account_id = " + accountId);
            s.execute("insert into rate_period (rate_id, first_day, last_day) select id, current_date + m * 30, "
                    + "current_date + m * 30 + 29 from rate, generate_series(0, 11) m where account_id = " + accountId);
            s.execute("insert into night_stock (accommodation_id, night, units) select a.id, d::date, "
                    + "case when a.stock_managed then 5 else 1 end from accommodation a "
                    + "cross join generate_series(current_date, current_date + 365, interval '1 day') d "
                    + "where a.account_id = " + accountId);
            s.execute("insert into dossier (account_id, number, status, accommodation_id, arrival, departure, "
                    + "guest_first_name, guest_last_name, origin, total, deposit_amount, created_by) "
                    + "select a.account_id, row_number() over (), 'CONFIRMED', a.id, current_date + w * 7, "
                    + "current_date + w * 7 + 5, 'Claude', 'Bench' || w, 'PHONE', 500, 150, 'bench' "
                    + "from accommodation a, generate_series(0, 40) w where a.account_id = " + accountId);
            s.execute("insert into sales_ban (accommodation_id, first_night, last_night) select id, current_date + 20, "
                    + "current_date + 22 from accommodation where account_id = " + accountId);
            s.execute("analyze");
        }
    }
}
