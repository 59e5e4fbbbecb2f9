package org.sejour.it.browser;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sejour.it.FixtureHttp;
import org.sejour.it.TestSettings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's job page (run a job now, see its execution end with its counts) and the mail
 * log of a dossier whose mails the SMTP server refused, in the browser.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class JobsAndMailLogIT {

    private Browser browser;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeEach
    void openBrowser() {
        browser = browsers.open();
    }

    @Test
    void theOperatorRunsAJobNowAndSeesItsExecution() throws InterruptedException {
        browser.loginAsOperator();
        browser.click("menu-jobs");
        browser.waitForPath("/operator/jobs.xhtml");
        assertTrue(browser.bodyText().contains("Relances d'acompte"), browser.bodyText());

        browser.driver.findElement(By.cssSelector("button.run-option-expiry")).click();
        browser.waitForAjax();
        String started = browser.textOf(By.id("jobs:messages"));
        assertTrue(started.contains("« Expiration des options » lancé (exécution "), started);
        String executionId = started.replaceAll(".*exécution (\\d+).*", "$1");

        // the job runs in the background: refresh until its row says it completed
        WebElement row = refreshUntil(executionId, "COMPLETED");
        assertTrue(row.getText().contains("Expiration des options"), row.getText());
        assertEquals(1, row.findElements(By.cssSelector(".job-status-COMPLETED")).size());
        assertTrue(row.findElement(By.cssSelector(".read-count")).getText().matches("\\d+"));
        browser.screenshot(TestSettings.artifacts().resolve("operator-jobs.png"));
    }

    @Test
    void theOperatorRestartsAFailedExecutionAndSeesTheRestartAsSuch() throws InterruptedException {
        String failed = FixtureHttp.post("sejour-tests/fixtures/job-crash", "action=fail").getProperty("executionId");
        browser.loginAsOperator();
        browser.click("menu-jobs");
        browser.waitForPath("/operator/jobs.xhtml");
        WebElement row = refreshUntil(failed, "FAILED");

        row.findElement(By.cssSelector("button.restart-execution")).click();
        browser.waitForAjax();
        String restarted = browser.textOf(By.id("jobs:messages"));
        assertTrue(restarted.contains("Exécution " + failed + " reprise (exécution "), restarted);
        String again = restarted.replaceAll(".*\\(exécution (\\d+)\\).*", "$1");
        WebElement restartRow = executionRow(again);
        assertTrue(restartRow.findElement(By.cssSelector(".restart-of")).getText().contains("reprise du n° " + failed),
                restartRow.getText());
        assertTrue(executionRow(failed).findElements(By.cssSelector("button.restart-execution")).isEmpty(),
                "an execution is restarted once: its restart is the one to restart next");
        browser.screenshot(TestSettings.artifacts().resolve("operator-jobs-restart.png"));
    }

    @Test
    void theDossierPageShowsItsMailsTheAddressTheServerRefusedAndAReminderDropped() {
        Properties fixture = fixture();
        String guest = fixture.getProperty("guest");
        browser.submitLogin(fixture.getProperty("login"), fixture.getProperty("password"));
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open("app/dossier.xhtml?id=" + fixture.getProperty("dossier"));

        String notice = browser.textOf(By.cssSelector(".mail-failed"));
        assertTrue(notice.contains("Le mail à " + guest + " n'a pas pu être remis"), notice);
        // the owner reads what to do in French; the server's reply ("550 5.1.1 …") is for the log
        assertTrue(notice.contains("le serveur de messagerie du destinataire a refusé l'adresse ; vérifiez-la"), notice);
        assertFalse(notice.contains("550") || notice.contains("Exception"), notice);
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("[id$='mails_data'] > tr"));
        assertEquals(3, rows.size(), "the guest's contract, the owner's notice and a deposit reminder");
        WebElement reminderRow = rows.stream().filter(r -> r.getText().contains("Relance d'acompte")).findFirst()
                .orElseThrow();
        // dropped, not failed: the deposit was paid by the time it could go out
        assertTrue(reminderRow.getText().contains("Non envoyé : plus rien à relancer"), reminderRow.getText());
        assertEquals("0", reminderRow.findElements(By.tagName("td")).get(4).getText().replaceAll("\\D", ""),
                "never tried");
        WebElement guestRow = rows.stream().filter(r -> r.getText().contains(guest)).findFirst().orElseThrow();
        assertTrue(guestRow.getText().contains("Contrat au client"), guestRow.getText());
        assertTrue(guestRow.getText().contains("Échec"), guestRow.getText());
        assertTrue(guestRow.getText().contains("a refusé l'adresse"), guestRow.getText());
        assertFalse(guestRow.getText().contains("550 5.1.1 address rejected"), guestRow.getText());
        assertEquals("1", guestRow.findElements(By.tagName("td")).get(4).getText().replaceAll("\\D", ""),
                "one attempt: a refusal is final");
        browser.js("document.getElementById('mailLog').scrollIntoView()");
        browser.screenshot(TestSettings.artifacts().resolve("dossier-mail-log.png"));
    }

    /** Refreshes the list until the execution's row shows the status; that row. */
    private WebElement refreshUntil(String executionId, String status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        WebElement row = executionRow(executionId);
        while (row == null || !row.getText().contains(status)) {
            assertTrue(System.nanoTime() < deadline, "execution " + executionId + " not " + status + " within 60 s");
            TimeUnit.MILLISECONDS.sleep(500);
            browser.click("jobs:refresh");
            browser.waitForAjax();
            row = executionRow(executionId);
        }
        return row;
    }

    private WebElement executionRow(String executionId) {
        return browser.driver.findElements(By.cssSelector("[id='jobs:executions_data'] > tr")).stream()
                .filter(r -> {
                    List<WebElement> cells = r.findElements(By.tagName("td"));
                    return !cells.isEmpty() && cells.get(0).getText().replaceAll("\\D", "").equals(executionId);
                })
                .findFirst().orElse(null);
    }

    /** An owner with one online booking whose two mails the SMTP server refused, through the fixture. */
    private static Properties fixture() {
        String password = "Pw-" + UUID.randomUUID() + "!";
        Properties p = FixtureHttp.post("sejour-tests/fixtures/mail-log",
                "prefix=maillog&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
        p.setProperty("password", password);
        return p;
    }

}
