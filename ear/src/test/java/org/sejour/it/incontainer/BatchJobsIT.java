package org.sejour.it.incontainer;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.AccommodationService;
import org.sejour.application.AccountService;
import org.sejour.application.CreatedOwner;
import org.sejour.application.OperatorService;
import org.sejour.application.booking.BookingCommand;
import org.sejour.application.booking.BookingService;
import org.sejour.application.booking.DossierService;
import org.sejour.application.booking.StayRequest;
import org.sejour.application.document.DocumentSettingsService;
import org.sejour.application.job.JobConsole;
import org.sejour.application.job.JobExecutionSummary;
import org.sejour.application.mail.MailLogEntry;
import org.sejour.application.mail.MailOutbox;
import org.sejour.application.mail.OutboxDispatcher;
import org.sejour.application.message.MessageRuleService;
import org.sejour.application.reminder.ReminderSettingsService;
import org.sejour.domain.model.reminder.ReminderSettings;
import org.sejour.application.booking.ChangeCommand;
import org.sejour.domain.model.dossier.Repricing;
import org.sejour.domain.model.message.MessageEvent;
import org.sejour.domain.model.document.GuestMail;
import org.sejour.domain.model.document.MailField;
import org.sejour.domain.model.document.MailSettings;
import org.sejour.domain.model.message.MessageRule;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Classification;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.account.ContactDetails;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.mail.MailKind;
import org.sejour.domain.model.mail.OutboxStatus;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.StayPeriod;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.TranslatedText;
import org.sejour.interfaces.batch.JobRepositoryTables;
import org.sejour.it.TestSmtp;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batch jobs on Payara and PostgreSQL, started through the job operator as the operator's
 * "run now" does, against dossiers booked by the real booking service; the mails they queue
 * go out through the outbox to GreenMail. Each run is limited to the test's own owner and
 * judged at a date far from today, so the jobs' timers (real time) and other tests' data
 * never meet the test's.
 */
@ExtendWith(ArquillianExtension.class)
public class BatchJobsIT {

    static final LocalDate MAY_FIRST = LocalDate.of(2027, 5, 1);

    @EJB
    OperatorService operators;
    @EJB
    AccountService accounts;
    @EJB
    AccommodationService accommodations;
    @EJB
    BookingService bookings;
    @EJB
    DossierService dossiers;
    @EJB
    MailOutbox outbox;
    @EJB
    OutboxDispatcher dispatcher;
    @EJB
    JobConsole jobs;
    @EJB
    MessageRuleService messageRules;
    @EJB
    ReminderSettingsService reminderSettings;
    @EJB
    DocumentSettingsService documentSettings;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;
    @Resource(lookup = "mail/sejour")
    Session mailSession;

    GreenMail smtp;

    record Owner(long accountId, long accommodationId, String email) {
    }

