package org.sejour.it.browser;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.sejour.it.FixtureHttp;
import org.sejour.it.bench.PlanningBenchmark;
import org.sejour.it.fixtures.SqlStatementCounterServlet;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How many SQL statements one planning request costs, counted where they leave for PostgreSQL
 * (the driver's own log, per server thread; see SqlStatementCounterServlet), for the issue's
 * 50 accommodations over 63 days (the compact view), then for a week's move. The page's
 * statements must not grow with the accommodations shown: one per accommodation would be 50
 * more.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class PlanningStatementsIT {

    private static final Logger LOG = Logger.getLogger(PlanningStatementsIT.class.getName());
    /**
     * The bound for the whole request, header included. Measured: the page runs five
     * (the signed-in user, the account, the new-bookings count, the planning's one read, and one
     * more the driver ran by name), a week's move five (no badge; a post, so its transaction first
     * names the audit trail's actor, AuditInterceptor).
     */
    static final int MOST_STATEMENTS = 5;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    /** One server thread's figures, as the counter answers them. */
    record Sent(String thread, int statements, int transactionCommands, int connectionChecks, String texts) {
    }

    @Test
    void aPlanningRequestRunsAFewStatementsWhateverTheAccommodations() {
        String password = "Pw-" + UUID.randomUUID() + "!";
        Properties owner = FixtureHttp.post("sejour-tests/fixtures/planning", "prefix=planning-sql&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8));
        Browser browser = browsers.open();
        browser.submitLogin(owner.getProperty("login"), password);
        browser.waitForPath("/app/dashboard.xhtml");
        String page = "app/planning.xhtml?compact=true&start="
                + LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(7);
        browser.open(page); // the first render compiles the page; measure a later one
        browser.waitForDocument();

        FixtureHttp.post("sejour-tests/fixtures/sql-statements", "action=start");
        browser.open(page);
        browser.waitForDocument();
        Sent load = onlyRequest(FixtureHttp.post("sejour-tests/fixtures/sql-statements", "action=stop"));
        assertEquals(PlanningBenchmark.ACCOMMODATIONS,
                browser.driver.findElements(By.cssSelector("section.planning-block")).size());
        assertEquals(63, browser.driver.findElements(By.cssSelector("section.planning-block:first-child th.day"))
                .size(), "nine weeks");

        FixtureHttp.post("sejour-tests/fixtures/sql-statements", "action=start");
        browser.click("planning:nextWeek");
        browser.waitForAjax();
        Sent move = onlyRequest(FixtureHttp.post("sejour-tests/fixtures/sql-statements", "action=stop"));

        String figures = String.format("planning, %d accommodations x 63 days: %d SQL statements per page request"
                        + " (+ %d commits, %d pool connection checks); a week's move (ajax): %d statements"
                        + " (+ %d commits, %d checks). Parsed on the page request: %s",
                PlanningBenchmark.ACCOMMODATIONS, load.statements(), load.transactionCommands(),
                load.connectionChecks(), move.statements(), move.transactionCommands(), move.connectionChecks(),
                load.texts());
        LOG.info(figures);
        assertTrue(load.statements() <= MOST_STATEMENTS, figures);
        assertTrue(move.statements() <= MOST_STATEMENTS, figures);
        // the counter counts: the signed-in user and the planning's read at least
        assertTrue(load.statements() >= 2, "the counter saw the request: " + figures);
        assertTrue(move.statements() >= 1, "the counter saw the move: " + figures);
    }

    /** The figures of the one server thread that ran statements while the counter was on. */
    private static Sent onlyRequest(Properties answer) {
        assertEquals(1, answer.stringPropertyNames().stream().filter(t -> t.startsWith("http")).count(),
                "one request thread ran statements: " + answer);
        String thread = answer.stringPropertyNames().stream().filter(t -> t.startsWith("http")).findFirst()
                .orElseThrow();
        String[] parts = answer.getProperty(thread).split("\\|", 2);
        String[] counts = parts[0].split(",");
        return new Sent(thread, Integer.parseInt(counts[0]), Integer.parseInt(counts[1]), Integer.parseInt(counts[2]),
                parts.length > 1 ? parts[1] : "");
    }
}
