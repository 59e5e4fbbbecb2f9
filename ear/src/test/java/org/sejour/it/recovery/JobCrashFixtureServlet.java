package org.sejour.it.recovery;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.CreatedOwner;
import org.sejour.application.dossier.DossierExports;
import org.sejour.application.dossier.DossierQueries.Movement;
import org.sejour.application.dossier.ExportLabels;
import org.sejour.application.job.ExportJobs;
import org.sejour.application.job.JobConsole;
import org.sejour.application.job.JobExecutionSummary;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.message.MessageRuleService;
import org.sejour.domain.model.message.MessageEvent;
import org.sejour.domain.model.message.MessageRule;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.it.fixtures.DossierFixtures;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The server side of {@link JobCrashRecoveryIT}, which runs outside the server (it kills it),
 * and of the operator's "restart" in the browser test:
 * builds an owner with confirmed dossiers whose deposit is late, starts the deposit reminders
 * as the operator's page does, asks for and starts an export of the owner's arrivals, and
 * answers what the job console says about an execution.
 */
@WebServlet("/fixtures/job-crash")
public class JobCrashFixtureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    DossierFixtures fixtures;
    @EJB
    JobConsole jobs;
    @EJB
    DossierExports exports;
    @EJB
    ExportJobs exportJobs;
    @EJB
    MessageRuleService messageRules;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    /**
     * {@code action=setup&count=N&today=D}: an owner and N confirmed dossiers, in id order, whose
     * deposit was due two days before D, plus a first one (lowest id) due a month after D.
     * {@code action=start&accountId=…&today=D&chunkSize=K}: starts deposit-reminders for that owner.
     * {@code action=requestArrivals&accountId=…&from=D&to=D}: records an export of that owner's
     * arrivals; {@code action=startExport&exportId=…&chunkSize=K}: starts its job, K rows a chunk.
     * {@code action=startMessages&accountId=…&chunkSize=K}: gives that owner a rule "200 days after the
     * confirmation, 10:00" and starts guest-messages judged a minute after that moment for the
     * dossiers confirmed today (far from now, so the job's own timer never sends them).
     * {@code action=fail}: starts a run of deposit-reminders that fails.
     */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = request.getParameter("action");
        StringBuilder answer = new StringBuilder();
        if ("setup".equals(action)) {
            int count = Integer.parseInt(request.getParameter("count"));
            LocalDate today = LocalDate.parse(request.getParameter("today"));
            CreatedOwner owner = fixtures.owner("crash", "Pw-" + UUID.randomUUID() + "!");
            List<Long> gites = List.of(fixtures.gite(owner.accountId(), "Gîte du Moulin", "700.00"),
                    fixtures.gite(owner.accountId(), "Gîte de la Source", "700.00"));
            List<Long> ids = new ArrayList<>();
            List<String> emails = new ArrayList<>();
            for (int i = 0; i <= count; i++) {
                String email = "crash-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
                long id = fixtures.book(owner.accountId(), gites.get(i % 2), DossierFixtures.MAY_FIRST.plusWeeks(i / 2),
                        "Claude", "Martin" + i, email, Origin.PHONE, null, true).id();
                setDepositDue(id, i == 0 ? today.plusDays(30) : today.minusDays(2));
                ids.add(id);
                emails.add(email);
            }
            answer.append("accountId=").append(owner.accountId()).append('\n')
                    .append("dossiers=").append(String.join(",", ids.stream().map(String::valueOf).toList())).append('\n')
                    .append("emails=").append(String.join(",", emails)).append('\n');
        } else if ("start".equals(action)) {
            long executionId = jobs.start("deposit-reminders", Map.of("accountId", request.getParameter("accountId"),
                    "today", request.getParameter("today"), "chunkSize", request.getParameter("chunkSize")));
            answer.append("executionId=").append(executionId).append('\n');
        } else if ("startMessages".equals(action)) {
            String accountId = request.getParameter("accountId");
            messageRules.create(Long.parseLong(accountId), new MessageRule.Draft("Bienvenue",
                    MessageEvent.BOOKING_CONFIRMED, 200, java.time.LocalTime.of(10, 0), true, Map.of(Language.FR,
                    new MessageRule.Wording("Bienvenue {firstName}", "Votre séjour du {arrival} approche."))));
            Instant asOf = BusinessCalendar.today(java.time.Clock.systemUTC()).plusDays(200).atTime(10, 1)
                    .atZone(BusinessCalendar.ZONE).toInstant();
            long executionId = jobs.start("guest-messages", Map.of("accountId", accountId, "asOf", asOf.toString(),
                    "chunkSize", request.getParameter("chunkSize")));
            answer.append("executionId=").append(executionId).append('\n');
        } else if ("requestArrivals".equals(action)) {
            long exportId = exports.requestMovements(Long.parseLong(request.getParameter("accountId")),
                    Movement.ARRIVAL, LocalDate.parse(request.getParameter("from")),
                    LocalDate.parse(request.getParameter("to")), new ExportLabels("Arrivées", List.of("Arrivée", "N°",
                            "Client", "Hébergement", "Nuits", "Personnes", "Reste à payer", "Téléphone"), Map.of(), Map.of()),
                    Instant.now());
            answer.append("exportId=").append(exportId).append('\n');
        } else if ("startExport".equals(action)) {
            long executionId = exportJobs.startDossierExport(Long.parseLong(request.getParameter("exportId")),
                    Integer.parseInt(request.getParameter("chunkSize")));
            answer.append("executionId=").append(executionId).append('\n');
        } else if ("fail".equals(action)) {
            // a run that fails at once (its date cannot be read), touching nobody's dossiers
            long executionId = jobs.start("deposit-reminders", Map.of("accountId", "0", "today", "not-a-date"));
            answer.append("executionId=").append(executionId).append('\n');
        } else {
            response.sendError(400, "unknown action");
            return;
        }
        write(response, answer);
    }

    /**
     * {@code ?execution=ID}: that execution; {@code ?restartOf=ID}: the execution that restarted it
     * (empty answer while there is none).
     */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder answer = new StringBuilder();
        if (request.getParameter("execution") != null) {
            describe(jobs.execution(Long.parseLong(request.getParameter("execution"))), answer);
        } else {
            long restarted = Long.parseLong(request.getParameter("restartOf"));
            jobs.executions(100).stream().filter(e -> e.restartOf() != null && e.restartOf() == restarted)
                    .findFirst().ifPresent(e -> describe(e, answer));
        }
        write(response, answer);
    }

    private static void describe(JobExecutionSummary e, StringBuilder answer) {
        answer.append("executionId=").append(e.executionId()).append('\n')
                .append("status=").append(e.status()).append('\n')
                .append("exitStatus=").append(e.exitStatus()).append('\n')
                .append("finished=").append(e.isFinished()).append('\n')
                .append("readCount=").append(e.readCount()).append('\n')
                .append("writeCount=").append(e.writeCount()).append('\n')
                .append("restartOf=").append(e.restartOf() == null ? "" : e.restartOf()).append('\n');
    }

    private void setDepositDue(long dossierId, LocalDate due) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update dossier set deposit_due = ? where id = ?")) {
            s.setObject(1, due);
            s.setLong(2, dossierId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(HttpServletResponse response, StringBuilder answer) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(answer.toString());
    }
}