    @BeforeEach
    void startSmtp() {
        smtp = TestSmtp.start(Integer.parseInt(mailSession.getProperty("mail.smtp.port")));
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void lapsedOptionsAreCancelledTheirNightsFreedAndGuestAndOwnerToldOnce() throws Exception {
        Owner owner = owner();
        Owner other = owner();
        String guest = email("lapsed");
        Dossier option = book(owner, MAY_FIRST, guest, Language.EN, false);
        Dossier othersOption = book(other, MAY_FIRST, email("other"), Language.FR, false);
        assertEquals(7, soldNights(owner.accommodationId()));
        // both lapsed a month from now; the run is for one owner
        Instant asOf = option.optionExpiresAt().orElseThrow().plus(Duration.ofDays(30));

        JobExecutionSummary first = run("option-expiry", Map.of("accountId", owner.accountId(), "asOf", asOf));
        assertEquals("COMPLETED", first.status());
        assertEquals(1, first.readCount(), first::toString);
        assertEquals(1, first.writeCount(), first::toString);

        Dossier cancelled = dossiers.get(owner.accountId(), option.id());
        assertEquals(DossierStatus.CANCELLED, cancelled.status());
        assertEquals("option expired", cancelled.cancelReason().orElse(null));
        assertEquals(0, soldNights(owner.accommodationId()), "the week is for sale again");
        assertEquals(DossierStatus.OPTION, dossiers.get(other.accountId(), othersOption.id()).status(),
                "another owner's option is not touched by a run for one owner");
        assertEquals(7, soldNights(other.accommodationId()));

        sendUntil(() -> subjects(guest).contains("Option cancelled — Gîte les Lauriers, booking no. 1")
                && subjects(owner.email()).contains("Option expirée — dossier n° 1, MARTIN Claude"));

        JobExecutionSummary second = run("option-expiry", Map.of("accountId", owner.accountId(), "asOf", asOf));
        assertEquals("COMPLETED", second.status());
        assertEquals(0, second.writeCount(), second::toString);
        dispatcher.sendDue(Instant.now().plus(Duration.ofDays(1)));
        assertEquals(1, count(subjects(guest), "Option cancelled — Gîte les Lauriers, booking no. 1"), "told once");
        assertEquals(1, count(subjects(owner.email()), "Option expirée — dossier n° 1, MARTIN Claude"));
        assertEquals(Set.of(MailKind.GUEST_OPTION_EXPIRED, MailKind.OWNER_OPTION_EXPIRED), Set.copyOf(
                outbox.logOf(owner.accountId(), option.id()).stream().map(MailLogEntry::kind).toList()));
        assertTrue(outbox.logOf(other.accountId(), othersOption.id()).isEmpty(), "nothing for the other owner");

        Dossier again = book(owner, MAY_FIRST, email("again"), Language.FR, false);
        assertEquals(DossierStatus.OPTION, again.status(), "the stay is bookable again");
        assertEquals(7, soldNights(owner.accommodationId()));
    }

    @Test
    void depositRemindersGoOutOnceADayInTheGuestsLanguage() throws Exception {
        Owner owner = owner();
        Owner other = owner();
        // the owner's words around the amount due: English intro, French closing
        documentSettings.changeMail(owner.accountId(), new MailSettings.Changes(GuestMail.CONTRACT, null, false,
                Set.of(Language.EN), Map.of(
                        MailField.REMINDER_INTRO, TranslatedText.of(Map.of(Language.EN, "A friendly nudge from the farm.")),
                        MailField.REMINDER_CLOSING, TranslatedText.of(Map.of(Language.FR, "Merci et à bientôt à la ferme !")))));
        LocalDate day = LocalDate.of(2027, 4, 12);
        String dueGuest = email("due");
        String lateGuest = email("late");
        String paidGuest = email("paid");
        String otherGuest = email("other");
        Dossier due = book(owner, MAY_FIRST, dueGuest, Language.EN, false);
        Dossier late = book(owner, MAY_FIRST.plusWeeks(1), lateGuest, Language.FR, true);
        Dossier paid = book(owner, MAY_FIRST.plusWeeks(2), paidGuest, Language.FR, false);
        Dossier othersDue = book(other, MAY_FIRST, otherGuest, Language.FR, false);
        dossiers.recordPayment(owner.accountId(), paid.id(), PaymentKind.DEPOSIT, day.minusDays(5), paid.depositAmount(),
                "transfer", null, null, "test");
        setDeadlines(due, day, null);
        setDeadlines(late, day.minusDays(2), null);
        setDeadlines(paid, day, null);
        setDeadlines(othersDue, day, null);

        JobExecutionSummary first = run("deposit-reminders", Map.of("accountId", owner.accountId(), "today", day));
        assertEquals("COMPLETED", first.status());
        assertEquals(2, first.writeCount(), first::toString);
        sendUntil(() -> received(dueGuest).size() == 1 && received(lateGuest).size() == 1);

        MimeMessage english = received(dueGuest).get(0);
        assertEquals("Payment reminder — Gîte les Lauriers, booking no. 1", english.getSubject());
        String dueBody = body(english);
        assertTrue(dueBody.contains("is due by April 12, 2027"), dueBody);
        assertTrue(dueBody.contains(new ContractAmount(due.depositAmount()).english()), dueBody);
        MimeMessage french = received(lateGuest).get(0);
        assertEquals("Rappel de paiement — Gîte les Lauriers, dossier n° 2", french.getSubject());
        assertTrue(body(french).contains("attendu le 10 avril 2027, ne nous est pas encore parvenu"), body(french));
        assertTrue(dueBody.startsWith("A friendly nudge from the farm."), dueBody);
        assertFalse(dueBody.contains("Merci et à bientôt"), "no French closing in an English mail: " + dueBody);
        assertTrue(body(french).contains("Merci et à bientôt à la ferme !"), body(french));
        assertFalse(body(french).contains("friendly nudge"), body(french));

        JobExecutionSummary sameDay = run("deposit-reminders", Map.of("accountId", owner.accountId(), "today", day));
        assertEquals(0, sameDay.writeCount(), sameDay::toString);
        JobExecutionSummary nextDay = run("deposit-reminders", Map.of("accountId", owner.accountId(),
                "today", day.plusDays(1)));
        assertEquals(0, nextDay.writeCount(), "a due reminder once per deadline, a late one not the next day: " + nextDay);
        dispatcher.sendDue(Instant.now().plus(Duration.ofDays(1)));
        sendUntil(() -> nothingPending(owner, due, late, paid));
        assertEquals(1, received(dueGuest).size(), "reminded once");
        assertEquals(1, received(lateGuest).size(), "reminded once");
        assertTrue(received(paidGuest).isEmpty(), "a paid deposit is not reminded");
        assertTrue(received(otherGuest).isEmpty(), "another owner's guest is not reminded by a run for one owner");
        assertEquals(2, reminderRows(owner.accountId()));
        assertEquals(0, reminderRows(other.accountId()));

        // the database refuses a second reminder of the same day, whatever Java does
        SQLException duplicate = assertThrows(SQLException.class, () -> update("insert into payment_reminder "
                + "(account_id, dossier_id, rule, sent_on) values (?, ?, 'DEPOSIT_DUE', ?)", owner.accountId(), due.id(), day));
        assertEquals("23505", duplicate.getSQLState());

        // a week later the late deposit is reminded again; the lapsed option is not (it expires instead)
        JobExecutionSummary weekLater = run("deposit-reminders", Map.of("accountId", owner.accountId(),
                "today", day.plusDays(7)));
        assertEquals(1, weekLater.writeCount(), weekLater::toString);
        sendUntil(() -> received(lateGuest).size() == 2);
        assertEquals(1, received(dueGuest).size());
        assertEquals(List.of(MailKind.GUEST_DEPOSIT_REMINDER, MailKind.GUEST_DEPOSIT_REMINDER),
                outbox.logOf(owner.accountId(), late.id()).stream().map(MailLogEntry::kind).toList());
        assertTrue(outbox.logOf(owner.accountId(), late.id()).stream().allMatch(m -> m.status() == OutboxStatus.SENT));
    }

    @Test
    void aReminderPaidOrCancelledWhileTheMailServerIsDownIsDroppedNotSent() throws Exception {
        Owner owner = owner();
        LocalDate day = LocalDate.of(2027, 4, 12);
        String paidGuest = email("paid-meanwhile");
        String cancelledGuest = email("cancelled-meanwhile");
        String owingGuest = email("still-owing");
        Dossier paid = book(owner, MAY_FIRST, paidGuest, Language.FR, true);
        Dossier cancelled = book(owner, MAY_FIRST.plusWeeks(1), cancelledGuest, Language.FR, true);
        Dossier owing = book(owner, MAY_FIRST.plusWeeks(2), owingGuest, Language.FR, true);
        for (Dossier d : List.of(paid, cancelled, owing)) {
            setDeadlines(d, day, null);
        }
        smtp.stop();
        JobExecutionSummary run = run("deposit-reminders", Map.of("accountId", owner.accountId(), "today", day));
        assertEquals(3, run.writeCount(), run::toString);
        // (the outbox's timer may be trying them too: its attempts count as well)
        remindersUntil(owner, m -> m.attempts() >= 1, Instant.now(), paid, cancelled, owing);
        for (Dossier d : List.of(paid, cancelled, owing)) {
            assertEquals(OutboxStatus.PENDING, reminderOf(owner, d).status(), "to be tried again");
        }

        // hours later, before the mail server is back: one deposit paid, one booking cancelled
        dossiers.recordPayment(owner.accountId(), paid.id(), PaymentKind.DEPOSIT, day, paid.depositAmount(),
                "transfer", null, null, "test");
        dossiers.cancel(owner.accountId(), cancelled.id(), "test", "plans changed");
        smtp = TestSmtp.start(Integer.parseInt(mailSession.getProperty("mail.smtp.port")));
        remindersUntil(owner, m -> m.status() != OutboxStatus.PENDING, Instant.now().plus(Duration.ofHours(7)),
                paid, cancelled, owing);

        assertEquals(OutboxStatus.SENT, reminderOf(owner, owing).status());
        assertEquals(List.of("Rappel de paiement — Gîte les Lauriers, dossier n° 3"), subjects(owingGuest));
        assertEquals(OutboxStatus.DROPPED, reminderOf(owner, paid).status(), "the deposit was paid meanwhile");
        assertEquals(List.of(), subjects(paidGuest), "no reminder for nothing owed");
        assertEquals(OutboxStatus.DROPPED, reminderOf(owner, cancelled).status(), "the booking was cancelled meanwhile");
        assertTrue(subjects(cancelledGuest).stream().noneMatch(s -> s.startsWith("Rappel de paiement")),
                subjects(cancelledGuest)::toString);
        // the database takes the new state and keeps why, as the outcome of the last row of the history
        assertEquals("DROPPED", text("select a.outcome from outbox_attempt a join outbox_mail m on m.id = a.mail_id "
                + "where m.id = ? order by a.at desc, a.id desc limit 1", reminderOf(owner, paid).id()));
    }

    /**
     * No mail of these dossiers is waiting: what arrived is all that ever will (a mail the
     * outbox's timer is sending stays pending until its outcome is committed, and is in
     * GreenMail before that).
     */
    private boolean nothingPending(Owner owner, Dossier... of) {
        return Stream.of(of).flatMap(d -> outbox.logOf(owner.accountId(), d.id()).stream())
                .noneMatch(m -> m.status() == OutboxStatus.PENDING);
    }

    /** Sends what is due at {@code at} until the reminder of each dossier is as asked. */
    private void remindersUntil(Owner owner, Predicate<MailLogEntry> done, Instant at, Dossier... of)
            throws InterruptedException {
        sendUntil(() -> Stream.of(of).map(d -> reminderOf(owner, d)).allMatch(done), at);
    }

    private MailLogEntry reminderOf(Owner owner, Dossier dossier) {
        List<MailLogEntry> reminders = outbox.logOf(owner.accountId(), dossier.id()).stream()
                .filter(m -> m.kind() == MailKind.GUEST_DEPOSIT_REMINDER).toList();
        assertEquals(1, reminders.size(), reminders::toString);
        return reminders.get(0);
    }

    @Test
    void balanceRemindersGoOutBeforeArrivalOnly() throws Exception {
        Owner owner = owner();
        LocalDate day = LocalDate.of(2027, 4, 1);
        String dueGuest = email("balance-due");
        String lateGuest = email("balance-late");
        String paidGuest = email("balance-paid");
        String depositGuest = email("deposit-unpaid");
        Dossier due = book(owner, MAY_FIRST, dueGuest, Language.FR, true);
        Dossier late = book(owner, MAY_FIRST.plusWeeks(1), lateGuest, Language.EN, true);
        Dossier paid = book(owner, MAY_FIRST.plusWeeks(2), paidGuest, Language.FR, true);
        Dossier depositUnpaid = book(owner, MAY_FIRST.plusWeeks(3), depositGuest, Language.FR, true);
        for (Dossier d : List.of(due, late, paid)) {
            dossiers.recordPayment(owner.accountId(), d.id(), PaymentKind.DEPOSIT, day.minusDays(30), d.depositAmount(),
                    "transfer", null, null, "test");
        }
        dossiers.recordPayment(owner.accountId(), paid.id(), PaymentKind.BALANCE, day.minusDays(1),
                paid.total().minus(paid.depositAmount()), "transfer", null, null, "test");
        setDeadlines(due, day.minusDays(40), day.plusDays(2));
        setDeadlines(late, day.minusDays(40), day.minusDays(3));
        setDeadlines(paid, day.minusDays(40), day);
        setDeadlines(depositUnpaid, day.plusDays(20), day);

        JobExecutionSummary first = run("balance-reminders", Map.of("accountId", owner.accountId(), "today", day));
        assertEquals(2, first.writeCount(), first::toString);
        JobExecutionSummary again = run("balance-reminders", Map.of("accountId", owner.accountId(), "today", day));
        assertEquals(0, again.writeCount(), again::toString);
        sendUntil(() -> received(dueGuest).size() == 1 && received(lateGuest).size() == 1);
        dispatcher.sendDue(Instant.now().plus(Duration.ofDays(1)));
        sendUntil(() -> nothingPending(owner, due, late, paid, depositUnpaid));

        assertEquals(1, received(dueGuest).size());
        String french = body(received(dueGuest).get(0));
        // what is left to pay once the arrhes are paid, under its own words (issue 22)
        assertTrue(french.contains("Votre séjour approche : il reste "
                + new ContractAmount(due.total().minus(due.depositAmount())).french()
                + " à régler sur votre réservation, au plus tard le 3 avril 2027"), french);
        assertEquals(1, received(lateGuest).size());
        assertTrue(body(received(lateGuest).get(0)).contains("due on March 29, 2027 for your booking has not reached us yet"));
        assertTrue(received(paidGuest).isEmpty(), "nothing left to pay");
        assertTrue(received(depositGuest).isEmpty(), "the deposit comes first");

        // once a guest has arrived the balance is settled on site: a week after the first arrival
        // only the late balance of the stay not begun yet is reminded again
        JobExecutionSummary afterArrival = run("balance-reminders", Map.of("accountId", owner.accountId(),
                "today", MAY_FIRST.plusDays(1)));
        assertEquals(1, afterArrival.readCount(), afterArrival::toString);
        assertEquals(1, afterArrival.writeCount(), afterArrival::toString);
        sendUntil(() -> received(lateGuest).size() == 2);
        assertEquals(1, received(dueGuest).size(), "not reminded after arrival");
    }

    @Test
    void onlyKnownJobsCanBeStartedAndEveryRunIsListed() throws Exception {
        Owner owner = owner();
        JobExecutionSummary run = run("deposit-reminders", Map.of("accountId", owner.accountId(), "today",
                LocalDate.of(2030, 1, 1)));
        assertTrue(jobs.executions(500).stream().anyMatch(e -> e.executionId() == run.executionId()
                && e.jobName().equals("deposit-reminders") && e.endedAt() != null));
        assertThrows(Exception.class, () -> jobs.start("drop-everything", Map.of()));

        // the job repository is Séjour's PostgreSQL database: the run and its two steps are rows there
        assertEquals("COMPLETED", text("select batchstatus from batch_executioninstancedata where jobexecid = ?",
                run.executionId()));
        assertEquals(List.of("deposit-due", "deposit-late"), texts("select stepname from batch_stepexecutioninstancedata "
                + "where jobexecid = ? and batchstatus = 'COMPLETED' order by stepexecid", run.executionId()));
        assertEquals("deposit-reminders", text("select i.name from batch_jobinstancedata i "
                + "join batch_executioninstancedata e on e.jobinstanceid = i.jobinstanceid where e.jobexecid = ?",
                run.executionId()));
    }

    /**
     * In a cluster a server takes over only the executions whose server is gone: its own from
     * before it started again, those whose server has been silent too long, and those nobody
     * gave a heartbeat for that are older than its start; and of two servers that find the same
     * one, only the first restarts it. Rows of a job no server runs, so that the servers' own
     * recovery leaves them alone.
     */
    @Test
    void onlyExecutionsWhoseServerIsGoneAreTakenOverAndOnlyOnce() throws Exception {
        jobs.executions(1);  // the batch runtime has made its tables
        String job = "heartbeat-test-" + UUID.randomUUID();
        long instance = insert("insert into batch_jobinstancedata (name, apptag) values (?, 'test') "
                + "returning jobinstanceid", job);
        Instant started = Instant.now().minus(Duration.ofMinutes(1));
        Instant before = started.minus(Duration.ofMinutes(10));
        Instant since = Instant.now();
        try {
            long otherSilent = execution(instance, "STARTED", before, "other@b", 5);
            long otherBeating = execution(instance, "STARTED", before, "other@b", 0);
            long mineFromBefore = execution(instance, "STARTED", before, "me@a", 0);
            long mineSince = execution(instance, "STARTED", since, "me@a", 0);
            long unknownFromBefore = execution(instance, "STARTED", before, null, 0);
            long unknownSince = execution(instance, "STARTED", since, null, 0);
            long ended = execution(instance, "COMPLETED", before, "other@b", 5);
            long runningHere = execution(instance, "STARTED", before, "other@b", 5);
            JobRepositoryTables tables = new JobRepositoryTables(dataSource);

            assertEquals(List.of(otherSilent, mineFromBefore, unknownFromBefore),
                    tables.interrupted(List.of(job), "me@a", started, Duration.ofMinutes(2), List.of(runningHere)));
            assertTrue(tables.markInterrupted(otherSilent, Instant.now()));
            assertFalse(tables.markInterrupted(otherSilent, Instant.now()), "a second server finds it taken");
            assertEquals("FAILED INTERRUPTED", text("select batchstatus || ' ' || exitstatus "
                    + "from batch_executioninstancedata where jobexecid = ?", otherSilent));

            // a beat records only what still runs, and forgets what ended
            assertEquals(Set.of(otherBeating, unknownSince), tables.beat("me@a", List.of(otherBeating, unknownSince,
                    ended, otherSilent)));
            assertEquals(List.of("me@a", "me@a"), texts("select server from job_heartbeat where execution_id in (?, ?)",
                    otherBeating, unknownSince));
            assertEquals(List.of(), texts("select server from job_heartbeat where execution_id in (?, ?)",
                    ended, otherSilent));
        } finally {
            update("delete from job_heartbeat where execution_id in (select jobexecid from batch_executioninstancedata "
                    + "where jobinstanceid = ?)", instance);
            update("delete from batch_executioninstancedata where jobinstanceid = ?", instance);
            update("delete from batch_jobinstancedata where jobinstanceid = ?", instance);
        }
    }

    /** An execution row as Payara writes them, with a heartbeat {@code beatMinutesAgo} when {@code server} is given. */
    private long execution(long instance, String status, Instant created, String server, int beatMinutesAgo)
            throws SQLException {
        long id = insert("insert into batch_executioninstancedata (jobinstanceid, createtime, starttime, updatetime, "
                + "batchstatus) values (?, ?, ?, ?, ?) returning jobexecid", instance, java.sql.Timestamp.from(created),
                java.sql.Timestamp.from(created), java.sql.Timestamp.from(created), status);
        if (server != null) {
            update("insert into job_heartbeat (execution_id, server, beat_at) "
                    + "values (?, ?, now() - make_interval(mins => ?))", id, server, beatMinutesAgo);
        }
        return id;
    }

    // ---- helpers

    /** Starts a job as the operator's page does and waits for it to end. */
    private JobExecutionSummary run(String job, Map<String, Object> parameters) throws InterruptedException {
        Map<String, String> values = new HashMap<>();
        parameters.forEach((k, v) -> values.put(k, String.valueOf(v)));
        long executionId = jobs.start(job, values);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        JobExecutionSummary execution = jobs.execution(executionId);
        while (!execution.isFinished()) {
            assertTrue(System.nanoTime() < deadline, job + " did not end within 120 s");
            TimeUnit.MILLISECONDS.sleep(250);
            execution = jobs.execution(executionId);
        }
        assertEquals("COMPLETED", execution.status(), execution::toString);
        return execution;
    }

    /** Five days' notice, a late reminder every two days and no balance reminders for one owner; the defaults for another. */
    @Test
    void eachOwnerRemindsTheirGuestsOnTheirOwnDays() throws Exception {
        Owner owner = owner();
        Owner other = owner();
        LocalDate day = LocalDate.of(2027, 4, 12);
        reminderSettings.change(owner.accountId(), new ReminderSettings.Changes(5, 2, true, false));
        String fiveDaysGuest = email("five");
        String lateGuest = email("every-two");
        String balanceGuest = email("balance-off");
        String othersGuest = email("others-five");
        Dossier fiveDays = book(owner, MAY_FIRST, fiveDaysGuest, Language.FR, false);
        Dossier late = book(owner, MAY_FIRST.plusWeeks(1), lateGuest, Language.FR, true);
        Dossier balance = book(owner, MAY_FIRST.plusWeeks(2), balanceGuest, Language.FR, true);
        Dossier others = book(other, MAY_FIRST, othersGuest, Language.FR, false);
        dossiers.recordPayment(owner.accountId(), balance.id(), PaymentKind.DEPOSIT, day.minusDays(30),
                balance.depositAmount(), "transfer", null, null, "test");
        setDeadlines(fiveDays, day.plusDays(5), null);
        setDeadlines(late, day.minusDays(3), null);
        setDeadlines(balance, day.minusDays(40), day.plusDays(1));
        setDeadlines(others, day.plusDays(5), null);

        assertEquals(2, run("deposit-reminders", Map.of("accountId", owner.accountId(), "today", day)).writeCount(),
                "five days' notice, and the late one");
        assertEquals(0, run("deposit-reminders", Map.of("accountId", other.accountId(), "today", day)).writeCount(),
                "the other owner keeps three days' notice");
        assertEquals(0, run("balance-reminders", Map.of("accountId", owner.accountId(), "today", day)).writeCount(),
                "balance reminders switched off");
        assertEquals(0, run("deposit-reminders", Map.of("accountId", owner.accountId(), "today", day.plusDays(1)))
                .writeCount(), "not again the next day");
        JobExecutionSummary twoDaysLater = run("deposit-reminders", Map.of("accountId", owner.accountId(),
                "today", day.plusDays(2)));
        assertEquals(1, twoDaysLater.writeCount(), "the late one again two days later: " + twoDaysLater);
        assertEquals(1, run("deposit-reminders", Map.of("accountId", other.accountId(), "today", day,
                "noticeDays", 5)).writeCount(), "a run naming its days overrides the owner's");

        sendUntil(() -> received(fiveDaysGuest).size() == 1 && received(lateGuest).size() == 2
                && received(othersGuest).size() == 1);
        dispatcher.sendDue(Instant.now().plus(Duration.ofDays(1)));
        assertTrue(received(balanceGuest).isEmpty(), "no balance reminder");
        assertEquals(2, received(lateGuest).size());
    }

    /**
     * "7 days before arrival at 10:00" written in French, English and German: a dossier created,
     * changed and cancelled across the rule's moments, the job run at moments on either side of
     * them (its {@code asOf}, the test's clock). 10:00 in Paris in spring is 08:00 UTC.
     */
    @Test
    void scheduledMessagesGoOutOnceInTheGuestsLanguageAtTheOwnersTimeAndFollowTheBooking() throws Exception {
        Owner owner = owner();
        Owner other = owner();
        MessageRule access = messageRules.create(owner.accountId(), new MessageRule.Draft("Accès",
                MessageEvent.BEFORE_ARRIVAL, 7, java.time.LocalTime.of(10, 0), true, Map.of(
                Language.FR, new MessageRule.Wording("Votre arrivée le {arrival}", "Bonjour {firstName}, la clé est sous le pot. {owed} restent dus. {bookingLink}"),
                Language.EN, new MessageRule.Wording("Your arrival on {arrival}", "Hello {firstName}, the key is under the pot at {accommodation}. {owed} still due. {bookingLink}\n{access}"),
                Language.DE, new MessageRule.Wording("Ihre Anreise am {arrival}", "Hallo {firstName}, der Schlüssel liegt unter dem Topf, {accommodation}. Noch {owed} offen. {bookingLink}\n{access}"))));
        // how to get in, per accommodation: German and French written, English not (French then)
        accommodations.giveAccess(owner.accountId(), owner.accommodationId(), TranslatedText.of(Map.of(
                Language.FR, "Code du portail : 4711. Garez-vous sous le tilleul.",
                Language.DE, "Torcode: 4711. Parken Sie unter der Linde.")));
        assertThrows(org.sejour.domain.model.shared.NotFoundException.class, () -> accommodations.giveAccess(
                other.accountId(), owner.accommodationId(), TranslatedText.of(Map.of(Language.FR, "Code : 0000"))),
                "another owner's accommodation is not found");
        assertEquals("accommodation.access.tooLong", assertThrows(InvalidInputException.class,
                () -> accommodations.giveAccess(owner.accountId(), owner.accommodationId(), TranslatedText.of(Map.of(
                        Language.FR, "x".repeat(4001))))).messageKey());
        assertEquals("Code du portail : 4711. Garez-vous sous le tilleul.", accommodations.get(owner.accountId(),
                owner.accommodationId()).access().in(Language.FR), "the refused text changed nothing");
        messageRules.create(owner.accountId(), new MessageRule.Draft("Merci", MessageEvent.AFTER_DEPARTURE, 1,
                java.time.LocalTime.of(18, 0), false, Map.of(Language.FR, new MessageRule.Wording("Merci", "Merci {guest}"))));
        messageRules.create(other.accountId(), new MessageRule.Draft("Accès", MessageEvent.BEFORE_ARRIVAL, 7,
                java.time.LocalTime.of(10, 0), true, Map.of(Language.FR, new MessageRule.Wording("Arrivée", "Bonjour"))));
        assertThrows(org.sejour.domain.model.shared.NotFoundException.class,
                () -> messageRules.switchOn(other.accountId(), access.id(), false), "another owner's rule is not found");

        String cancelledGuest = email("cancelled");
        Dossier cancelled = book(owner, MAY_FIRST, cancelledGuest, Language.FR, true);
        dossiers.cancel(owner.accountId(), cancelled.id(), "test", "plans changed");
        String germanGuest = email("de");
        Dossier german = book(owner, MAY_FIRST, germanGuest, Language.DE, true);
        String spanishGuest = email("es");
        Dossier spanish = book(owner, MAY_FIRST.plusWeeks(1), spanishGuest, Language.ES, true);
        String movedGuest = email("moved");
        Dossier moved = book(owner, MAY_FIRST.plusWeeks(2), movedGuest, Language.FR, true);
        String othersGuest = email("others");
        book(other, MAY_FIRST, othersGuest, Language.FR, true);

        assertEquals("Ihre Anreise am 15. Mai 2027", messageRules.preview(owner.accountId(),
                access.wordingIn(Language.DE).orElseThrow(), Language.DE).orElseThrow().subject(),
                "the preview renders the owner's latest dossier");
        assertTrue(messageRules.preview(owner.accountId(), access.wordingIn(Language.EN).orElseThrow(), Language.EN)
                .orElseThrow().body().contains("/booking/"), "with the booking page's link");

        // a minute before 10:00 in Paris, seven days before May 1: nothing yet
        assertEquals(0, run("guest-messages", Map.of("accountId", owner.accountId(),
                "asOf", Instant.parse("2027-04-24T07:59:00Z"))).writeCount());
        JobExecutionSummary due = run("guest-messages", Map.of("accountId", owner.accountId(),
                "asOf", Instant.parse("2027-04-24T08:00:00Z")));
        assertEquals(1, due.writeCount(), due::toString);
        assertEquals(0, run("guest-messages", Map.of("accountId", owner.accountId(),
                "asOf", Instant.parse("2027-04-24T08:20:00Z"))).writeCount(), "once per dossier and rule");
        assertEquals("2027-04-24 08:00:00+00", text("select to_char(due_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00' "
                + "from message_sent where dossier_id = ?", german.id()));
        // the database refuses a second message of the rule for the dossier
        assertThrows(SQLException.class, () -> update("insert into message_sent (account_id, rule_id, dossier_id, due_at) "
                + "values (?, ?, ?, now())", owner.accountId(), access.id(), german.id()));

        // the moved booking: a week later, so its message moves from May 8 to May 15
        bookings.change(owner.accountId(), moved.id(), new ChangeCommand(List.of(new StayRequest(owner.accommodationId(),
                StayPeriod.of(MAY_FIRST.plusWeeks(3), 7), Map.of("Adulte", 2), Map.of(), Optional.empty(), Language.FR)),
                Repricing.Decision.of(Repricing.Choice.KEEP_AGREED), false), "test");
        // an option (not confirmed) in the week it left, whose message would be due on May 8 too
        String optionGuest = email("option");
        book(owner, MAY_FIRST.plusWeeks(2), optionGuest, Language.FR, false);
        assertEquals(1, run("guest-messages", Map.of("accountId", owner.accountId(),
                "asOf", Instant.parse("2027-05-01T08:00:00Z"))).writeCount(), "the Spanish guest");
        assertEquals(0, run("guest-messages", Map.of("accountId", owner.accountId(),
                "asOf", Instant.parse("2027-05-08T08:00:00Z"))).writeCount(), "the moved booking's old moment, an option");
        assertEquals(1, run("guest-messages", Map.of("accountId", owner.accountId(),
                "asOf", Instant.parse("2027-05-15T08:00:00Z"))).writeCount(), "its new moment");

        sendUntil(() -> received(germanGuest).size() == 1 && received(spanishGuest).size() == 1
                && received(movedGuest).size() == 1);
        MimeMessage de = received(germanGuest).get(0);
        assertEquals("Ihre Anreise am 1. Mai 2027", de.getSubject());
        String deBody = body(de);
        assertTrue(deBody.startsWith("Hallo Claude, der Schlüssel liegt unter dem Topf, Gîte les Lauriers. Noch "), deBody);
        assertTrue(deBody.contains("/booking/" + german.guestToken()), deBody);
        assertTrue(deBody.contains("Grenoble"), "the owner's footer: " + deBody);
        assertTrue(deBody.contains("Torcode: 4711. Parken Sie unter der Linde."), deBody);
        MimeMessage es = received(spanishGuest).get(0);
        assertEquals("Your arrival on May 8, 2027", es.getSubject(), "no Spanish text: English");
        assertTrue(body(es).contains("Hello Claude, the key is under the pot at Gîte les Lauriers. "
                + new ContractAmount(spanish.total()).english() + " still due."), body(es));
        assertTrue(body(es).contains("Code du portail : 4711."), "no English instructions: French; " + body(es));
        assertFalse(body(es).contains("{access}"), body(es));
        assertEquals("Votre arrivée le 22 mai 2027", received(movedGuest).get(0).getSubject());

        dispatcher.sendDue(Instant.now().plus(Duration.ofDays(1)));
        assertEquals(List.of(), received(cancelledGuest), "never to a cancelled dossier");
        assertEquals(List.of(), received(optionGuest), "nor to an option");
        assertEquals(List.of(), received(othersGuest), "a run for one owner leaves the other's guests alone");
        assertEquals(1, received(germanGuest).size());
        assertEquals(3, insert("select count(*) from message_sent where account_id = ? and mail_id is not null",
                owner.accountId()));
        assertEquals(List.of(MailKind.GUEST_MESSAGE), outbox.logOf(owner.accountId(), german.id()).stream()
                .map(MailLogEntry::kind).toList());
    }

    private Owner owner() throws SQLException {
        String login = "batch-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        CreatedOwner created = operators.createOwner(login);
        accounts.updateContactDetails(created.accountId(), new ContactDetails(null, "Hélène", "Lefèvre", login,
                "+33 4 76 00 00 00", null, "12 rue des Églantiers", "38000", "Grenoble", "FR", null));
        long accommodationId = accommodations.create(created.accountId(), new AccommodationDetails("Gîte les Lauriers",
                false, AccommodationType.GITE, Classification.TWO_STARS, null, "1 chemin", "38000", "Grenoble",
                null, null, 1, 6, null, null, null, null, Visibility.BOOKABLE, TranslatedText.empty(), Set.of())).id();
        long rateId = insert("insert into rate (account_id, accommodation_id, nights, arrival_days, price) "
                + "values (?, ?, 7, 32, ?) returning id", created.accountId(), accommodationId, new BigDecimal("500.00"));
        update("insert into rate_period (rate_id, first_day, last_day) values (?, ?, ?)", rateId, MAY_FIRST,
                LocalDate.of(2027, 6, 1));
        return new Owner(created.accountId(), accommodationId, login);
    }

    /** A phone booking (no booking mail, so the guest's mailbox holds only what the jobs send). */
    private Dossier book(Owner owner, LocalDate arrival, String guestEmail, Language language, boolean confirmed) {
        StayRequest stay = new StayRequest(owner.accommodationId(), StayPeriod.of(arrival, 7), Map.of("Adulte", 2),
                Map.of(), Optional.empty(), language);
        return bookings.book(owner.accountId(), new BookingCommand(stay, new Guest("Claude", "Martin", guestEmail,
                "+33 6 00 00 00 00", null, null, null, "FR", language), Origin.PHONE, null, confirmed), null, "test");
    }

    /** The deadlines the owner's sales terms would have given a dossier booked at another time. */
    private void setDeadlines(Dossier dossier, LocalDate depositDue, LocalDate balanceDue) throws SQLException {
        update("update dossier set deposit_due = ?, balance_due = ? where id = ?", depositDue, balanceDue, dossier.id());
    }

    private static String email(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    private int soldNights(long accommodationId) throws SQLException {
        return (int) insert("select coalesce(sum(sold), 0) from night_stock where accommodation_id = ?", accommodationId);
    }

    private int reminderRows(long accountId) throws SQLException {
        return (int) insert("select count(*) from payment_reminder where account_id = ? and mail_id is not null", accountId);
    }

    private void sendUntil(BooleanSupplier done) throws InterruptedException {
        sendUntil(done, null);
    }

    /** Sends what is due at {@code at} (now when null) until {@code done}. */
    private void sendUntil(BooleanSupplier done, Instant at) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not done within 60 s");
            dispatcher.sendDue(at == null ? Instant.now() : at);
            TimeUnit.MILLISECONDS.sleep(300);
        }
    }

