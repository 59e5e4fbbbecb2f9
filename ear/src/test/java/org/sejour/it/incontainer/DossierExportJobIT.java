package org.sejour.it.incontainer;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.CreatedOwner;
import org.sejour.application.dossier.DossierCriteria;
import org.sejour.application.dossier.DossierExports;
import org.sejour.application.dossier.DossierQueries;
import org.sejour.application.dossier.DossierQueries.Keyed;
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
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.it.Deployments;
import org.sejour.it.fixtures.DossierFixtures;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sejour.it.fixtures.DossierFixtures.MAY_FIRST;

/**
 * The dossier-export job on Payara and PostgreSQL: the file it keeps holds the search's rows in
 * the table's order, another owner cannot reach it, it is gone once its time is up, and the
 * keyset the job checkpoints reads a search on from any row without losing or repeating one.
 */
@ExtendWith(ArquillianExtension.class)
public class DossierExportJobIT {

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.withTests(DossierExportJobIT.class, DossierFixtures.class);
    }

    @Inject
    DossierFixtures fixtures;
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
