package org.sejour.it.payment;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.CreatedOwner;
import org.sejour.application.OperatorService;
import org.sejour.application.booking.DossierService;
import org.sejour.application.job.JobConsole;
import org.sejour.application.job.JobExecutionSummary;
import org.sejour.application.payment.OnlinePaymentSettings;
import org.sejour.application.payment.RefundService;
import org.sejour.application.payment.SecurityDeposits;
import org.sejour.application.payment.StripeReconciliation;
import org.sejour.domain.model.account.AccountMode;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.it.fixtures.DossierFixtures;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test-only door (in the tests' own web module, never shipped) for the payment tests, through the
 * real services: an owner in production (no demo switch) with a gîte at 700.00 a week over May and
 * June 2027; connecting their Stripe keys (the service calls the local Stripe); a booking; a
 * payment recorded by hand; a refund; the balance reminder job run for one owner. Answers properties.
 */
@WebServlet("/fixtures/payments")
public class PaymentFixtureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    DossierFixtures fixtures;
    @EJB
    OperatorService operators;
    @EJB
    OnlinePaymentSettings onlinePayments;
    @EJB
    DossierService dossiers;
    @EJB
    RefundService refunds;
    @EJB
    JobConsole jobs;
    @EJB
    StripeReconciliation reconciliation;
    @EJB
    SecurityDeposits deposits;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        try {
            response.getWriter().write(switch (request.getParameter("action")) {
                case "owner" -> owner(request);
                case "connect" -> "name=" + onlinePayments.connect(id(request, "account"), request.getParameter("secretKey"),
                        request.getParameter("webhookSecret")).displayName() + "\n";
                case "book" -> book(request);
                case "pay" -> "payment=" + dossiers.recordPayment(id(request, "account"), id(request, "dossier"),
                        PaymentKind.DEPOSIT, LocalDate.now(ZoneId.of("Europe/Paris")), Money.of(request.getParameter("amount")),
                        "transfer", "VIR-1", null, "test").payments().stream().mapToLong(p -> p.id()).max().orElseThrow() + "\n";
                case "refund" -> "creditNote=" + refunds.refund(id(request, "account"), id(request, "dossier"),
                        id(request, "payment"), Money.of(request.getParameter("amount")), request.getParameter("reason"),
                        "test").creditNoteId().orElseThrow() + "\n";
                case "remind" -> remind(request);
                case "gite" -> "gite=" + fixtures.gite(id(request, "account"), request.getParameter("name"), "700.00") + "\n";
                case "holds-terms" -> "amount=" + onlinePayments.askHolds(id(request, "account"),
                        java.util.Optional.of(Money.of(request.getParameter("amount"))),
                        Integer.parseInt(request.getParameter("days"))).holdAmount().orElseThrow().amount().toPlainString() + "\n";
                case "holds" -> {
                    SecurityDeposits.Run run = deposits.run(LocalDate.parse(request.getParameter("today")));
                    yield "placed=" + run.placed() + "\nfailed=" + run.failed() + "\nreleased=" + run.released()
                            + "\nrenewed=" + run.renewed() + "\nrenewalsRefused=" + run.renewalsRefused() + "\n";
                }
                case "reconcile" -> "differences=" + reconciliation.reconcile(id(request, "account"), java.time.Instant.now())
                        + "\n";
                default -> throw new IllegalArgumentException("no action " + request.getParameter("action"));
            });
        } catch (SejourException e) {
            response.setStatus(422);
            response.getWriter().write("error=" + e.messageKey() + "\n");
        }
    }

    private String owner(HttpServletRequest request) {
        CreatedOwner owner = fixtures.owner(request.getParameter("prefix"), request.getParameter("password"));
        long gite = fixtures.gite(owner.accountId(), "Gîte des Pins", "700.00");
        operators.switchMode(owner.accountId(), AccountMode.PRODUCTION);
        return "accountId=" + owner.accountId() + "\nnumber=" + owner.accountNumber() + "\nlogin=" + owner.login()
                + "\ngite=" + gite + "\n";
    }

    private String book(HttpServletRequest request) {
        Dossier dossier = fixtures.book(id(request, "account"), id(request, "gite"),
                LocalDate.parse(request.getParameter("arrival")), "Claude", "Martin", request.getParameter("email"),
                Origin.WIDGET, null, false);
        return "dossier=" + dossier.id() + "\ntoken=" + dossier.guestToken() + "\nnumber=" + dossier.number() + "\n";
    }

    /** The balance falls due in two days; the balance-reminders job runs for this owner today. */
    private String remind(HttpServletRequest request) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        update("update dossier set deposit_due = ?, balance_due = ? where id = ? and account_id = ?",
                today.minusDays(10), today.plusDays(2), id(request, "dossier"), id(request, "account"));
        long execution = jobs.start("balance-reminders", Map.of("accountId", request.getParameter("account"),
                "today", today.toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        JobExecutionSummary run = jobs.execution(execution);
        while (!run.isFinished() && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            run = jobs.execution(execution);
        }
        return "status=" + run.status() + "\nwritten=" + run.writeCount() + "\n";
    }

    private static long id(HttpServletRequest request, String name) {
        return Long.parseLong(request.getParameter(name));
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
