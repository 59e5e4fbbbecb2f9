package org.sejour.it.incontainer;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.sejour.application.CreatedOwner;
import org.sejour.application.booking.DossierService;
import org.sejour.application.dossier.DossierCriteria;
import org.sejour.application.dossier.DossierExports;
import org.sejour.application.dossier.DossierQueries;
import org.sejour.application.dossier.DossierQueries.Keyed;
import org.sejour.application.dossier.DossierQueries.Movement;
import org.sejour.application.dossier.DossierRow;
import org.sejour.application.dossier.DossierSort;
import org.sejour.application.dossier.ExportFile;
import org.sejour.application.dossier.ExportLabels;
import org.sejour.application.dossier.ExportProgress;
import org.sejour.application.job.ExportJobs;
import org.sejour.application.job.JobConsole;
import org.sejour.application.job.JobExecutionSummary;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.it.fixtures.DossierFixtures;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sejour.it.fixtures.DossierFixtures.MAY_FIRST;

/**
 * The dossier-export job on Payara and PostgreSQL: the file it keeps holds the search's rows in
 * the table's order, another owner cannot reach it, it is gone once its time is up, and the
 * keyset the job checkpoints reads a search on from any row without losing or repeating one.
 * The arrivals' and departures' files hold, cell for cell, the movements the database has for
 * the period (read here with a query of its own), in the list's order.
 */
@ExtendWith(ArquillianExtension.class)
public class DossierExportJobIT {

    private static final List<String> MOVEMENT_HEADERS = List.of("Jour", "N°", "Client", "Hébergement", "Nuits",
            "Personnes", "Reste à payer", "Téléphone");

