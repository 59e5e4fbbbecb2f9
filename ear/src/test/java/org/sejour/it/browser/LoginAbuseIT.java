package org.sejour.it.browser;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sejour.it.FixtureHttp;
import org.sejour.it.TestSettings;
import org.sejour.it.browser.LoopbackClient.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Login abuse, from outside over real HTTP: the login form posted by several clients at once from
 * chosen loopback addresses (each test its own, so that the per-address limits of one test leave
 * the others alone), a real browser as the owner's own device, and the forced password change that
 * no path trick nor Ajax request may skip.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class LoginAbuseIT {

    /** sejour.login.address.max-failures's default: failures (and attempts under way) one address may have */
    private static final int ADDRESS_ALLOWANCE = 10;
    private static final String THROTTLED = "Trop de tentatives";
    private static final String FAILED = "Identifiant ou mot de passe incorrect.";
    private static final String CREDENTIALS = "/app/account/credentials.xhtml";
    /** where an owner who has not created an accommodation yet is at home */
    private static final String WIZARD = "/app/wizard.xhtml";

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void parallelWrongPasswordsFromOneAddressAreRefusedBeforeHashing() throws Exception {
        String attacker = "127.0.0.21";
        int parallel = 30;
        List<LoopbackClient> clients = new ArrayList<>();
        List<Map<String, String>> forms = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            LoopbackClient client = new LoopbackClient(attacker);
            // a spray over logins, not one login: the limit must be the address's
            forms.add(client.loginForm("spray-" + UUID.randomUUID() + "@example.test", "wrong-password-" + i));
            clients.add(client);
        }
        long hashesBefore = hashes();
        long start = System.nanoTime();
        List<Response> answers = atOnce(clients, forms);
        long slowest = System.nanoTime() - start;
        long hashed = hashes() - hashesBefore;

        assertTrue(answers.stream().allMatch(a -> a.status() == 200), "every attempt answered by the login page");
        long refused = answers.stream().filter(a -> a.body().contains(THROTTLED)).count();
        long failed = answers.stream().filter(a -> a.body().contains(FAILED)).count();
        assertEquals(parallel, refused + failed, "each answer says wrong credentials or too many attempts");
        assertTrue(hashed <= ADDRESS_ALLOWANCE, parallel + " parallel wrong logins from one address made " + hashed
                + " password hashes (the last answer after " + TimeUnit.NANOSECONDS.toMillis(slowest)
                + " ms); at most " + ADDRESS_ALLOWANCE + " may be computed");
        assertTrue(refused >= parallel - ADDRESS_ALLOWANCE, "refused at once: " + refused + " of " + parallel);

        // the address is spent, whatever login it tries next, even a right one; another address is not
        Properties owner = owner("sprayed", "Right-password-1", false);
        long beforeRight = hashes();
        Response right = new LoopbackClient(attacker).login(owner.getProperty("login"), "Right-password-1");
        assertEquals(200, right.status(), "the spent address stays on the login page");
        assertTrue(right.body().contains(THROTTLED), right.body());
        assertEquals(beforeRight, hashes(), "refused without hashing");
        Response elsewhere = new LoopbackClient("127.0.0.22").login(owner.getProperty("login"), "Right-password-1");
        assertEquals(302, elsewhere.status(), "another address signs in: " + elsewhere.body());
        String deviceCookie = elsewhere.headers().get("set-cookie").stream()
                .filter(c -> c.startsWith("sejour_device=")).findFirst().orElseThrow();
        assertTrue(deviceCookie.contains("; Path=/login.xhtml;") && deviceCookie.contains("; HttpOnly")
                && deviceCookie.contains("; SameSite=Strict"), "for the login page only: " + deviceCookie);
    }

    /** Two devices, or a double click on the button: both sign-ins of one owner at the same moment get in. */
    @Test
    void twoSignInsOfOneOwnerAtTheSameMomentBothGetIn() throws Exception {
        String password = "Pw-" + UUID.randomUUID();
        String login = owner("twice", password, false).getProperty("login");
        for (int round = 1; round <= 3; round++) {
            List<LoopbackClient> clients = List.of(new LoopbackClient("127.0.0.47"), new LoopbackClient("127.0.0.48"));
            List<Map<String, String>> forms = clients.stream().map(c -> c.loginForm(login, password)).toList();
            for (Response answer : atOnce(clients, forms)) {
                assertEquals(302, answer.status(), "round " + round + ": " + answer.body());
                assertFalse(answer.header("Location").orElseThrow().contains("login"), "round " + round + ": "
                        + answer.headers());
            }
        }
    }

    /** Posts each client's login form at the same moment; the answers in the clients' order. */
    private static List<Response> atOnce(List<LoopbackClient> clients, List<Map<String, String>> forms)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> pending = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                LoopbackClient client = clients.get(i);
                Map<String, String> form = forms.get(i);
                pending.add(pool.submit(() -> {
                    go.await();
                    return client.post("/login.xhtml", form, Map.of());
                }));
            }
            go.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : pending) {
                answers.add(answer.get(4, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ownerOnTheirOwnBrowserGetsInWhileTheirLoginIsUnderAttack() {
        String password = "Pw-" + UUID.randomUUID();
        String login = owner("attacked", password, false).getProperty("login");
        Browser owners = browsers.open();
        owners.submitLogin(login, password);
        owners.waitForPath("/app/");
        // the owner closes the browser's session; the browser itself is theirs, as before
        owners.driver.manage().deleteCookieNamed("JSESSIONID");

        LoopbackClient attacker = new LoopbackClient("127.0.0.31");
        List<String> answers = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            answers.add(attacker.login(login, "guess-" + i).body().contains(THROTTLED) ? "throttled" : "failed");
        }
        assertEquals("throttled", answers.get(7), "the attacker is held back: " + answers);
        // any client the owner has not signed in with before is held back too, even with the right password
        Response stranger = new LoopbackClient("127.0.0.32").login(login, password);
        assertTrue(stranger.body().contains(THROTTLED), "a new client during the attack: " + stranger.status());

        owners.submitLogin(login, password);
        owners.waitForPath("/app/");
        assertFalse(owners.bodyText().contains(THROTTLED), owners.bodyText());
    }

    @Test
    void dotDotPathDoesNotSkipTheForcedPasswordChange() {
        Properties owner = owner("dotdot", "One-time-password-1", true);
        LoopbackClient client = new LoopbackClient("127.0.0.41");
        Response signedIn = client.login(owner.getProperty("login"), "One-time-password-1");
        assertEquals(302, signedIn.status(), signedIn.body());

        Response direct = client.get("/app/dossiers.xhtml");
        assertEquals(302, direct.status());
        assertTrue(direct.header("Location").orElseThrow().endsWith(CREDENTIALS), direct.headers().toString());
        for (String trick : List.of("/app/jakarta.faces.resource/../dossiers.xhtml",
                "/app/jakarta.faces.resource/x/../../account/contact.xhtml")) {
            Response tricked = client.get(trick);
            assertEquals(302, tricked.status(), trick + " answered " + tricked.status() + ": " + tricked.body());
            assertTrue(tricked.header("Location").orElseThrow().endsWith(CREDENTIALS),
                    trick + " led to " + tricked.header("Location").orElseThrow());
        }
    }

    @Test
    void ajaxPostOfUserWhoMustChangePasswordIsSentToTheCredentialsPageAndChangesNothing() {
        Properties owner = owner("ajax", "One-time-password-2", true);
        LoopbackClient client = new LoopbackClient("127.0.0.42");
        assertEquals(302, client.login(owner.getProperty("login"), "One-time-password-2").status());
        // the one page such a user may open: a valid view state to post with
        Response credentials = client.get(CREDENTIALS);
        assertEquals(200, credentials.status());

        Map<String, String> form = new LinkedHashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", "contact:save");
        form.put("jakarta.faces.partial.execute", "@all");
        form.put("jakarta.faces.partial.render", "contact");
        form.put("contact:save", "contact:save");
        form.put("contact", "contact");
        form.put("contact:firstName", "Intrus");
        form.put("contact:lastName", "Ajax");
        form.put("contact:email", "intrus@example.test");
        form.put("contact:phone", "+33 4 92 00 00 00");
        form.put("contact:address", "1 rue du Contournement");
        form.put("contact:postalCode", "05000");
        form.put("contact:city", "Gap");
        form.put("contact:country", "FR");
        form.put("jakarta.faces.ViewState", credentials.viewState());
        form.put("primefaces.nonce", credentials.nonce());
        Response ajax = client.post("/app/account/contact.xhtml", form,
                Map.of("Faces-Request", "partial/ajax", "X-Requested-With", "XMLHttpRequest"));

        assertEquals(200, ajax.status(), ajax.body());
        assertTrue(ajax.body().contains("<partial-response") && ajax.body().contains("<redirect url=\"")
                && ajax.body().contains(CREDENTIALS + "\""), "a Faces redirect to the credentials: " + ajax.body());
        assertEquals("", FixtureHttp.post("sejour-tests/fixtures/login", "action=contact&account="
                + owner.getProperty("account")).getProperty("firstName"), "the contact details are untouched");
    }

    /** A page opened without a session leads to the login, and the login back to it; an Ajax request is told in Faces' terms. */
    @Test
    void thePageAskedForBeforeSigningInIsWhereTheLoginLeads() {
        Properties owner = owner("returning", "Right-password-4", false);
        LoopbackClient client = new LoopbackClient("127.0.0.43");
        Response asked = client.get("/app/dossiers.xhtml?status=OPTION");
        assertEquals(302, asked.status());
        assertTrue(asked.header("Location").orElseThrow().endsWith("/login.xhtml"), asked.headers().toString());
        Response signedIn = client.login(owner.getProperty("login"), "Right-password-4");
        assertEquals(302, signedIn.status(), signedIn.body());
        assertTrue(signedIn.header("Location").orElseThrow().endsWith("/app/dossiers.xhtml?status=OPTION"),
                signedIn.headers().toString());

        Response ajax = new LoopbackClient("127.0.0.44").post("/app/dossiers.xhtml",
                Map.of("jakarta.faces.partial.ajax", "true"), Map.of("Faces-Request", "partial/ajax"));
        assertEquals(200, ajax.status());
        assertTrue(ajax.body().contains("<partial-response><redirect url=\"") && ajax.body().contains("/login.xhtml\""),
                ajax.body());
    }

    /**
     * Signed-in owners' requests at the same moment as many others, signed in or not: each is
     * answered as its own session's, never refused. Payara's own session reuse for a Jakarta
     * Security login lost the roles under such load now and then (a 403 for a signed-in owner).
     */
    @Test
    void signedInOwnersAreNeverRefusedWhileManyRequestsRunAtOnce() throws Exception {
        List<LoopbackClient> sessions = new ArrayList<>();
        for (String prefix : List.of("busy-a", "busy-b")) {
            Properties owner = owner(prefix, "Right-password-3", false);
            for (int i = 0; i < 4; i++) {
                LoopbackClient client = new LoopbackClient("127.0.0." + (61 + sessions.size()));
                assertEquals(302, client.login(owner.getProperty("login"), "Right-password-3").status());
                sessions.add(client);
            }
        }
        int rounds = 50;
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size() + 4);
        try {
            List<Future<List<String>>> answers = new ArrayList<>();
            for (LoopbackClient session : sessions) {
                answers.add(pool.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < rounds; i++) {
                        Response page = session.get(WIZARD);
                        if (page.status() != 200) {
                            wrong.add(WIZARD + " answered " + page.status());
                        }
                    }
                    return wrong;
                }));
            }
            for (int t = 0; t < 4; t++) {
                LoopbackClient anonymous = new LoopbackClient("127.0.0.7" + t);
                answers.add(pool.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < rounds; i++) {
                        Response page = anonymous.get(i % 2 == 0 ? "/login.xhtml" : WIZARD);
                        if (page.status() != (i % 2 == 0 ? 200 : 302)) {
                            wrong.add("anonymous: answered " + page.status());
                        }
                    }
                    return wrong;
                }));
            }
            List<String> wrong = new ArrayList<>();
            for (Future<List<String>> answer : answers) {
                wrong.addAll(answer.get(5, TimeUnit.MINUTES));
            }
            assertEquals(List.of(), wrong, (sessions.size() + 4) * rounds + " requests at once");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whatIsTypedIntoTheLoginFieldNeverReachesTheLog() throws Exception {
        // people type their password into the login field: such a text must not be written down
        String typed = "Typed-" + UUID.randomUUID();
        LoopbackClient client = new LoopbackClient("127.0.0.51");
        for (int i = 0; i < 7; i++) {
            client.login(typed, "anything-" + i);
        }
        Properties owner = owner("logged", "Right-password-2", false);
        assertTrue(new LoopbackClient("127.0.0.52").login(owner.getProperty("login"), "wrong").body().contains(FAILED));
        // that failure is logged with the user's id, after the attempts above: once it is in the log, they are too
        Pattern line = Pattern.compile("Failed login for user " + owner.getProperty("user") + "\\b");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!line.matcher(serverLog()).find()) {
            assertTrue(System.nanoTime() < deadline, "the server log never showed: " + line);
            TimeUnit.MILLISECONDS.sleep(250);
        }
        String log = serverLog();
        assertFalse(log.contains(typed) || log.contains(typed.toLowerCase()), "the log holds what was typed: "
                + log.lines().filter(l -> l.toLowerCase().contains(typed.toLowerCase())).toList());
    }

    private static Properties owner(String prefix, String password, boolean mustChange) {
        return FixtureHttp.post("sejour-tests/fixtures/login", "action=owner&prefix=" + prefix
                + "&mustChange=" + mustChange + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    private static long hashes() {
        return Long.parseLong(FixtureHttp.post("sejour-tests/fixtures/login", "action=hashes").getProperty("hashes"));
    }

    /** The test domain's server log, rotated files included. */
    private static String serverLog() {
        Path logs = Path.of(TestSettings.required("payara.home"), "glassfish", "domains",
                TestSettings.required("payara.domain"), "logs");
        try (Stream<Path> files = Files.list(logs)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("server.log")).sorted().toList()) {
                all.append(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
