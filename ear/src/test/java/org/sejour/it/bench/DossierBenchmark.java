package org.sejour.it.bench;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.CreatedOwner;
import org.sejour.application.OperatorService;
import org.sejour.application.dossier.DossierCriteria;
import org.sejour.application.dossier.DossierQueries;
import org.sejour.application.dossier.DossierRow;
import org.sejour.application.dossier.DossierSort;
import org.sejour.infrastructure.export.Spreadsheet;
import org.sejour.infrastructure.export.Spreadsheet.Column;
import org.sejour.infrastructure.export.Spreadsheet.Type;
import org.sejour.it.Deployments;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

import static org.sejour.it.Timings.time;
import static org.sejour.it.Timings.percentile;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The dossier search and the Excel export at 100,000 dossiers of one owner (not part of the
 * suite; run with ./sejour bench DossierBenchmark). Targets: the search's first page within
 * 200 ms, the whole export within 30 s and 256 MB of heap. Figures go to the server log and are
 * appended to java.io.tmpdir/sejour-bench.txt.
 */
@ExtendWith(ArquillianExtension.class)
public class DossierBenchmark {

    private static final Logger LOG = Logger.getLogger(DossierBenchmark.class.getName());
    static final int DOSSIERS = 100_000;
    static final int ACCOMMODATIONS = 20;

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.withTests(DossierBenchmark.class);
    }

    @EJB
    OperatorService operators;
    @EJB
    DossierQueries queries;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    @Test
    void measure() throws Exception {
        CreatedOwner owner = operators.createOwner("dbench-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.test");
        long seedStart = System.nanoTime();
        seed(owner.accountId(), owner.accountNumber());
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        DossierCriteria any = DossierCriteria.any();
        assertEquals(DOSSIERS, queries.count(owner.accountId(), any));

        // the table's first page as the search screen asks for it: newest first, 20 rows, and its count
        double[] firstPage = time(5, 20, () -> {
            queries.count(owner.accountId(), any);
            queries.page(owner.accountId(), any, DossierSort.NUMBER, false, 0, 20);
        });
        DossierCriteria byGuest = new DossierCriteria(null, null, "bench42", null, null, null, null, null, null);
        double[] guestSearch = time(5, 20, () -> {
            queries.count(owner.accountId(), byGuest);
            queries.page(owner.accountId(), byGuest, DossierSort.ARRIVAL, true, 0, 20);
        });

        Path file = Files.createTempFile("dossier-bench", ".xlsx");
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long liveBefore = liveHeap();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long exportStart = System.nanoTime();
        int rows = export(owner.accountId(), file, 0, () -> { });
        double exportSeconds = (System.nanoTime() - exportStart) / 1e9;
        // the pools' peaks need not fall at the same moment, and they count garbage not yet
        // collected: their sum is an upper bound of the heap the export made the server use
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long size = Files.size(file);
        assertEquals(DOSSIERS, rows);
        // a second, untimed export measures what it keeps alive: the heap after a full GC every 10,000 rows
        long[] liveMax = {liveBefore};
        export(owner.accountId(), file, 10_000, () -> liveMax[0] = Math.max(liveMax[0], liveHeap()));
        Files.delete(file);
        long maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();

        String report = String.format("dossiers, %d of one owner (seeded in %.1f s): first page + count p50 %.1f ms,"
                        + " p95 %.1f ms; guest search + count p50 %.1f ms, p95 %.1f ms; export of %d rows %.1f s,"
                        + " %.1f MB file; server heap live before %d MB, live during at most %d MB (+%d MB, after"
                        + " full GCs every 10,000 rows), used at most %d MB (sum of pool peaks, garbage included),"
                        + " max heap %d MB; load average %.1f%n",
                DOSSIERS, seedSeconds, percentile(firstPage, 50), percentile(firstPage, 95),
                percentile(guestSearch, 50), percentile(guestSearch, 95), rows, exportSeconds, size / 1e6,
                liveBefore >> 20, liveMax[0] >> 20, (liveMax[0] - liveBefore) >> 20, peak >> 20, maxHeap >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        LOG.info(report);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "sejour-bench.txt"), report,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The search screen's whole export into {@code file}; {@code probe} runs every {@code every} rows (0: never). */
    private int export(long accountId, Path file, int every, Runnable probe) throws Exception {
        int[] rows = {0};
        try (Spreadsheet sheet = export(); OutputStream out = Files.newOutputStream(file)) {
            queries.forEach(accountId, DossierCriteria.any(), DossierSort.NUMBER, false, row -> {
                write(sheet, row);
                rows[0]++;
                if (every > 0 && rows[0] % every == 0) {
                    probe.run();
                }
            });
            sheet.writeTo(out);
            if (every > 0) {
                probe.run();
            }
        }
        return rows[0];
    }

    /** Heap in use after a full collection: what is still reachable. */
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The columns of the search screen's export (DossierExports, which the dossier-export job fills), without the Faces texts. */
    private static Spreadsheet export() {
        return new Spreadsheet("Dossiers", List.of(new Column("N°", Type.INTEGER, 10),
                new Column("Créé le", Type.DATE_TIME, 17), new Column("État", Type.TEXT, 12),
                new Column("Client", Type.TEXT, 28), new Column("E-mail", Type.TEXT, 28),
                new Column("Téléphone", Type.TEXT, 18), new Column("Hébergement", Type.TEXT, 28),
                new Column("Arrivée", Type.DATE, 12), new Column("Départ", Type.DATE, 12),
                new Column("Nuits", Type.INTEGER, 8), new Column("Personnes", Type.INTEGER, 8),
                new Column("Provenance", Type.TEXT, 16), new Column("Code promo", Type.TEXT, 12),
                new Column("Total", Type.MONEY, 12), new Column("Réglé", Type.MONEY, 12),
                new Column("Solde", Type.MONEY, 12)));
    }

    private static void write(Spreadsheet sheet, DossierRow row) {
        sheet.row(row.number(), LocalDateTime.ofInstant(row.createdAt(), ZoneOffset.UTC),
                row.status().name(), row.guestName(), row.guestEmail(), row.guestPhone(), row.accommodation(),
                row.arrival(), row.departure(), row.nights(), row.persons(), row.origin().name(), row.promoCode(),
                row.total(), row.paid(), row.balance());
    }

    /** 100,000 dossiers over 20 gîtes, two adults each, one in three with a deposit paid. */
    private void seed(long accountId, int accountNumber) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into accommodation (account_id, seq, reference, name, stock_managed, type, classification, "
                    + "address, city, capacity_min, capacity_max, visibility) "
                    + "select " + accountId + ", g, 'OSMB-" + accountNumber + "-' || g, 'Gîte ' || g, false, "
                    + "'GITE', 'TWO_STARS', '1 rue du Banc', 'Annecy', 1, 6, 'BOOKABLE' from generate_series(1, "
                    + ACCOMMODATIONS + ") g");
            s.execute("update account set last_accommodation_seq = " + ACCOMMODATIONS + " where id = " + accountId);
            s.execute("insert into dossier (account_id, number, status, accommodation_id, arrival, departure, "
                    + "guest_first_name, guest_last_name, guest_email, guest_phone, origin, total, deposit_amount, "
                    + "created_by, created_at) "
                    + "select " + accountId + ", n, case when n % 10 = 0 then 'CANCELLED' when n % 3 = 0 "
                    + "then 'CONFIRMED' else 'OPTION' end, a.id, date '2020-01-04' + (n / " + ACCOMMODATIONS
                    + ") * 7, date '2020-01-04' + (n / " + ACCOMMODATIONS + ") * 7 + 7, 'Claude', 'Bench' || n, "
                    + "'bench' || n || '@example.test', '+33 6 00 00 00 00', 'PHONE', 700 + n % 300, 210, 'bench', "
                    + "timestamptz '2020-01-01' + n * interval '10 minutes' "
                    + "from generate_series(1, " + DOSSIERS + ") n join accommodation a on a.account_id = "
                    + accountId + " and a.seq = 1 + n % " + ACCOMMODATIONS);
            s.execute("insert into dossier_party (dossier_id, label, persons, taxable) select id, 'Adulte', 2, true "
                    + "from dossier where account_id = " + accountId);
            s.execute("insert into payment (dossier_id, kind, paid_on, amount, method, recorded_by) select id, 'DEPOSIT', "
                    + "arrival - 30, 210, 'transfer', 'bench' from dossier where account_id = " + accountId + " and number % 3 = 0");
            s.execute("analyze");
        }
    }
}