    @Inject
    DossierFixtures fixtures;
    @EJB
    DossierService dossiers;
    @EJB
    DossierExports exports;
    @EJB
    DossierQueries queries;
    @EJB
    ExportJobs exportJobs;
    @EJB
    JobConsole jobs;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    private static ExportLabels labels() {
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < DossierExports.columnCount(); i++) {
            headers.add("H" + i);
        }
        Map<String, String> statuses = new HashMap<>();
        Arrays.stream(DossierStatus.values()).forEach(s -> statuses.put(s.name(), "état " + s.name().toLowerCase()));
        Map<String, String> origins = new HashMap<>();
        Arrays.stream(Origin.values()).forEach(o -> origins.put(o.name(), "origine " + o.name().toLowerCase()));
        return new ExportLabels("Dossiers", headers, statuses, origins);
    }

    /** An owner with {@code count} weekly dossiers from 1 May 2027, on two gîtes. */
    private long ownerWithDossiers(String prefix, int count) {
        CreatedOwner owner = fixtures.owner(prefix, "Pw-" + UUID.randomUUID());
        long lauriers = fixtures.gite(owner.accountId(), "Gîte les Lauriers", "800.00");
        long tilleuls = fixtures.gite(owner.accountId(), "Chalet les Tilleuls", "650.00");
        for (int i = 0; i < count; i++) {
            fixtures.book(owner.accountId(), i % 2 == 0 ? lauriers : tilleuls, MAY_FIRST.plusWeeks(i / 2),
                    "Guest" + i, "Name" + (char) ('A' + i), "guest" + i + "@example.test", Origin.PHONE, null, false);
        }
        return owner.accountId();
    }

    private ExportProgress runToTheEnd(long accountId, long exportId) throws InterruptedException {
        long execution = exportJobs.startDossierExport(exportId);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JobExecutionSummary summary = jobs.execution(execution);
        while (!summary.isFinished() && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            summary = jobs.execution(execution);
        }
        assertEquals("COMPLETED", summary.status(), "the export job ends well");
        return exports.progress(accountId, exportId, Instant.now());
    }

    @Test
    void theKeptFileHoldsTheSearchInItsOrderForItsOwnerOnly() throws Exception {
        long accountId = ownerWithDossiers("export", 5);
        long other = ownerWithDossiers("export-other", 1);
        DossierCriteria all = DossierCriteria.any();
        long exportId = exports.request(accountId, all, DossierSort.TOTAL, true, labels(), Instant.now());
        assertEquals(5, exports.progress(accountId, exportId, Instant.now()).rowsTotal());
        assertThrows(NotFoundException.class, () -> exports.file(accountId, exportId, Instant.now()),
                "nothing to download before the job made the file");

        ExportProgress done = runToTheEnd(accountId, exportId);
        assertTrue(done.ready());
        assertEquals(5, done.rowsWritten());
        assertEquals(100, done.percent());
        assertEquals(0, count("select count(*) from dossier_export_line where export_id = ?", exportId),
                "the staged rows are dropped once the file is made");

        List<DossierRow> expected = new ArrayList<>();
        queries.forEach(accountId, all, DossierSort.TOTAL, true, expected::add);
        ExportFile file = exports.file(accountId, exportId, Instant.now());
        assertTrue(file.fileName().matches("dossiers-\\d{4}-\\d{2}-\\d{2}\\.xlsx"), file.fileName());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("H0", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(5, sheet.getLastRowNum(), "a header and the five dossiers");
            for (int i = 0; i < expected.size(); i++) {
                Row row = sheet.getRow(i + 1);
                DossierRow dossier = expected.get(i);
                assertEquals(dossier.number(), (int) row.getCell(0).getNumericCellValue());
                assertEquals("état " + dossier.status().name().toLowerCase(), row.getCell(2).getStringCellValue());
                assertEquals(dossier.guestName(), row.getCell(3).getStringCellValue());
                assertEquals(dossier.arrival(), row.getCell(7).getLocalDateTimeCellValue().toLocalDate());
                assertEquals(7, (int) row.getCell(9).getNumericCellValue(), "nights");
                assertEquals(dossier.total().doubleValue(), row.getCell(13).getNumericCellValue());
                assertEquals(dossier.balance().doubleValue(), row.getCell(15).getNumericCellValue());
            }
            assertTrue(sheet.getRow(1).getCell(13).getNumericCellValue()
                    <= sheet.getRow(5).getCell(13).getNumericCellValue(), "sorted by total, ascending");
        }

        assertThrows(NotFoundException.class, () -> exports.file(other, exportId, Instant.now()));
        assertThrows(NotFoundException.class, () -> exports.progress(other, exportId, Instant.now()));

        // a second run of the job (a restart after the file was kept) changes nothing
        assertEquals(5, runToTheEnd(accountId, exportId).rowsWritten());

        Instant dayAfter = Instant.now().plus(DossierExports.KEPT).plusSeconds(60);
        assertThrows(NotFoundException.class, () -> exports.file(accountId, exportId, dayAfter),
                "past its time the file is no longer offered");
        assertTrue(exports.removeExpired(dayAfter) >= 1);
        assertEquals(0, count("select count(*) from dossier_export where id = ?", exportId),
                "and the sweep removes it");
    }

    @Test
    void theCheckpointedKeyReadsOnWithoutLossOrRepeat() {
        long accountId = ownerWithDossiers("keyset", 6);
        DossierCriteria any = DossierCriteria.any();
        for (DossierSort sort : List.of(DossierSort.GUEST, DossierSort.ARRIVAL, DossierSort.BALANCE, DossierSort.CREATED)) {
            for (boolean ascending : List.of(true, false)) {
                List<Long> expected = new ArrayList<>();
                queries.forEach(accountId, any, sort, ascending, row -> expected.add(row.id()));
                // one row per read, each read after the key of the one before: what a job restarted
                // after every row would do
                List<Long> read = new ArrayList<>();
                List<Serializable> lastKey = null;
                while (true) {
                    List<Keyed<DossierRow>> chunk = queries.chunk(accountId, any, sort, ascending, lastKey, 1);
                    if (chunk.isEmpty()) {
                        break;
                    }
                    read.add(chunk.get(0).row().id());
                    lastKey = chunk.get(0).key();
                }
                assertEquals(expected, read, sort + (ascending ? " asc" : " desc"));
                assertEquals(6, read.size());
            }
        }
        assertFalse(queries.chunk(accountId, new DossierCriteria(LocalDate.of(2030, 1, 1), null, null, null, null,
                null, null, null, null), DossierSort.NUMBER, false, null, 10).iterator().hasNext());
    }

    /**
     * Martin (Lauriers, 1 May, 200.00 € paid), Durand (Tilleuls, 1 May), Petit (Lauriers, 8 May,
     * cancelled), Bernard (Tilleuls, 8 May, no e-mail), Leroy (Lauriers, 15 May, all paid).
     */
    private long ownerWithStays(String prefix) {
        CreatedOwner owner = fixtures.owner(prefix, "Pw-" + UUID.randomUUID());
        long lauriers = fixtures.gite(owner.accountId(), "Gîte les Lauriers", "800.00");
        long tilleuls = fixtures.gite(owner.accountId(), "Chalet les Tilleuls", "650.00");
        Dossier martin = fixtures.book(owner.accountId(), lauriers, MAY_FIRST, "Claude", "Martin",
                "claude.martin@example.test", Origin.PHONE, null, false);
        dossiers.recordPayment(owner.accountId(), martin.id(), PaymentKind.DEPOSIT, LocalDate.now(),
                Money.of("200.00"), "transfer", null, null, "owner");
        fixtures.book(owner.accountId(), tilleuls, MAY_FIRST, "Anne", "Durand", "anne.durand@example.test",
                Origin.WIDGET, null, false);
        Dossier petit = fixtures.book(owner.accountId(), lauriers, MAY_FIRST.plusWeeks(1), "Louis", "Petit",
                "louis.petit@example.test", Origin.BOOKING_SITE, null, false);
        dossiers.cancel(owner.accountId(), petit.id(), "owner", "guest changed plans");
        fixtures.book(owner.accountId(), tilleuls, MAY_FIRST.plusWeeks(1), "Marie", "Bernard", null, Origin.PHONE,
                null, false);
        Dossier leroy = fixtures.book(owner.accountId(), lauriers, MAY_FIRST.plusWeeks(2), "Paul", "Leroy",
                "paul.leroy@example.test", Origin.PHONE, null, true);
        dossiers.recordPayment(owner.accountId(), leroy.id(), PaymentKind.BALANCE, LocalDate.now(), leroy.total(),
                "card", null, null, "owner");
        return owner.accountId();
    }

    private static ExportLabels movementLabels(String sheetName) {
        return new ExportLabels(sheetName, MOVEMENT_HEADERS, Map.of(), Map.of());
    }

    @Test
    void theArrivalsFileHoldsThePeriodsArrivalsForItsOwnerOnly() throws Exception {
        long accountId = ownerWithStays("arrivals-export");
        long other = ownerWithStays("arrivals-other");
        LocalDate last = MAY_FIRST.plusWeeks(1);
        long exportId = exports.requestMovements(accountId, Movement.ARRIVAL, MAY_FIRST, last, movementLabels("Arrivées"),
                Instant.now());
        assertEquals(3, exports.progress(accountId, exportId, Instant.now()).rowsTotal(), "Petit cancelled");
        assertThrows(NotFoundException.class, () -> exports.file(accountId, exportId, Instant.now()),
                "nothing to download before the job made the file");

        ExportProgress done = runToTheEnd(accountId, exportId);
        assertTrue(done.ready());
        assertEquals(3, done.rowsWritten());
        assertEquals("arrivals-2027-05-01_2027-05-08.xlsx", done.fileName());
        assertEquals(0, count("select count(*) from dossier_export_line where export_id = ?", exportId),
                "the staged rows are dropped once the file is made");

        List<List<Object>> cells = cells(exports.file(accountId, exportId, Instant.now()), "Arrivées");
        assertEquals(fromDatabase(accountId, "arrival", MAY_FIRST, last), cells);
        // what the list shows, in its order (day, then accommodation): not only what the query above says
        assertEquals(List.of("DURAND Anne", "MARTIN Claude", "BERNARD Marie"),
                cells.stream().map(row -> row.get(2)).toList());
        assertEquals(List.of(MAY_FIRST, "Gîte les Lauriers", 7L, 2L, new BigDecimal("600.00"), "+33 6 12 34 56 78"),
                Arrays.asList(cells.get(1).get(0), cells.get(1).get(3), cells.get(1).get(4), cells.get(1).get(5),
                        cells.get(1).get(6), cells.get(1).get(7)), "Martin's row");

        assertThrows(NotFoundException.class, () -> exports.file(other, exportId, Instant.now()));
        assertThrows(NotFoundException.class, () -> exports.progress(other, exportId, Instant.now()));

        // a second run of the job (a restart after the file was kept) changes nothing
        assertEquals(3, runToTheEnd(accountId, exportId).rowsWritten());

        Instant dayAfter = Instant.now().plus(DossierExports.KEPT).plusSeconds(60);
        assertThrows(NotFoundException.class, () -> exports.file(accountId, exportId, dayAfter),
                "past its time the file is no longer offered");
        assertTrue(exports.removeExpired(dayAfter) >= 1);
        assertEquals(0, count("select count(*) from dossier_export where id = ?", exportId), "and the sweep removes it");
    }

    @Test
    void theDeparturesFileHoldsThePeriodsDepartures() throws Exception {
        long accountId = ownerWithStays("departures-export");
        LocalDate first = MAY_FIRST.plusWeeks(2);
        LocalDate last = MAY_FIRST.plusWeeks(3);
        long exportId = exports.requestMovements(accountId, Movement.DEPARTURE, first, last, movementLabels("Départs"),
                Instant.now());
        ExportProgress done = runToTheEnd(accountId, exportId);
        assertEquals("departures-2027-05-15_2027-05-22.xlsx", done.fileName());

        List<List<Object>> cells = cells(exports.file(accountId, exportId, Instant.now()), "Départs");
        assertEquals(fromDatabase(accountId, "departure", first, last), cells);
        // Petit would have left on the 15th but cancelled; Leroy owes nothing
        assertEquals(List.of("BERNARD Marie", "LEROY Paul"), cells.stream().map(row -> row.get(2)).toList());
        assertEquals(List.of(first, last), cells.stream().map(row -> row.get(0)).toList());
        assertEquals(0, BigDecimal.ZERO.compareTo((BigDecimal) cells.get(1).get(6)), "Leroy paid everything");

        assertEquals(1, exports.progress(accountId, exports.requestMovements(accountId, Movement.DEPARTURE, last,
                last, movementLabels("Départs"), Instant.now()), Instant.now()).rowsTotal(), "one day: Leroy only");
        refused(() -> exports.requestMovements(accountId, Movement.DEPARTURE, last, first, movementLabels("Départs"),
                Instant.now()), "a period that ends before it starts");
        refused(() -> exports.requestMovements(accountId, Movement.DEPARTURE, first, last,
                new ExportLabels("Départs", MOVEMENT_HEADERS.subList(0, 7), Map.of(), Map.of()), Instant.now()),
                "a header missing");
    }

    /** A request the service refuses as a programming error (the page never sends it), through the EJB container. */
    private static void refused(Executable request, String why) {
        EJBException refused = assertThrows(EJBException.class, request, why);
        assertInstanceOf(IllegalArgumentException.class, refused.getCause(), why);
    }

    /**
     * The file's rows under the header, as values: dates, whole numbers, money rounded to cents,
     * text; and checks the header, the sheet's name, and that no cell is a formula.
     */
    private static List<List<Object>> cells(ExportFile file, String sheetName) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals(sheetName, sheet.getSheetName());
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertEquals(MOVEMENT_HEADERS, header);
            List<List<Object>> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<Object> values = new ArrayList<>();
                for (int c = 0; c < MOVEMENT_HEADERS.size(); c++) {
                    Cell cell = row.getCell(c);
                    assertTrue(cell == null || cell.getCellType() != CellType.FORMULA, "values, no formulas");
                    values.add(value(cell, c));
                }
                rows.add(values);
            }
            return rows;
        }
    }

    private static Object value(Cell cell, int column) {
        if (cell == null) {
            return null;
        }
        return switch (column) {
            case 0 -> {
                assertTrue(DateUtil.isCellDateFormatted(cell), "the day is a date cell");
                yield cell.getLocalDateTimeCellValue().toLocalDate();
            }
            case 1, 4, 5 -> (long) cell.getNumericCellValue();
            case 6 -> {
                assertTrue(cell.getCellStyle().getDataFormatString().contains("€"), "the balance is money");
                yield BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, java.math.RoundingMode.UNNECESSARY);
            }
            default -> cell.getStringCellValue();
        };
    }

    /** The movements as this test reads them from the tables, in the list's order, as the file's cells. */
    private List<List<Object>> fromDatabase(long accountId, String dayColumn, LocalDate first, LocalDate last)
            throws Exception {
        String sql = "select d." + dayColumn + ", d.number, upper(d.guest_last_name) || ' ' || d.guest_first_name, "
                + "a.name, d.departure - d.arrival, "
                + "(select coalesce(sum(p.persons), 0) from dossier_party p where p.dossier_id = d.id), "
                + "d.total - (select coalesce(sum(p.amount), 0) from payment p where p.dossier_id = d.id), "
                + "d.guest_phone from dossier d join accommodation a on a.id = d.accommodation_id "
                + "where d.account_id = ? and d.status <> 'CANCELLED' and d." + dayColumn + " between ? and ? "
                + "order by d." + dayColumn + ", lower(a.name), d.number";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, accountId);
            s.setObject(2, first);
            s.setObject(3, last);
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(Arrays.asList(r.getObject(1, LocalDate.class), r.getLong(2), r.getString(3),
                            r.getString(4), r.getLong(5), r.getLong(6), r.getBigDecimal(7).setScale(2),
                            r.getString(8)));
                }
            }
            assertTrue(!rows.isEmpty(), "the period has movements");
            return rows;
        }
    }

    private long count(String sql, long id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
