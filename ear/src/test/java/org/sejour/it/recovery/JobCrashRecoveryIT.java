package org.sejour.it.recovery;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.it.FixtureHttp;
import org.sejour.it.TestSettings;
import org.sejour.it.TestSmtp;
import org.sejour.it.fixtures.DossierFixtures;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reminder job killed mid-way with its server (SIGKILL) is restarted when the server comes
 * back and finishes from its last checkpoint: every guest reminded exactly once (one
 * payment_reminder row, one outbox mail, one message at the SMTP server), nothing re-read
 * before the checkpoint. Runs outside the server, which it kills and starts again; the
 * domain is left running with the deployment, for the tests that follow.
 * <p>
 * The job is caught mid-way deterministically: the test holds the lock of a dossier of the
 * second chunk, so the job waits there, its first chunk committed and the second open, when the
 * server dies.
 * <p>
 * The guest messages of the same dossiers (a rule of the owner due for all of them) die in the
 * same kill in their second chunk, and finish from their checkpoint: one message per dossier.
 * <p>
 * An export of the same owner's arrivals dies in the same kill, in its second chunk too (the test
 * staged that chunk's first line itself, uncommitted, so the job waits on it); restarted from
 * its checkpoint, it keeps a file with every arrival once, in the list's order.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class JobCrashRecoveryIT {

    private static final String FIXTURE = "sejour-tests/fixtures/job-crash";
    private static final LocalDate TODAY = LocalDate.of(2027, 4, 12);
    private static final int LATE = 12;
    private static final int CHUNK = 5;
    private static final int EXPORT_CHUNK = 5;
    /** the period of the export: the owner's stays arrive two a Saturday from 1 May to 12 June 2027 */
    private static final LocalDate ARRIVALS_TO = DossierFixtures.MAY_FIRST.plusWeeks(6);

    private final PayaraProcess server = new PayaraProcess();
    private GreenMail smtp;

    @AfterEach
    void leaveTheServerRunning() throws Exception {
        if (smtp != null) {
            smtp.stop();
        }
        // whatever happened, the next test classes need the domain up with its deployment
        if (!server.answers(FIXTURE + "?restartOf=0")) {
            server.startAndWaitFor(FIXTURE + "?restartOf=0");
        }
    }

    @Test
    void aJobKilledWithItsServerFinishesFromItsCheckpointWithoutDuplicates() throws Exception {
        smtp = TestSmtp.start(TestSettings.smtpPort());
        Properties setup = post("action=setup&count=" + LATE + "&today=" + TODAY);
        long accountId = Long.parseLong(setup.getProperty("accountId"));
        List<Long> dossiers = Arrays.stream(setup.getProperty("dossiers").split(",")).map(Long::valueOf).toList();
        List<String> emails = List.of(setup.getProperty("emails").split(","));
        long notYetLate = dossiers.get(0);
        List<Long> late = dossiers.subList(1, dossiers.size());
        List<String> lateGuests = emails.subList(1, emails.size());

        long killed;
        String heartbeatServer;
        long exportId;
        long killedExport;
        long killedMessages;
        try (Connection lock = database()) {
            // the job will wait on the second dossier of its second chunk
            lock.setAutoCommit(false);
            long held = late.get(CHUNK + 1);
            query(lock, "select id from dossier where id = ? for update", held);

            killed = Long.parseLong(post("action=start&accountId=" + accountId + "&today=" + TODAY
                    + "&chunkSize=" + CHUNK).getProperty("executionId"));
            waitUntil(() -> waitsOnALock(), 60, "the job did not reach the locked dossier");
            assertEquals(CHUNK, reminders(accountId), "the first chunk committed, the second waits");
            assertEquals("STARTED", get("execution=" + killed).getProperty("status"));

            // the guest messages of the same dossiers, in chunks of the same size, wait in their second chunk too
            killedMessages = Long.parseLong(post("action=startMessages&accountId=" + accountId + "&chunkSize=" + CHUNK)
                    .getProperty("executionId"));
            waitUntil(() -> waitingOnLocks() >= 2, 60, "the messages job did not reach a locked dossier");
            assertEquals(CHUNK, messagesSent(accountId), "the messages' first chunk committed, the second waits");
            try (Connection db = database()) {
                // the server that runs it says so, and under a name it keeps when it starts again
                heartbeatServer = text(db, "select server from job_heartbeat where execution_id = ?", killed);
            }

            exportId = Long.parseLong(post("action=requestArrivals&accountId=" + accountId + "&from="
                    + DossierFixtures.MAY_FIRST + "&to=" + ARRIVALS_TO).getProperty("exportId"));
            update(lock, "insert into dossier_export_line (export_id, line, cells) values (?, ?, '[]')", exportId,
                    EXPORT_CHUNK + 1);
            killedExport = Long.parseLong(post("action=startExport&exportId=" + exportId + "&chunkSize="
                    + EXPORT_CHUNK).getProperty("executionId"));
            waitUntil(() -> waitingOnLocks() >= 3, 60, "the export did not reach its second chunk");
            try (Connection db = database()) {
                assertEquals(EXPORT_CHUNK, count(db, "select rows_written from dossier_export where id = ?", exportId),
                        "the export's first chunk committed, the second waits");
            }

            server.kill();
            lock.rollback();
        }
        try (Connection db = database()) {
            assertEquals("STARTED", text(db, "select batchstatus from batch_executioninstancedata where jobexecid = ?",
                    killed), "the dead server could not end its execution");
            assertEquals(CHUNK, count(db, "select count(*) from payment_reminder where account_id = ?", accountId),
                    "the cut-off chunk left nothing");
            assertEquals(CHUNK, messagesSent(accountId), "nor did the messages' one");
            // a dossier before the checkpoint becomes late while the server is down: a run from the
            // start would remind it, a restart from the checkpoint reads on after it
            update(db, "update dossier set deposit_due = ? where id = ?", TODAY.minusDays(2), notYetLate);
        }

        server.startAndWaitFor(FIXTURE + "?execution=" + killed);
        Properties restarted = finishedRestartOf(killed);
        assertEquals("COMPLETED", restarted.getProperty("status"), restarted::toString);
        assertEquals(LATE - CHUNK, Integer.parseInt(restarted.getProperty("readCount")),
                "read on from the checkpoint: " + restarted);
        assertEquals(LATE - CHUNK, Integer.parseInt(restarted.getProperty("writeCount")), restarted::toString);
        Properties interrupted = get("execution=" + killed);
        assertEquals("FAILED", interrupted.getProperty("status"));
        assertEquals("INTERRUPTED", interrupted.getProperty("exitStatus"));
        assertEquals("true", interrupted.getProperty("finished"));

        try (Connection db = database()) {
            for (long dossier : late) {
                assertEquals(1, count(db, "select count(*) from payment_reminder where dossier_id = ? "
                        + "and rule = 'DEPOSIT_LATE' and mail_id is not null", dossier), "one reminder for " + dossier);
                assertEquals(1, count(db, "select count(*) from outbox_mail where dossier_id = ? "
                        + "and kind = 'GUEST_DEPOSIT_REMINDER'", dossier), "one mail for " + dossier);
            }
            assertEquals(0, count(db, "select count(*) from payment_reminder where dossier_id = ?", notYetLate),
                    "nothing before the checkpoint was read again");
            assertEquals("COMPLETED", text(db, "select batchstatus from batch_executioninstancedata "
                    + "where jobexecid = ?", Long.parseLong(restarted.getProperty("executionId"))));
            assertEquals(0, count(db, "select count(*) from job_heartbeat where execution_id = ? and server <> ?",
                    Long.parseLong(restarted.getProperty("executionId")), heartbeatServer),
                    "the restart beat under the same server name");
        }
        theMessagesFinishedFromTheirCheckpoint(killedMessages, dossiers);
        waitUntil(() -> lateGuests.stream().allMatch(g -> received().getOrDefault(g, 0L) == 2)
                && received().getOrDefault(emails.get(0), 0L) == 1, 90, "not every reminder and message was delivered");
        // none of the account's mails left to send: what arrived is all that ever will (a mail the
        // outbox is sending stays pending until its outcome is committed, and is in GreenMail before)
        waitUntil(() -> pendingMails(accountId) == 0, 90, "mails of the test still pending");
        Map<String, Long> received = received();
        for (String guest : lateGuests) {
            assertEquals(2L, received.get(guest), "one reminder and one message to " + guest);
        }
        assertEquals(1L, received.get(emails.get(0)), "one message to the guest not late");
        assertEquals(emails.size(), Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).startsWith("Bienvenue "))
                .map(m -> recipients(m).get(0)).distinct().count(), "the message to every guest");
        // mails other tests left in the outbox (with no SMTP server listening then) may arrive
        // here too: only this test's guests count
        Map<String, Long> ours = received.entrySet().stream().filter(e -> e.getKey().startsWith("crash-"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(emails.size(), ours.size(), "no mail to anyone else of this test's: " + ours);

        theExportFinishedFromItsCheckpoint(accountId, exportId, killedExport);
    }

    /** The messages killed in their second chunk: restarted after the first, every dossier has its message once. */
    private static void theMessagesFinishedFromTheirCheckpoint(long killedMessages, List<Long> dossiers)
            throws Exception {
        Properties restarted = finishedRestartOf(killedMessages);
        assertEquals("COMPLETED", restarted.getProperty("status"), restarted::toString);
        assertEquals(dossiers.size() - CHUNK, Integer.parseInt(restarted.getProperty("readCount")),
                "read on from the checkpoint: " + restarted);
        try (Connection db = database()) {
            for (long dossier : dossiers) {
                assertEquals(1, count(db, "select count(*) from message_sent where dossier_id = ? and mail_id is not null",
                        dossier), "one message row for " + dossier);
                assertEquals(1, count(db, "select count(*) from outbox_mail where dossier_id = ? and kind = 'GUEST_MESSAGE'",
                        dossier), "one message mail for " + dossier);
            }
        }
    }

    /** The export killed in its second chunk: restarted after its first, its file holds every arrival once. */
    private void theExportFinishedFromItsCheckpoint(long accountId, long exportId, long killedExport)
            throws Exception {
        Properties restarted = finishedRestartOf(killedExport);
        assertEquals("COMPLETED", restarted.getProperty("status"), restarted::toString);
        try (Connection db = database()) {
            List<Long> arrivals = new ArrayList<>();
            try (PreparedStatement s = prepare(db, "select d.number from dossier d join accommodation a "
                    + "on a.id = d.accommodation_id where d.account_id = ? and d.status <> 'CANCELLED' "
                    + "and d.arrival between ? and ? order by d.arrival, lower(a.name), d.number", accountId,
                    DossierFixtures.MAY_FIRST, ARRIVALS_TO); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    arrivals.add(r.getLong(1));
                }
            }
            assertEquals(LATE + 1, arrivals.size(), "every stay of the owner arrives in the period");
            assertEquals(arrivals.size() - EXPORT_CHUNK, Integer.parseInt(restarted.getProperty("readCount")),
                    "read on from the checkpoint: " + restarted);
            assertEquals("READY", text(db, "select state from dossier_export where id = ?", exportId));
            assertEquals(arrivals.size(), count(db, "select rows_written from dossier_export where id = ?", exportId));
            assertEquals(0, count(db, "select count(*) from dossier_export_line where export_id = ?", exportId));
            byte[] content;
            try (PreparedStatement s = prepare(db, "select content from dossier_export where id = ?", exportId);
                 ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                content = r.getBytes(1);
            }
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
                Sheet sheet = workbook.getSheetAt(0);
                List<Long> numbers = new ArrayList<>();
                for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                    numbers.add((long) sheet.getRow(i).getCell(1).getNumericCellValue());
                }
                assertEquals(arrivals, numbers, "every arrival once, in the list's order");
            }
        }
    }

    /** The execution that restarted {@code killed}, once it ended. */
    private static Properties finishedRestartOf(long killed) throws InterruptedException {
        Properties restarted = new Properties();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!"true".equals(restarted.getProperty("finished"))) {
            assertTrue(System.nanoTime() < deadline, "no restart of execution " + killed + " ended within 180 s");
            TimeUnit.SECONDS.sleep(1);
            restarted = get("restartOf=" + killed);
        }
        return restarted;
    }

    /** How many sessions other than this one wait on a lock. */
    private static long waitingOnLocks() {
        try (Connection db = database()) {
            return count(db, "select count(*) from pg_stat_activity where datname = current_database() "
                    + "and wait_event_type = 'Lock' and pid <> pg_backend_pid()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long pendingMails(long accountId) {
        try (Connection db = database()) {
            return count(db, "select count(*) from outbox_mail where account_id = ? and status = 'PENDING'", accountId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- helpers

    /** Messages received per recipient. */
    private Map<String, Long> received() {
        return Arrays.stream(smtp.getReceivedMessages()).flatMap(m -> recipients(m).stream())
                .collect(Collectors.groupingBy(a -> a, HashMap::new, Collectors.counting()));
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long messagesSent(long accountId) throws SQLException {
        try (Connection db = database()) {
            return count(db, "select count(*) from message_sent where account_id = ?", accountId);
        }
    }

    private static boolean waitsOnALock() {
        return waitingOnLocks() > 0;
    }

    private static long reminders(long accountId) throws SQLException {
        try (Connection db = database()) {
            return count(db, "select count(*) from payment_reminder where account_id = ?", accountId);
        }
    }

    private static void waitUntil(BooleanSupplier done, int seconds, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, failure);
            TimeUnit.MILLISECONDS.sleep(300);
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(TestSettings.dbUrl(), "sejour", TestSettings.credential("db.password"));
    }

    private static long count(Connection c, String sql, Object... args) throws SQLException {
        return Long.parseLong(text(c, sql, args));
    }

    private static String text(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args); ResultSet r = s.executeQuery()) {
            assertTrue(r.next(), sql);
            return r.getString(1);
        }
    }

    private static void query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args); ResultSet r = s.executeQuery()) {
            assertTrue(r.next(), sql);
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args)) {
            s.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }

    private static Properties post(String form) {
        return FixtureHttp.post(FIXTURE, form);
    }

    private static Properties get(String query) {
        return FixtureHttp.get(FIXTURE + "?" + query);
    }
}
