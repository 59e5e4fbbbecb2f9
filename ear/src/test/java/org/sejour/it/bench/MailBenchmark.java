package org.sejour.it.bench;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.CreatedOwner;
import org.sejour.it.TestSmtp;
import org.sejour.it.Timings;
import org.sejour.it.fixtures.DossierFixtures;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 10,000 deposit reminders put in the outbox at once (one statement, as a morning's reminder
 * run with many owners would leave them) and sent by the application's own outbox timer to a
 * local SMTP server (GreenMail on the mail session's port). Lag: from the mail's row being
 * queued to GreenMail storing it. Checks that every mail arrived exactly once (by its stable
 * Message-ID) and that every row is SENT with one successful attempt. Not part of the suite:
 * ./sejour bench MailBenchmark. Target: lag p99 ≤ 60 s.
 * <p>
 * The machine is shared, so mails per second move with the others' load; the server's CPU
 * seconds per mail (utime + stime of this JVM, GreenMail's share included as it runs in it)
 * hardly do. First a small run of {@link #COUNTED} mails with the driver's log on tells the SQL
 * statements per mail (and warms the code up); the measured run goes without it.
 */
@ExtendWith(ArquillianExtension.class)
public class MailBenchmark {

    private static final Logger LOG = Logger.getLogger(MailBenchmark.class.getName());
    static final int MAILS = 10_000;
    static final int ACCOMMODATIONS = 20;
    static final int COUNTED = 200;
    /** Linux reports a process's times in USER_HZ, 100 a second on every architecture it runs on. */
    static final double CLOCK_TICKS_PER_SECOND = 100;
    static final Duration GIVE_UP = Duration.ofMinutes(20);

    @Inject
    DossierFixtures fixtures;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;
    @Resource(lookup = "mail/sejour")
    Session mailSession;

    @Test
    void measure() throws Exception {
        GreenMail smtp = TestSmtp.start(Integer.parseInt(mailSession.getProperty("mail.smtp.port")));
        try {
            measure(smtp);
        } finally {
            smtp.stop();
        }
    }

    private void measure(GreenMail smtp) throws Exception {
        String statements = countStatements(smtp);

        CreatedOwner owner = fixtures.owner("mbench", "Pw-" + UUID.randomUUID());
        seedDossiers(dataSource, owner.accountId(), owner.accountNumber(), MAILS, "OPTION");
        int before = smtp.getManagers().getImapHostManager().getAllMessages().size();
        long cpuBefore = serverCpuTicks();
        long queuedAt = System.currentTimeMillis();
        Map<Long, Long> queued = queueReminders(owner.accountId(), owner.login());
        assertEquals(MAILS, queued.size());
        awaitMessages(smtp, before + MAILS, 1_000);
        double totalSeconds = (System.currentTimeMillis() - queuedAt) / 1e3;
        double cpuPerMail = (serverCpuTicks() - cpuBefore) / CLOCK_TICKS_PER_SECOND / MAILS;
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        // a few more ticks of the timer: a mail sent twice would show up now
        TimeUnit.SECONDS.sleep(11);
        List<StoredMessage> received = ours(smtp, queued);

        Map<Long, Integer> copies = new HashMap<>();
        double[] lags = new double[received.size()];
        int i = 0;
        long lastReceived = 0;
        for (StoredMessage message : received) {
            long id = outboxId(message);
            copies.merge(id, 1, Integer::sum);
            lags[i++] = (message.getReceivedDate().getTime() - queued.get(id)) / 1e3;
            lastReceived = Math.max(lastReceived, message.getReceivedDate().getTime());
        }
        Arrays.sort(lags);
        long twice = copies.values().stream().filter(n -> n > 1).count();
        double drainSeconds = (lastReceived - queued.values().stream().mapToLong(Long::longValue).min().orElse(0)) / 1e3;
        String report = String.format("mails, %d deposit reminders queued at once, sent by the outbox timer to GreenMail:"
                        + " %d received (%d distinct, %d more than once) in %.1f s, last one %.1f s after queueing"
                        + " (%.0f mails/s); lag queued → received p50 %.1f s, p95 %.1f s, p99 %.1f s, max %.1f s"
                        + " (target p99 ≤ 60 s); server CPU %.2f ms per mail (Payara JVM utime+stime, GreenMail's"
                        + " included); load average %.1f; %s%n",
                MAILS, received.size(), copies.size(), twice, totalSeconds, drainSeconds,
                copies.size() / Math.max(drainSeconds, 0.001), pct(lags, 50), pct(lags, 95), pct(lags, 99),
                lags.length == 0 ? 0 : lags[lags.length - 1], cpuPerMail * 1e3, load, statements);
        LOG.info(report);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "sejour-bench.txt"), report,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);

        assertEquals(MAILS, copies.size(), "every reminder delivered");
        assertEquals(0, twice, "no reminder delivered twice");
        assertEquals(MAILS, received.size());
        assertEquals(MAILS, count("select count(*) from outbox_mail m where m.account_id = " + owner.accountId()
                + " and m.status = 'SENT' and (select count(*) from outbox_attempt a where a.mail_id = m.id "
                + "and a.outcome = 'SENT') = 1"), "every row sent, with one successful attempt");
    }

    /**
     * Sends {@link #COUNTED} reminders of another owner with the driver's log on; answers the
     * statements per mail, counted on every server thread (the outbox's are nearly all of them).
     */
    private String countStatements(GreenMail smtp) throws Exception {
        CreatedOwner owner = fixtures.owner("mcount", "Pw-" + UUID.randomUUID());
        seedDossiers(dataSource, owner.accountId(), owner.accountNumber(), COUNTED, "OPTION");
        try (SqlStatementTally tally = SqlStatementTally.start()) {
            queueReminders(owner.accountId(), owner.login());
            awaitMessages(smtp, COUNTED, 200);
            // the last mail's outcome is committed just after GreenMail stored it
            TimeUnit.SECONDS.sleep(1);
            return String.format("SQL per mail (%d mails, driver's log): %.2f statements, %.2f transaction commands,"
                            + " %.2f pool checks", COUNTED, tally.statements() / (double) COUNTED,
                    tally.transactionCommands() / (double) COUNTED, tally.connectionChecks() / (double) COUNTED);
        }
    }

    /**
     * Waits until GreenMail holds {@code count} messages (the benchmark's are the only mails of
     * this fresh database). Not too often: each count walks every mailbox, in the server's JVM.
     */
    static void awaitMessages(GreenMail smtp, int count, long everyMillis) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (smtp.getManagers().getImapHostManager().getAllMessages().size() < count
                && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(everyMillis);
        }
    }

    /** utime + stime of this JVM, the server's (the benchmark runs in the container). */
    static long serverCpuTicks() throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        // fields after the command name, which is in parentheses and may hold spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static double pct(double[] sorted, int p) {
        return sorted.length == 0 ? Double.NaN : Timings.percentile(sorted, p);
    }

    /** The messages GreenMail stored that are one of the benchmark's reminders. */
    static List<StoredMessage> ours(GreenMail smtp, Map<Long, Long> queued) {
        return smtp.getManagers().getImapHostManager().getAllMessages().stream()
                .filter(m -> queued.containsKey(outboxId(m))).toList();
    }

    /** The outbox row a message came from, by the Message-ID the sender derives from it; -1 for another. */
    static long outboxId(StoredMessage message) {
        try {
            String id = message.getMimeMessage().getMessageID();
            if (id == null || !id.matches("<outbox-\\d+@sejour>")) {
                return -1;
            }
            return Long.parseLong(id.substring("<outbox-".length(), id.indexOf('@')));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Dossiers in {@code status} with a deposit due, two adults each, one guest address each, over 20 gîtes. */
    static void seedDossiers(DataSource dataSource, long accountId, int accountNumber, int dossiers, String status)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into accommodation (account_id, seq, reference, name, stock_managed, type, classification, "
                    + "address, city, capacity_min, capacity_max, visibility) "
                    + "select " + accountId + ", g, 'OSMM-" + accountNumber + "-' || g, 'Gîte ' || g, false, "
                    + "'GITE', 'TWO_STARS', '1 rue du Banc', 'Annecy', 1, 6, 'BOOKABLE' from generate_series(1, "
                    + ACCOMMODATIONS + ") g");
            s.execute("update account set last_accommodation_seq = " + ACCOMMODATIONS + " where id = " + accountId);
            s.execute("insert into dossier (account_id, number, status, accommodation_id, arrival, departure, "
                    + "guest_first_name, guest_last_name, guest_email, guest_phone, guest_language, origin, total, "
                    + "deposit_amount, deposit_due, balance_due, created_by) "
                    + "select " + accountId + ", n, '" + status + "', a.id, date '2030-01-05' + (n / " + ACCOMMODATIONS
                    + ") * 7, date '2030-01-05' + (n / " + ACCOMMODATIONS + ") * 7 + 7, 'Claude', 'Rappel' || n, "
                    + "'rappel' || n || '@example.test', '+33 6 00 00 00 00', 'fr', 'PHONE', 700 + n % 300, 210, "
                    + "current_date + 2, date '2029-12-01', 'bench' "
                    + "from generate_series(1, " + dossiers + ") n join accommodation a on a.account_id = "
                    + accountId + " and a.seq = 1 + n % " + ACCOMMODATIONS);
            // each dossier's one stay, which its persons name (V36)
            s.execute("insert into dossier_stay (dossier_id, position, accommodation_id) select id, 0, accommodation_id "
                    + "from dossier where account_id = " + accountId);
            s.execute("insert into dossier_party (dossier_id, label, persons, taxable) select id, 'Adulte', 2, true "
                    + "from dossier where account_id = " + accountId);
            s.execute("analyze");
        }
    }

    /** Queues one deposit reminder per dossier in one statement; answers each mail's id and queueing time (ms). */
    private Map<Long, Long> queueReminders(long accountId, String ownerEmail) throws SQLException {
        Map<Long, Long> queued = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into outbox_mail (account_id, dossier_id, kind, recipient, reply_to, lang) "
                    + "select account_id, id, 'GUEST_DEPOSIT_REMINDER', guest_email, '" + ownerEmail + "', 'fr' "
                    + "from dossier where account_id = " + accountId + " order by number");
            try (ResultSet r = s.executeQuery("select id, (extract(epoch from created_at) * 1000)::bigint "
                    + "from outbox_mail where account_id = " + accountId)) {
                while (r.next()) {
                    queued.put(r.getLong(1), r.getLong(2));
                }
            }
        }
        return queued;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
