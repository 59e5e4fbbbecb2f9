package org.sejour.it.bench;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.CreatedOwner;
import org.sejour.application.job.JobConsole;
import org.sejour.application.job.JobExecutionSummary;
import org.sejour.application.message.MessageRuleService;
import org.sejour.domain.model.message.MessageEvent;
import org.sejour.domain.model.message.MessageRule;
import org.sejour.domain.model.shared.Language;
import org.sejour.it.TestSmtp;
import org.sejour.it.fixtures.DossierFixtures;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 scheduled messages due at the same minute: one owner's rule "at the confirmation" and
 * 10,000 dossiers confirmed at that minute, the guest-messages job started then (as its timer
 * would: rules go out on the half hour, the timer fires every five minutes), the mails sent by
 * the application's own outbox timer to GreenMail. Lag: from the minute they are due to GreenMail
 * storing each message; also the time the job took to queue them all, and queue → received.
 * Checks every message received exactly once, one {@code message_sent} row per dossier, every
 * outbox row SENT with one successful attempt. Not part of the suite:
 * {@code ./sejour bench MessageBenchmark}. Target: lag p99 ≤ 60 s (as for reminders).
 */
@ExtendWith(ArquillianExtension.class)
public class MessageBenchmark {

    private static final Logger LOG = Logger.getLogger(MessageBenchmark.class.getName());
    static final int MESSAGES = 10_000;

    @Inject
    DossierFixtures fixtures;
    @EJB
    MessageRuleService rules;
    @EJB
    JobConsole jobs;
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
        CreatedOwner owner = fixtures.owner("msgbench", "Pw-" + UUID.randomUUID());
        long accountId = owner.accountId();
        MailBenchmark.seedDossiers(dataSource, accountId, owner.accountNumber(), MESSAGES, "CONFIRMED");
        rules.create(accountId, new MessageRule.Draft("Bienvenue", MessageEvent.BOOKING_CONFIRMED, 0, LocalTime.of(10, 0),
                true, Map.of(Language.FR, new MessageRule.Wording("Bienvenue {firstName}",
                        "Votre séjour à {accommodation} du {arrival} au {departure} : {owed} restent dus. {bookingLink}"))));
        // every dossier confirmed at the same instant: the messages are all due then
        Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into dossier_event (dossier_id, at, actor, action) select id, ?, 'bench', 'CREATED_CONFIRMED' "
                        + "from dossier where account_id = ?")) {
            s.setTimestamp(1, Timestamp.from(due));
            s.setLong(2, accountId);
            assertEquals(MESSAGES, s.executeUpdate());
        }
        int before = smtp.getManagers().getImapHostManager().getAllMessages().size();
        long cpuBefore = MailBenchmark.serverCpuTicks();
        long dueMillis = due.toEpochMilli();
        long executionId = jobs.start("guest-messages", Map.of("accountId", Long.toString(accountId),
                "asOf", due.toString()));
        long startedMillis = System.currentTimeMillis();
        JobExecutionSummary execution = jobs.execution(executionId);
        while (!execution.isFinished()) {
            TimeUnit.MILLISECONDS.sleep(500);
            execution = jobs.execution(executionId);
        }
        double jobSeconds = (System.currentTimeMillis() - startedMillis) / 1e3;
        assertEquals("COMPLETED", execution.status(), execution::toString);
        MailBenchmark.awaitMessages(smtp, before + MESSAGES, 1_000);
        double cpuPerMail = (MailBenchmark.serverCpuTicks() - cpuBefore) / MailBenchmark.CLOCK_TICKS_PER_SECOND / MESSAGES;
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        TimeUnit.SECONDS.sleep(11);  // a few more ticks of the outbox timer: a message sent twice would show now

        Map<Long, Long> queued = queued(accountId);
        List<StoredMessage> received = MailBenchmark.ours(smtp, queued);
        Map<Long, Integer> copies = new HashMap<>();
        double[] lags = new double[received.size()];
        double[] queueLags = new double[received.size()];
        int i = 0;
        for (StoredMessage message : received) {
            long id = MailBenchmark.outboxId(message);
            copies.merge(id, 1, Integer::sum);
            queueLags[i] = (message.getReceivedDate().getTime() - queued.get(id)) / 1e3;
            lags[i++] = (message.getReceivedDate().getTime() - dueMillis) / 1e3;
        }
        Arrays.sort(lags);
        Arrays.sort(queueLags);
        long twice = copies.values().stream().filter(n -> n > 1).count();
        String report = String.format("messages, %d scheduled messages due at the same minute, queued by the"
                        + " guest-messages job (%d dossiers read, %d written, %.1f s) and sent by the outbox timer to"
                        + " GreenMail: %d received (%d distinct, %d more than once); lag due → received p50 %.1f s,"
                        + " p95 %.1f s, p99 %.1f s, max %.1f s (target p99 ≤ 60 s); queued → received p50 %.1f s,"
                        + " p99 %.1f s; server CPU %.2f ms per message (job and outbox, GreenMail's included);"
                        + " load average %.1f%n",
                MESSAGES, execution.readCount(), execution.writeCount(), jobSeconds, received.size(), copies.size(),
                twice, MailBenchmark.pct(lags, 50), MailBenchmark.pct(lags, 95), MailBenchmark.pct(lags, 99),
                lags.length == 0 ? 0 : lags[lags.length - 1], MailBenchmark.pct(queueLags, 50),
                MailBenchmark.pct(queueLags, 99), cpuPerMail * 1e3, load);
        LOG.info(report);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "sejour-bench.txt"), report,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);

        assertEquals(MESSAGES, copies.size(), "every message delivered");
        assertEquals(0, twice, "no message delivered twice");
        assertEquals(MESSAGES, count("select count(*) from message_sent where account_id = " + accountId
                + " and mail_id is not null"), "one message_sent row per dossier");
        assertEquals(MESSAGES, count("select count(*) from outbox_mail m where m.account_id = " + accountId
                + " and m.kind = 'GUEST_MESSAGE' and m.status = 'SENT' and (select count(*) from outbox_attempt a"
                + " where a.mail_id = m.id and a.outcome = 'SENT') = 1"), "every row sent, with one successful attempt");
        assertTrue(received.stream().allMatch(m -> subject(m).startsWith("Bienvenue Claude")), "the rule's text");
    }

    private static String subject(StoredMessage message) {
        try {
            return message.getMimeMessage().getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each message's outbox row and the time it was queued (ms). */
    private Map<Long, Long> queued(long accountId) throws SQLException {
        Map<Long, Long> queued = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select id, (extract(epoch from created_at) * 1000)::bigint "
                     + "from outbox_mail where account_id = " + accountId + " and kind = 'GUEST_MESSAGE'")) {
            while (r.next()) {
                queued.put(r.getLong(1), r.getLong(2));
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
