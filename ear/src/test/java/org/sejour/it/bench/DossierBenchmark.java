package org.sejour.it.bench;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.CreatedOwner;
import org.sejour.application.OperatorService;
import org.sejour.application.dossier.DossierCriteria;
import org.sejour.application.dossier.DossierExports;
import org.sejour.application.dossier.DossierQueries;
import org.sejour.application.dossier.DossierRow;
import org.sejour.application.dossier.DossierSort;
import org.sejour.application.dossier.ExportFile;
import org.sejour.application.dossier.ExportLabels;
import org.sejour.application.dossier.ExportProgress;
import org.sejour.application.job.ExportJobs;
import org.sejour.application.job.JobConsole;
import org.sejour.application.job.JobExecutionSummary;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.it.browser.ExcelJsSheet;

import javax.sql.DataSource;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sejour.it.Timings.percentile;
import static org.sejour.it.Timings.time;

/**
 * The dossier search and the Excel export at 100,000 dossiers of one owner (not part of the
 * suite; run with ./sejour bench DossierBenchmark). Targets: the search's first page within
 * 200 ms, the whole export within 30 s and 256 MB of heap. The export is the dossier-export
 * job, as the search screen starts it, timed from its start to the file kept; its file is then
 * read again with exceljs, outside the server. Figures go to the server log and are appended to
 * java.io.tmpdir/sejour-bench.txt.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class DossierBenchmark {

    private static final Logger LOG = Logger.getLogger(DossierBenchmark.class.getName());
    static final int DOSSIERS = 100_000;
    static final int ACCOMMODATIONS = 20;
    /** the dossiers whose row the exceljs check compares with the search: first, deposit paid, cancelled, last */
    private static final int[] SAMPLES = {1, 3, 10, 50_001, 99_999, 100_000};
    private static final Map<DossierStatus, String> STATUS_LABELS = Map.of(DossierStatus.OPTION, "Option",
            DossierStatus.CONFIRMED, "Confirmé", DossierStatus.CANCELLED, "Annulé");
    /** in the server's java.io.tmpdir, from {@link #measure} to {@link #theJobsFileReadsBackWithExcelJs} */
    private static final String FILE = "dossier-bench-export.xlsx";
    private static final String EXPECTED = "dossier-bench-export.properties";

    @EJB
    OperatorService operators;
    @EJB
    DossierQueries queries;
    @EJB
    DossierExports exports;
    @EJB
    ExportJobs exportJobs;
    @EJB
    JobConsole jobs;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    @Test
    @Order(1)
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

        // the search screen's export as the product runs it: the dossier-export job, timed from its
        // start to the file kept; the heap sampled at each poll (every 100 ms), and the pools' peaks
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long liveBefore = liveHeap();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] usedMax = {0};
        ExportRun timed = runExport(owner.accountId(), 100,
                () -> usedMax[0] = Math.max(usedMax[0], ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()));
        // the pools' peaks need not fall at the same moment, and they count garbage not yet
        // collected: their sum is an upper bound of the heap the job made the server use
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        ExportFile file = exports.file(owner.accountId(), timed.exportId(), Instant.now());
        assertEquals(DOSSIERS, timed.rows());
        keepForTheReader(owner.accountId(), file);
        // a second, untimed run measures what the job keeps alive: the heap after a full GC every second
        long[] liveMax = {liveBefore};
        ExportRun sampled = runExport(owner.accountId(), 1000, () -> liveMax[0] = Math.max(liveMax[0], liveHeap()));
        assertEquals(DOSSIERS, sampled.rows());
        long maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();

        String report = String.format("dossiers, %d of one owner (seeded in %.1f s): first page + count p50 %.1f ms,"
                        + " p95 %.1f ms; guest search + count p50 %.1f ms, p95 %.1f ms; export job of %d rows %.1f s"
                        + " from start to file kept (rows staged after %.1f s), %.1f MB file; second run %.1f s"
                        + " (with a full GC every second); server heap live before %d MB, live during at most %d MB"
                        + " (+%d MB, after full GCs every second), used at most %d MB sampled every 100 ms and %d MB"
                        + " as the sum of pool peaks (garbage included), max heap %d MB; load average %.1f%n",
                DOSSIERS, seedSeconds, percentile(firstPage, 50), percentile(firstPage, 95),
                percentile(guestSearch, 50), percentile(guestSearch, 95), timed.rows(), timed.seconds(),
                timed.stagedSeconds(), file.content().length / 1e6, sampled.seconds(), liveBefore >> 20,
                liveMax[0] >> 20, (liveMax[0] - liveBefore) >> 20, usedMax[0] >> 20, peak >> 20, maxHeap >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        LOG.info(report);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "sejour-bench.txt"), report,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * The file the job made, read again by exceljs (node) outside the server: the rows in number
     * order under the header, and a few dossiers' values as the search lists them. Runs on the
     * client after {@link #measure}, which left the file and the expected values in the server's
     * temporary directory (same machine).
     */
    @Test
    @Order(2)
    @RunAsClient
    void theJobsFileReadsBackWithExcelJs() throws Exception {
        Path dir = Path.of(System.getProperty("payara.home"), "glassfish", "domains",
                System.getProperty("payara.domain"), "tmp");
        Path xlsx = dir.resolve(FILE);
        Properties expected = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(EXPECTED))) {
            expected.load(in);
        }
        ExcelJsSheet sheet = ExcelJsSheet.readRows(xlsx, SAMPLES);
        assertEquals(DOSSIERS + 1, sheet.rowCount(), "a header and every dossier");
        assertEquals("N°", sheet.headers().get(0));
        for (int number : SAMPLES) {
            String row = "row." + number + ".";
            assertEquals(number, ((Number) sheet.value(number, "N°")).intValue(), "in number order");
            assertEquals(expected.getProperty(row + "guest"), sheet.value(number, "Client"));
            assertEquals(expected.getProperty(row + "status"), sheet.value(number, "État"));
            assertEquals(expected.getProperty(row + "arrival"), sheet.date(number, "Arrivée"));
            assertEquals(new BigDecimal(expected.getProperty(row + "total")).doubleValue(),
                    ((Number) sheet.value(number, "Total")).doubleValue(), row + "total");
            assertEquals(new BigDecimal(expected.getProperty(row + "owed")).doubleValue(),
                    ((Number) sheet.value(number, "Reste à payer")).doubleValue(), row + "left to pay");
        }
        Files.delete(xlsx);
        Files.delete(dir.resolve(EXPECTED));
    }

    private record ExportRun(long exportId, int rows, double seconds, double stagedSeconds) {
    }

    /** Asks for the whole search's export by number and runs the job to its end; {@code probe} runs every {@code pollMillis}. */
    private ExportRun runExport(long accountId, long pollMillis, Runnable probe) throws InterruptedException {
        long exportId = exports.request(accountId, DossierCriteria.any(), DossierSort.NUMBER, true, labels(),
                Instant.now());
        long start = System.nanoTime();
        long execution = exportJobs.startDossierExport(exportId);
        double staged = Double.NaN;
        JobExecutionSummary summary = jobs.execution(execution);
        while (!summary.isFinished()) {
            Thread.sleep(pollMillis);
            probe.run();
            if (Double.isNaN(staged) && exports.progress(accountId, exportId, Instant.now()).rowsWritten() == DOSSIERS) {
                staged = (System.nanoTime() - start) / 1e9;
            }
            summary = jobs.execution(execution);
            if ((System.nanoTime() - start) / 1e9 > 600) {
                throw new AssertionError("the export job runs for more than 10 minutes");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        probe.run();
        assertEquals("COMPLETED", summary.status(), "the export job ends well");
        ExportProgress progress = exports.progress(accountId, exportId, Instant.now());
        assertTrue(progress.ready());
        return new ExportRun(exportId, progress.rowsWritten(), seconds, staged);
    }

    /** Leaves the job's file and the values a few of its rows must hold for {@link #theJobsFileReadsBackWithExcelJs}. */
    private void keepForTheReader(long accountId, ExportFile file) throws Exception {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        Files.write(dir.resolve(FILE), file.content());
        Properties expected = new Properties();
        for (int number : SAMPLES) {
            DossierRow row = queries.page(accountId, new DossierCriteria(null, null, null, null, number, null, null,
                    null, null), DossierSort.NUMBER, true, 0, 1).get(0);
            String key = "row." + number + ".";
            expected.setProperty(key + "guest", row.guestName());
            expected.setProperty(key + "status", STATUS_LABELS.get(row.status()));
            expected.setProperty(key + "arrival", row.arrival().toString());
            expected.setProperty(key + "total", row.total().toPlainString());
            expected.setProperty(key + "owed", row.owed().toPlainString());
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve(EXPECTED))) {
            expected.store(out, "DossierBenchmark: values of the export's rows");
        }
    }

    /** Heap in use after a full collection: what is still reachable. */
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The search screen's French headers, and its state names. */
    private static ExportLabels labels() {
        Map<String, String> statuses = new HashMap<>();
        STATUS_LABELS.forEach((status, label) -> statuses.put(status.name(), label));
        Map<String, String> origins = new HashMap<>();
        Arrays.stream(Origin.values()).forEach(o -> origins.put(o.name(), o.name()));
        return new ExportLabels("Dossiers", List.of("N°", "Créé le", "État", "Client", "E-mail", "Téléphone",
                "Hébergement", "Arrivée", "Départ", "Nuits", "Personnes", "Provenance", "Code promo", "Total",
                "Arrhes", "Solde", "Déjà réglé", "Remboursé", "Reste à payer", "À rembourser"), statuses, origins);
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
            // each dossier's one stay, which its persons name (V36)
            s.execute("insert into dossier_stay (dossier_id, position, accommodation_id) select id, 0, accommodation_id "
                    + "from dossier where account_id = " + accountId);
            s.execute("insert into dossier_party (dossier_id, label, persons, taxable) select id, 'Adulte', 2, true "
                    + "from dossier where account_id = " + accountId);
            s.execute("insert into payment (dossier_id, kind, paid_on, amount, method, recorded_by) select id, 'DEPOSIT', "
                    + "arrival - 30, 210, 'transfer', 'bench' from dossier where account_id = " + accountId + " and number % 3 = 0");
            s.execute("analyze");
        }
    }
}