    private List<String> subjects(String recipient) {
        return received(recipient).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static long count(List<String> values, String value) {
        return values.stream().filter(value::equals).count();
    }

    private List<MimeMessage> received(String recipient) {
        GreenMailUser user = smtp.getUserManager().getUserByEmail(recipient);
        if (user == null) {
            return List.of();
        }
        try {
            return smtp.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                    .map(StoredMessage::getMimeMessage).toList();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) throws Exception {
        Object content = message.getContent();
        String text = content instanceof String s ? s : (String) ((Multipart) content).getBodyPart(0).getContent();
        return text.replace('\u00A0', ' ').replace('\u202F', ' ').replace("\r\n", "\n").replaceAll("\\s*\n\\s*", " ");
    }

    /** An amount written as the mails write it, to compare with what the booking priced. */
    private record ContractAmount(Money amount) {
        String english() {
            return "€" + String.format(java.util.Locale.ENGLISH, "%,.2f", amount.amount());
        }

        String french() {
            return String.format(java.util.Locale.ENGLISH, "%,.2f", amount.amount()).replace(",", " ").replace('.', ',') + " €";
        }
    }

    private long insert(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private String text(String sql, Object... args) throws SQLException {
        List<String> values = texts(sql, args);
        assertEquals(1, values.size(), sql);
        return values.get(0);
    }

    private List<String> texts(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                List<String> values = new java.util.ArrayList<>();
                while (r.next()) {
                    values.add(r.getString(1));
                }
                return values;
            }
        }
    }

    private void update(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
