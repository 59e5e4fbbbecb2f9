package org.sejour.it.incontainer;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.CreatedOwner;
import org.sejour.application.mail.MailDelivery;
import org.sejour.application.mail.Mailer;
import org.sejour.domain.model.mail.DeliveryOutcome;
import org.sejour.it.fixtures.DossierFixtures;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox sends several mails per transaction: each mail's outcome must still be its own.
 * The mails are queued a day ahead, out of the outbox timer's reach, and delivered as one
 * batch by calling the delivery with that day's clock.
 */
@ExtendWith(ArquillianExtension.class)
public class OutboxBatchIT {

    @Inject
    DossierFixtures fixtures;
    @EJB
    MailDelivery delivery;
    @Inject
    Mailer mailer;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;
    @Resource(lookup = "mail/sejour")
    Session mailSession;

    record Mail(String status, int attempts, List<String> outcomes, String lastError, Instant nextAttemptAt) {
    }

    @Test
    void aRefusedAddressAndAMailThatCannotBeRenderedDoNotUndoTheOthersOfTheirBatch() throws Exception {
        CreatedOwner owner = fixtures.owner("obatch", "Pw-" + UUID.randomUUID());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // in microseconds, as PostgreSQL keeps it: the backoff is compared with what is read back
        Instant due = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
        long first = reminder(owner, 1, "first-" + tag + "@example.test", "GUEST_DEPOSIT_REMINDER", due);
        long refused = reminder(owner, 2, "refused-" + tag + "@example.test", "GUEST_DEPOSIT_REMINDER", due);
        // a balance reminder of a dossier that has no balance deadline: it cannot be rendered
        long broken = reminder(owner, 3, "broken-" + tag + "@example.test", "GUEST_BALANCE_REMINDER", due);
        long last = reminder(owner, 4, "last-" + tag + "@example.test", "GUEST_DEPOSIT_REMINDER", due);

        List<DeliveryOutcome> outcomes;
        List<String> delivered;
        try (RejectingSmtpServer smtp = new RejectingSmtpServer(smtpPort(), address -> address.startsWith("refused-"));
             Mailer.Connection connection = mailer.open()) {
            outcomes = delivery.deliver(List.of(first, refused, broken, last), due.plusSeconds(60), connection);
            delivered = smtp.delivered().stream().filter(address -> address.contains(tag)).toList();
        }

        assertEquals(List.of(DeliveryOutcome.SENT, DeliveryOutcome.REJECTED, DeliveryOutcome.RETRY,
                DeliveryOutcome.SENT), outcomes);
        assertEquals(List.of("first-" + tag + "@example.test", "last-" + tag + "@example.test"), delivered);
        assertSentOnce(first);
        Mail rejected = mail(refused);
        assertEquals("FAILED", rejected.status());
        assertEquals(List.of("REJECTED"), rejected.outcomes());
        assertTrue(rejected.lastError().contains("550"), rejected.lastError());
        Mail retried = mail(broken);
        assertEquals("PENDING", retried.status());
        assertEquals(List.of("RETRY"), retried.outcomes());
        assertTrue(retried.lastError().startsWith("cannot be composed"), retried.lastError());
        assertTrue(!retried.nextAttemptAt().isBefore(due.plusSeconds(90)), "backed off: " + retried);
        assertSentOnce(last);
    }

    @Test
    void aMailAnotherSenderHoldsIsSkippedNotSentTwice() throws Exception {
        CreatedOwner owner = fixtures.owner("oskip", "Pw-" + UUID.randomUUID());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Instant due = Instant.now().plus(Duration.ofDays(1));
        long held = reminder(owner, 1, "held-" + tag + "@example.test", "GUEST_DEPOSIT_REMINDER", due);
        long free = reminder(owner, 2, "free-" + tag + "@example.test", "GUEST_DEPOSIT_REMINDER", due);

        List<DeliveryOutcome> outcomes;
        List<String> delivered;
        try (Connection otherSender = dataSource.getConnection();
             RejectingSmtpServer smtp = new RejectingSmtpServer(smtpPort(), address -> false);
             Mailer.Connection connection = mailer.open()) {
            otherSender.setAutoCommit(false);
            try (Statement s = otherSender.createStatement()) {
                s.executeQuery("select id from outbox_mail where id = " + held + " for update").close();
                outcomes = delivery.deliver(List.of(held, free), due.plusSeconds(60), connection);
            } finally {
                otherSender.rollback();
            }
            delivered = smtp.delivered().stream().filter(address -> address.contains(tag)).toList();
        }

        assertEquals(List.of(DeliveryOutcome.SENT), outcomes);
        assertEquals(List.of("free-" + tag + "@example.test"), delivered);
        Mail untouched = mail(held);
        assertEquals("PENDING", untouched.status());
        assertEquals(0, untouched.attempts());
        assertSentOnce(free);
    }

    private void assertSentOnce(long id) throws SQLException {
        Mail mail = mail(id);
        assertEquals("SENT", mail.status(), mail::toString);
        assertEquals(1, mail.attempts(), mail::toString);
        assertEquals(List.of("SENT"), mail.outcomes());
    }

    private int smtpPort() {
        return Integer.parseInt(mailSession.getProperty("mail.smtp.port"));
    }

    /** A dossier with a deposit due (and no balance deadline) and a reminder of it in the outbox, due at {@code due}. */
    private long reminder(CreatedOwner owner, int number, String guestEmail, String kind, Instant due) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long accommodationId = fixtures.gite(owner.accountId(), "Gîte " + number, "700.00");
            long dossierId = insert(c, "insert into dossier (account_id, number, status, accommodation_id, arrival, "
                    + "departure, guest_first_name, guest_last_name, guest_email, guest_language, origin, total, "
                    + "deposit_amount, deposit_due, created_by) values (?, ?, 'OPTION', ?, date '2030-01-05', "
                    + "date '2030-01-12', 'Claude', 'Lot', ?, 'fr', 'PHONE', 700, 210, current_date + 2, 'test') "
                    + "returning id", owner.accountId(), number, accommodationId, guestEmail);
            insert(c, "insert into dossier_stay (dossier_id, position, accommodation_id) values (?, 0, ?) "
                    + "returning dossier_id", dossierId, accommodationId);
            insert(c, "insert into dossier_party (dossier_id, label, persons, taxable) values (?, 'Adulte', 2, true) "
                    + "returning dossier_id", dossierId);
            return insert(c, "insert into outbox_mail (account_id, dossier_id, kind, recipient, reply_to, lang, "
                    + "next_attempt_at, created_at) values (?, ?, ?, ?, ?, 'fr', ?, ?) returning id", owner.accountId(),
                    dossierId, kind, guestEmail, owner.login(), Timestamp.from(due), Timestamp.from(due));
        }
    }

    private static long insert(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private Mail mail(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select m.status, m.attempts, m.last_error, m.next_attempt_at, "
                     + "a.outcome from outbox_mail m left join outbox_attempt a on a.mail_id = m.id where m.id = ? "
                     + "order by a.id")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                List<String> outcomes = new ArrayList<>();
                Mail mail = null;
                while (r.next()) {
                    mail = new Mail(r.getString(1), r.getInt(2), outcomes, r.getString(3),
                            r.getTimestamp(4).toInstant());
                    if (r.getString(5) != null) {
                        outcomes.add(r.getString(5));
                    }
                }
                return mail;
            }
        }
    }
}
