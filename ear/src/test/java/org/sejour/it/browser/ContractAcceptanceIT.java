package org.sejour.it.browser;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.sejour.it.FixtureHttp;
import org.sejour.it.PdfText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract accepted online (issue 18), in the browser: on a phone-sized screen the guest opens
 * the contract from their booking page and accepts it with the keyboard; the database keeps one row
 * with the SHA-256 of the PDF the guest downloaded, however often the request is replayed, and
 * refuses to rewrite it; the owner's dossier page says who accepted which version, when and from
 * where, and the owner's manual flag still works. A re-issued contract is refused with the new
 * version shown, a cancelled booking is refused, an unknown token shows and changes nothing, and
 * another owner gets 404.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ContractAcceptanceIT {

    private static final String FIXTURE = "sejour-tests/fixtures/contract-acceptance";

    @RegisterExtension
    final Browsers browsers = new Browsers();
    private Browser browser;

    record Owner(String login, String password, long account, long lauriers, long cimes, long dossier, String token) {
    }

    @BeforeEach
    void openBrowser() {
        browser = browsers.open();
    }

    private static Owner owner(String prefix) {
        String password = "Pw-" + UUID.randomUUID() + "!";
        Properties p = FixtureHttp.post(FIXTURE, "op=owner&prefix=" + prefix + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8));
        return new Owner(p.getProperty("login"), password, Long.parseLong(p.getProperty("account")),
                Long.parseLong(p.getProperty("lauriers")), Long.parseLong(p.getProperty("cimes")),
                Long.parseLong(p.getProperty("dossier")), p.getProperty("token"));
    }

    private static Properties fixture(String op, Owner owner, String more) {
        return FixtureHttp.post(FIXTURE, "op=" + op + "&account=" + owner.account() + "&dossier=" + owner.dossier()
                + more);
    }

    private static Properties evidence(Owner owner) {
        return fixture("evidence", owner, "");
    }

    private String text(String id) {
        return browser.textOf(By.id(id)).replaceAll("[\\s\\u00a0\\u202f]+", " ").strip();
    }

    private void openBookingPage(Owner owner) {
        browser.open("booking/" + owner.token() + "?lang=fr");
        browser.waitForDocument();
        browser.until(d -> d.findElements(By.id("contract")).size() == 1, "the contract on the booking page");
    }

    /** The acceptance form as the browser would post it (box ticked), for replaying it outside the browser. */
    @SuppressWarnings("unchecked")
    private Replay replayOf() {
        List<List<String>> fields = (List<List<String>>) browser.js("var f = document.getElementById('acceptContract');"
                + "document.getElementById('acceptContract:confirmed').checked = true;"
                + "var out = []; new FormData(f).forEach(function (v, k) { out.push([k, v]); });"
                + "out.push(['acceptContract:accept', 'x']); return out;");
        String body = fields.stream().map(f -> URLEncoder.encode(f.get(0), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f.get(1), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        String action = (String) browser.js("return document.getElementById('acceptContract').action;");
        browser.js("document.getElementById('acceptContract:confirmed').checked = false;");
        return new Replay(action, body);
    }

    record Replay(String action, String body) {
        /** Posts the form again with this user agent; answers the HTTP status. */
        int send(String userAgent) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(action))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("User-Agent", userAgent)
                    // anyone can write this header: the address kept must stay the connection's
                    .header("X-Forwarded-For", "203.0.113.9")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return status(request);
        }
    }

    private static int status(HttpRequest request) {
        try {
            return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] download(String url) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), url);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"),
                    response.headers().toString());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private void signIn(Owner owner) {
        browser.submitLogin(owner.login(), owner.password());
        browser.waitForPath("/app/dashboard.xhtml");
    }

    private void openDossier(Owner owner) {
        browser.open("app/dossier.xhtml?id=" + owner.dossier());
        browser.waitForDocument();
        browser.until(d -> d.findElements(By.id("contractState")).size() == 1, "the dossier page");
    }

    @Test
    void aGuestAcceptsTheContractOnAPhoneAndTheDossierShowsTheEvidence() throws Exception {
        Owner owner = owner("accept");
        browser.resize(375, 812);
        // a phone's scrollbars overlay the page (as in PageWalkIT)
        browser.driver.executeCdpCommand("Emulation.setScrollbarsHidden", Map.of("hidden", true));
        openBookingPage(owner);
        assertEquals("1", text("contractVersion"));
        String pdfUrl = browser.byId("contractPdf").getAttribute("href");
        byte[] read = download(pdfUrl);
        assertTrue(PdfText.of(read).toLowerCase().contains("martin"), "the guest's own contract");
        assertEquals(sha256(read), sha256(download(pdfUrl)), "the version offered is frozen: the same bytes again");

        // the button alone accepts nothing
        browser.pressAndWaitForReload("acceptContract:accept", Keys.ENTER);
        browser.until(d -> d.findElements(By.id("contractProblem")).size() == 1, "the box must be ticked first");
        assertEquals("0", evidence(owner).getProperty("rows"));

        browser.keepEvidence("contract-offered-375");
        // with the keyboard only: space ticks the box, enter on the button accepts
        Replay replay = replayOf();
        browser.byId("acceptContract:confirmed").sendKeys(Keys.SPACE);
        assertTrue(browser.byId("acceptContract:confirmed").isSelected());
        browser.pressAndWaitForReload("acceptContract:accept", Keys.ENTER);
        browser.until(d -> d.findElements(By.id("contractAcceptedNotice")).size() == 1, "the acceptance confirmed");
        assertTrue(text("contractAccepted").startsWith("Vous avez accepté ce contrat (version 1) le "),
                text("contractAccepted"));
        assertTrue(browser.driver.findElements(By.id("acceptContract:confirmed")).isEmpty(), "nothing more to accept");
        assertEquals(375L, ((Number) browser.js("return document.documentElement.clientWidth;")).longValue());
        assertTrue(((Number) browser.js("return document.documentElement.scrollWidth;")).longValue() <= 375,
                "nothing wider than the phone");
        browser.keepEvidence("contract-accepted-375");

        Properties rows = evidence(owner);
        assertEquals("1", rows.getProperty("rows"));
        assertEquals("1", rows.getProperty("historyLines"));
        String hash = sha256(read);
        assertEquals(hash, rows.getProperty("v1.sha256"), "the hash of the very PDF the guest downloaded");
        assertEquals(hash, rows.getProperty("v1.offerSha256"));
        assertEquals("MARTIN Claude", rows.getProperty("v1.name"));
        String address = rows.getProperty("v1.address");
        assertTrue(address.equals("127.0.0.1") || address.contains(":"), "the connection's address: " + address);

        // replayed, with a forwarded-for header and an absurd user agent: still one row, unchanged
        assertEquals(302, replay.send("x".repeat(5000)));
        assertEquals(302, replay.send("again"));
        Properties replayed = evidence(owner);
        assertEquals("1", replayed.getProperty("rows"));
        assertEquals(address, replayed.getProperty("v1.address"));
        assertTrue(Integer.parseInt(replayed.getProperty("v1.userAgentLength")) < 512,
                "the browser's own user agent kept, not the replay's");

        // the database keeps the evidence as written
        Properties tamper = fixture("tamper", owner, "");
        assertTrue(tamper.getProperty("update").contains("contract evidence cannot be changed"), tamper::toString);
        assertTrue(tamper.getProperty("delete").contains("contract evidence cannot be changed"), tamper::toString);
        assertTrue(tamper.getProperty("offerUpdate").contains("contract evidence cannot be changed"), tamper::toString);
        assertTrue(tamper.getProperty("again").startsWith("23505"), "unique: " + tamper.getProperty("again"));
        assertTrue(tamper.getProperty("unoffered").startsWith("23503"), "foreign key: " + tamper.getProperty("unoffered"));

        // the owner sees who accepted what, when and from where
        browser.resize(1280, 900);
        browser.driver.executeCdpCommand("Emulation.setScrollbarsHidden", Map.of("hidden", false));
        signIn(owner);
        openDossier(owner);
        String state = text("contractState");
        assertTrue(state.matches("Accepté en ligne par MARTIN Claude le \\d\\d/\\d\\d/\\d{4} à \\d\\d:\\d\\d depuis "
                + Pattern.quote(address) + " \\(version 1, SHA-256 " + hash + "\\)"), state);
        assertTrue(text("contractAcceptances").contains(hash), text("contractAcceptances"));
        assertTrue(text("history").contains("Contrat accepté en ligne par le client"), text("history"));
        String acceptedPdf = browser.driver.findElement(By.cssSelector("a.contract-accepted-pdf")).getAttribute("href");
        assertTrue(acceptedPdf.endsWith("/app/dossiers/" + owner.dossier() + "/contract-accepted-v1.pdf"), acceptedPdf);
        assertEquals(200, browser.httpStatus("app/dossiers/" + owner.dossier() + "/contract-accepted-v1.pdf"));
        browser.keepEvidence("dossier-contract-accepted");
        browser.js("document.getElementById('contractCard').scrollIntoView();");
        browser.keepEvidence("dossier-contract-card");

        // the paper flag still answers to the owner; the evidence stays
        browser.click("actions:toggleContract");
        browser.waitForAjax();
        browser.until(d -> text("contractState").equals("Le contrat signé n'a pas été reçu."), "the flag taken off");
        assertTrue(text("contractAcceptances").contains(hash));
        browser.click("actions:toggleContract");
        browser.waitForAjax();
        browser.until(d -> text("contractState").startsWith("Accepté en ligne par MARTIN Claude"), "the flag back on");

        // another owner: not found
        Owner other = owner("accept-other");
        browser.logout();
        signIn(other);
        assertEquals(404, browser.httpStatus("app/dossier.xhtml?id=" + owner.dossier()));
        assertEquals(404, browser.httpStatus("app/dossiers/" + owner.dossier() + "/contract-accepted-v1.pdf"));
    }

    @Test
    void aContractReissuedMeanwhileIsRefusedAndTheNewVersionShown() throws Exception {
        Owner owner = owner("reissue");
        openBookingPage(owner);
        browser.byId("acceptContract:confirmed").click();
        browser.clickAndWaitForReload("acceptContract:accept");
        browser.until(d -> d.findElements(By.id("contractAccepted")).size() == 1, "version 1 accepted");

        // the owner changes the booking: version 2, to be signed again
        assertEquals("2", fixture("change", owner, "&to=" + owner.cimes()).getProperty("version"));
        openBookingPage(owner);
        assertEquals("2", text("contractVersion"));
        assertTrue(browser.driver.findElements(By.id("contractAccepted")).isEmpty(), "version 2 is not accepted");
        Replay stale = replayOf();
        browser.byId("acceptContract:confirmed").click();

        // while the guest reads version 2, the owner issues version 3
        assertEquals("3", fixture("change", owner, "&to=" + owner.lauriers()).getProperty("version"));
        browser.clickAndWaitForReload("acceptContract:accept");
        browser.until(d -> d.findElements(By.id("contractProblem")).size() == 1, "the re-issue said");
        assertTrue(text("contractProblem").contains("version 3"), text("contractProblem"));
        assertEquals("3", text("contractVersion"), "the new version shown");
        assertEquals("1", evidence(owner).getProperty("rows"), "version 2 was not accepted");
        assertEquals(302, stale.send("replayed"), "a stale form is sent back to the page");
        assertEquals("1", evidence(owner).getProperty("rows"));

        browser.keepEvidence("contract-reissued");
        signIn(owner);
        openDossier(owner);
        assertEquals("Le contrat signé n'a pas été reçu.", text("contractState"));
        assertTrue(text("contractNotSignedAgain").contains("version 3"), text("contractNotSignedAgain"));
        assertTrue(text("history").contains("Contrat réémis : à signer de nouveau"), text("history"));

        // version 3 accepted from a client sending a huge user agent: kept, cut to 512 characters
        browser.logout();
        openBookingPage(owner);
        Replay current = replayOf();
        assertEquals(302, current.send("Mozilla/5.0 " + "y".repeat(6000)));
        Properties rows = evidence(owner);
        assertEquals("2", rows.getProperty("rows"));
        assertEquals("512", rows.getProperty("v3.userAgentLength"));
        assertFalse(rows.getProperty("v3.address").contains("203.0.113.9"), "not the forwarded-for header's");
        byte[] offered = download(browser.baseUrl + "contracts/" + owner.token() + "/v3.pdf");
        assertEquals(sha256(offered), rows.getProperty("v3.sha256"));
        assertTrue(PdfText.of(offered).contains("version 3"), "the third version's own PDF");
        assertFalse(rows.getProperty("v1.sha256").equals(rows.getProperty("v3.sha256")));
    }

    @Test
    void sixSubmitsAtOnceLeaveOneAcceptance() throws Exception {
        Owner owner = owner("double");
        openBookingPage(owner);
        Replay form = replayOf();
        // six threads of their own (the common pool runs one task at a time on two cores)
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String agent = "client " + i;
                sent.add(CompletableFuture.supplyAsync(() -> form.send(agent), clients));
            }
            for (CompletableFuture<Integer> answer : sent) {
                assertEquals(302, answer.get(), "each one sent back to the page");
            }
        } finally {
            clients.shutdownNow();
        }
        Properties rows = evidence(owner);
        assertEquals("1", rows.getProperty("rows"));
        assertEquals("1", rows.getProperty("historyLines"), "one line in the dossier's history");
        assertEquals("8", rows.getProperty("v1.userAgentLength"), "one of the six clients" + "'" + " own: " + rows);
    }

    @Test
    void aCancelledBookingCannotBeAccepted() {
        Owner owner = owner("cancelled");
        openBookingPage(owner);
        browser.byId("acceptContract:confirmed").click();
        fixture("cancel", owner, "");
        browser.clickAndWaitForReload("acceptContract:accept");
        browser.until(d -> d.findElements(By.id("contractProblem")).size() == 1, "the refusal said");
        assertTrue(text("contractProblem").contains("annulée"), text("contractProblem"));
        assertTrue(browser.driver.findElements(By.id("acceptContract:confirmed")).isEmpty(), "nothing to accept any more");
        assertEquals("0", evidence(owner).getProperty("rows"));
    }

    @Test
    void anotherTokenShowsNothingAndChangesNothing() {
        Owner mine = owner("token-a");
        Owner theirs = owner("token-b");
        openBookingPage(mine);
        Replay replay = replayOf();

        String unknown = "A" + UUID.randomUUID().toString().replace("-", "") + "bcdefgh";
        assertEquals(404, browser.httpStatus("booking/" + unknown + "?lang=fr"));
        assertEquals(404, browser.httpStatus("contracts/" + unknown + "/v1.pdf"));
        assertEquals(404, browser.httpStatus("contracts/" + mine.token() + "/v2.pdf"), "a version never offered");
        assertEquals(404, browser.httpStatus("contracts/" + mine.token() + "/v1.pdf.exe"));
        // the form posted with an unknown token: not found, nothing written
        Replay forged = new Replay(replay.action(), replay.body().replace(mine.token(), unknown));
        assertEquals(404, forged.send("forger"));
        assertEquals("0", evidence(mine).getProperty("rows"));

        // the other guest's page shows their own contract, nothing of the first guest's
        browser.byId("acceptContract:confirmed").click();
        browser.clickAndWaitForReload("acceptContract:accept");
        browser.until(d -> d.findElements(By.id("contractAccepted")).size() == 1, "the first guest accepted");
        openBookingPage(theirs);
        assertTrue(browser.driver.findElements(By.id("contractAccepted")).isEmpty(), "not the first guest's acceptance");
        assertEquals(1, browser.driver.findElements(By.id("acceptContract:confirmed")).size(), "their own to accept");
        assertEquals("0", evidence(theirs).getProperty("rows"));
    }
}
