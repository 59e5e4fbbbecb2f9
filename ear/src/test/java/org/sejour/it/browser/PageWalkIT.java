package org.sejour.it.browser;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.sejour.it.FixtureHttp;
import org.sejour.it.TestSettings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every page of the webapp folder, as an owner with a real season sees it (three gîtes, one with
 * a long name; dossiers in every state; a failed guest mail; calendar feeds in trouble), the
 * operator and a guest: at 375 px and 1280 px, in French and in English. On each it fails on
 * what a person would notice: the page or an element running past the screen or hidden behind a
 * scrollbar nobody asked for; the other language's text where the bundles have the page's, a
 * raw code where they have a translation ("transfer"); an exception's name or a stack fragment;
 * a server error or the error page; a console error; and what axe-core (npm, independent of us)
 * calls a serious or critical accessibility violation (at both widths: in French at 375 px, in
 * English at 1280 px). Each page and width leaves a full-page PNG in target/test-artifacts/page-walk/
 * for people to look at.
 * <p>
 * The pages come from web-module/src/main/webapp: one added there and named neither in
 * {@link #visits} nor in {@link #LEFT_OUT} fails the walk. What the walk still finds and is not
 * fixed yet is named, with why, in {@link #KNOWN}; an entry that no longer matches fails too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class PageWalkIT {

    static final String AXE = "axe-core@4.11.0";
    private static final Path NPM = Path.of("target", "npm-axe").toAbsolutePath();
    private static final Path WEBAPP = Path.of("..", "web-module", "src", "main", "webapp");
    private static final Path BUNDLES = Path.of("..", "web-module", "src", "main", "resources", "org", "sejour",
            "interfaces");
    private static final Path SHOTS = Path.of("page-walk");
    private static final List<Integer> WIDTHS = List.of(375, 1280);
    private static final List<String> LANGUAGES = List.of("fr", "en");
    private static final Pattern TECHNICAL = Pattern.compile(
            "\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b|\\b[A-Z][A-Za-z]*Exception\\b"
                    + "|\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|\\b(?:java|jakarta|javax)\\.[a-z]+\\.[a-zA-Z]");

    /** Pages the walk does not open, and why. */
    static final Map<String, String> LEFT_OUT = Map.of(
            "guest/offline-provider.xhtml", "needs the session of a payment a guest started online; "
                    + "BookingSiteIT and StripePaymentsIT walk a guest through it",
            "app/wizard.xhtml", "shown only until the first accommodation is created (an owner with a season "
                    + "is sent to the dashboard); every browser test's onboarding goes through it");

    /** A finding the walk reports but does not fail on yet: the page ("" for all), a part of its text, why. */
    record Known(String page, String finding, String why) {
    }

    static final List<Known> KNOWN = List.of();

    enum Role { PUBLIC, OWNER, OPERATOR }

    /**
     * One address of a page (the guest's pages at the addresses guests use, which the site's
     * router forwards to the page); a page may be visited in several states (a dossier per status).
     */
    record Visit(String page, String variant, Role role, String address) {
        static Visit of(String page, Role role, String query) {
            return new Visit(page, "", role, page + (query.isEmpty() ? "" : "?" + query));
        }

        static Visit of(String page, String variant, Role role, String query) {
            return new Visit(page, variant, role, page + "?" + query);
        }

        String name() {
            return page.replace(".xhtml", "").replace('/', '_') + (variant.isEmpty() ? "" : "-" + variant);
        }
    }

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void everyPageAtBothWidthsInTwoLanguagesShowsNothingWrong() throws IOException {
        long started = System.nanoTime();
        String password = "Pw-" + UUID.randomUUID() + "!";
        Properties season = FixtureHttp.post("sejour-tests/fixtures/page-walk", "prefix=walk&password=" + password);
        List<Visit> visits = visits(season);
        assertEveryPageIsWalkedOrLeftOut(visits);
        String axe = axeSource();
        Texts texts = new Texts();
        // one browser per language, walking at the same time: a page's time is mostly the browser's
        // (rendering, axe, the screenshot), and two cores do two languages in little more than one
        Map<String, Browser> browserOf = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            browserOf.put(language, browsers.open("walk-" + language));
        }
        Map<String, Map<String, List<String>>> findingsOf = new LinkedHashMap<>();
        List<Future<Integer>> walks = new ArrayList<>();
        ExecutorService walkers = Executors.newFixedThreadPool(LANGUAGES.size());
        try {
            for (String language : LANGUAGES) {
                Map<String, List<String>> found = new LinkedHashMap<>();
                findingsOf.put(language, found);
                walks.add(walkers.submit(() -> walkIn(browserOf.get(language), language, visits, season, password,
                        axe, texts, found)));
            }
            int shown = 0;
            for (Future<Integer> walk : walks) {
                shown += done(walk);
            }
            Map<String, List<String>> findings = new LinkedHashMap<>();
            findingsOf.values().forEach(findings::putAll);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            report(findings, shown, took);
        } finally {
            walkers.shutdownNow();
        }
    }

    /** One language's walk: every visit as its role, at both widths; answers how many pages it showed. */
    private int walkIn(Browser browser, String language, List<Visit> visits, Properties season, String password,
                       String axe, Texts texts, Map<String, List<String>> findings) {
        int shown = 0;
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!language.equals("fr")) {
            browser.open("login.xhtml");
            browser.clickAndWaitForReload(browser.driver.findElement(By.cssSelector(
                    "a.lang[lang='" + language + "']")).getAttribute("id"));
        }
        for (Role role : Role.values()) {
            if (role == Role.OWNER) {
                browser.submitLogin(season.getProperty("login"), password);
                browser.waitForPath("/app/");
            } else if (role == Role.OPERATOR) {
                browser.logout();
                browser.loginAsOperator();
            }
            if (role != Role.PUBLIC && !language.equals(lang(browser))) {
                browser.switchLanguage(language);
            }
            for (int width : WIDTHS) {
                browser.resize(width, 900);
                // a phone's scrollbars overlay the page; a desktop's take their width
                browser.driver.executeCdpCommand("Emulation.setScrollbarsHidden", Map.of("hidden", width < 600));
                for (Visit visit : visits) {
                    if (visit.role() == role) {
                        List<String> found = walk(browser, visit, language, width, axe, texts);
                        shown++;
                        if (!found.isEmpty()) {
                            findings.put(visit.name() + " " + language + " " + width + " px", found);
                        }
                    }
                }
            }
        }
        return shown;
    }

    /** A walk's count, or its failure as the test's own. */
    private static int done(Future<Integer> walk) {
        try {
            return walk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The phone booking with the keyboard alone: Tab to each field, type, Enter on the button. */
    @Test
    void anOwnerBooksByPhoneWithTheKeyboardOnly() {
        String password = "Pw-" + UUID.randomUUID() + "!";
        Properties season = FixtureHttp.post("sejour-tests/fixtures/page-walk", "prefix=keys&password=" + password);
        Browser browser = browsers.open();
        browser.submitLogin(season.getProperty("login"), password);
        browser.waitForPath("/app/");
        browser.open("app/phone-booking.xhtml?accommodation=" + season.getProperty("lauriers")
                + "&arrival=2027-05-22&nights=7");
        browser.waitForDocument();
        browser.waitForAjax();
        Keyboard keys = new Keyboard(browser);
        keys.tabTo("booking:lastName").type("Clavier");
        keys.tabTo("booking:firstName").type("Dominique");
        keys.tabTo("booking:create").press(Keys.ENTER);
        browser.until(d -> d.getCurrentUrl().contains("/app/dossier.xhtml?id="), "the new dossier");
        browser.waitForDocument();
        assertTrue(browser.bodyText().contains("CLAVIER Dominique"), browser.bodyText());
    }

    /** The guest's booking, from the stay to the payment, with the keyboard alone. */
    @Test
    void aGuestBooksAndPaysWithTheKeyboardOnly() {
        String password = "Pw-" + UUID.randomUUID() + "!";
        Properties season = FixtureHttp.post("sejour-tests/fixtures/page-walk", "prefix=guestkeys&password=" + password);
        Browser browser = browsers.open();
        browser.open("site/" + season.getProperty("number") + "/book?accommodation=" + season.getProperty("lauriers")
                + "&arrival=2027-05-29&nights=7&lang=fr");
        browser.waitForDocument();
        Keyboard keys = new Keyboard(browser);
        keys.tabTo("book:next").press(Keys.ENTER);
        browser.waitForAjax();
        keys.tabTo("book:lastName").type("Clavier");
        keys.tabTo("book:firstName").type("Dominique");
        keys.tabTo("book:email").type("dominique.clavier@example.test");
        keys.tabTo("book:phone").type("+33 6 00 00 00 00");
        keys.tabTo("book:city").type("Lyon");
        keys.tabTo("book:terms").press(Keys.SPACE);
        keys.tabTo("book:confirm").press(Keys.ENTER);
        browser.waitForPath("/pay/");
        keys.tabTo("pay:payNow").press(Keys.ENTER);
        browser.waitForPath("/offline-pay/");
        keys.tabTo("provider:succeed").press(Keys.ENTER);
        browser.waitForPath("/booking/");
        assertTrue(browser.bodyText().contains("Paiement reçu"), browser.bodyText());
    }

    /** Tab, Space, Enter and typing, as someone without a mouse. */
    private record Keyboard(Browser browser) {
        Keyboard tabTo(String id) {
            for (int i = 0; i < 250; i++) {
                if (id.equals(browser.js("return document.activeElement ? document.activeElement.id : null;"))) {
                    return this;
                }
                new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            }
            throw new AssertionError("Tab never reaches " + id + " on " + browser.driver.getCurrentUrl());
        }

        Keyboard type(String text) {
            new Actions(browser.driver).sendKeys(text).perform();
            browser.waitForAjax();
            return this;
        }

        Keyboard press(Keys key) {
            new Actions(browser.driver).sendKeys(key).perform();
            return this;
        }
    }

    /** The addresses, built from the season's ids; a role says who opens them (StaffIT opens them as each staff role). */
    static List<Visit> visits(Properties season) {
        String site = "site/" + season.getProperty("number");
        String lauriers = season.getProperty("lauriers");
        String stay = "accommodation=" + lauriers + "&arrival=2027-05-15&nights=7";
        String token = season.getProperty("token");
        return List.of(
                Visit.of("login.xhtml", Role.PUBLIC, ""),
                Visit.of("error.xhtml", Role.PUBLIC, ""),
                Visit.of("invitation.xhtml", Role.PUBLIC, "token=unknown"),
                new Visit("guest/site.xhtml", "", Role.PUBLIC, site),
                new Visit("guest/accommodation.xhtml", "", Role.PUBLIC, site + "/accommodation/" + season.getProperty("combe")),
                new Visit("guest/book.xhtml", "", Role.PUBLIC, site + "/book?" + stay),
                new Visit("guest/booking.xhtml", "", Role.PUBLIC, "booking/" + token),
                new Visit("guest/pay.xhtml", "", Role.PUBLIC, "pay/" + token),
                Visit.of("index.xhtml", Role.OWNER, ""),
                Visit.of("app/dashboard.xhtml", Role.OWNER, ""),
                Visit.of("app/planning.xhtml", Role.OWNER, "start=2027-04-26"),
                Visit.of("app/new-bookings.xhtml", Role.OWNER, ""),
                Visit.of("app/arrivals.xhtml", Role.OWNER, ""),
                Visit.of("app/departures.xhtml", Role.OWNER, ""),
                Visit.of("app/tourist-tax.xhtml", Role.OWNER, "from=2027-06-01&to=2027-06-30"),
                Visit.of("app/reports.xhtml", Role.OWNER, "from=2027-01-01&to=2027-12-31"),
                Visit.of("app/dossiers.xhtml", Role.OWNER, ""),
                Visit.of("app/dossier.xhtml", "option", Role.OWNER, "id=" + season.getProperty("option")),
                Visit.of("app/dossier.xhtml", "confirmed", Role.OWNER, "id=" + season.getProperty("confirmed")),
                Visit.of("app/dossier.xhtml", "cancelled", Role.OWNER, "id=" + season.getProperty("cancelled")),
                Visit.of("app/dossier-change.xhtml", Role.OWNER, "id=" + season.getProperty("option")),
                Visit.of("app/phone-booking.xhtml", Role.OWNER, stay),
                Visit.of("app/accommodations.xhtml", Role.OWNER, ""),
                Visit.of("app/accommodation.xhtml", Role.OWNER, "id=" + season.getProperty("combe")),
                Visit.of("app/rate.xhtml", Role.OWNER, "id=" + season.getProperty("rate")),
                Visit.of("app/age-ranges.xhtml", Role.OWNER, ""),
                Visit.of("app/supplements.xhtml", Role.OWNER, ""),
                Visit.of("app/promotions.xhtml", Role.OWNER, ""),
                Visit.of("app/promo-codes.xhtml", Role.OWNER, ""),
                Visit.of("app/sales-terms.xhtml", Role.OWNER, ""),
                Visit.of("app/channels.xhtml", Role.OWNER, ""),
                Visit.of("app/widgets.xhtml", Role.OWNER, ""),
                Visit.of("app/booking-tests.xhtml", Role.OWNER, ""),
                Visit.of("app/booking-test.xhtml", Role.OWNER, stay),
                Visit.of("app/settings/contract.xhtml", Role.OWNER, ""),
                Visit.of("app/settings/mails.xhtml", Role.OWNER, ""),
                Visit.of("app/settings/messages.xhtml", Role.OWNER, ""),
                Visit.of("app/settings/payments.xhtml", Role.OWNER, ""),
                Visit.of("app/settings/receipts.xhtml", Role.OWNER, ""),
                Visit.of("app/account/contact.xhtml", Role.OWNER, ""),
                Visit.of("app/account/credentials.xhtml", Role.OWNER, ""),
                Visit.of("app/account/advanced.xhtml", Role.OWNER, ""),
                Visit.of("app/audit.xhtml", Role.OWNER, ""),
                Visit.of("app/account/staff.xhtml", Role.OWNER, ""),
                Visit.of("app/cleaning.xhtml", Role.OWNER, ""),
                Visit.of("operator/owners.xhtml", Role.OPERATOR, ""),
                Visit.of("operator/jobs.xhtml", Role.OPERATOR, ""));
    }

    /** Every page of the webapp folder is walked or named as left out, and nothing else is named. */
    private static void assertEveryPageIsWalkedOrLeftOut(List<Visit> visits) throws IOException {
        Set<String> pages;
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            pages = files.filter(f -> f.toString().endsWith(".xhtml"))
                    .map(f -> WEBAPP.relativize(f).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("WEB-INF/") && !p.startsWith("resources/"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> named = new TreeSet<>(LEFT_OUT.keySet());
        visits.forEach(v -> named.add(v.page()));
        assertEquals(pages, named, "the pages of " + WEBAPP + " against those the walk visits or leaves out");
    }

    private List<String> walk(Browser browser, Visit visit, String language, int width, String axe, Texts texts) {
        String address = visit.address();
        if (visit.role() == Role.PUBLIC && !language.equals("fr") && !visit.page().equals("login.xhtml")) {
            // the guest's pages and the error page speak the language of their lang parameter
            address += (address.contains("?") ? "&" : "?") + "lang=" + language;
        }
        browser.open(address);
        browser.waitForDocument();
        browser.waitForAjax();
        List<String> found = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) browser.js(script(),
                width < 600 ? List.of(".grid-scroll", ".table-scroll", ".ui-datatable-tablewrapper") : List.of());
        String url = (String) shown.get("url");
        if (url.contains("login.xhtml") && visit.role() != Role.PUBLIC) {
            found.add("sent to the sign-in page: " + url);
        }
        if (Boolean.TRUE.equals(shown.get("errorPage")) && !visit.page().equals("error.xhtml")) {
            found.add("the error page: " + firstLine((String) shown.get("body")));
        }
        if (!language.equals(shown.get("lang"))) {
            found.add("the page says it is in '" + shown.get("lang") + "', not " + language);
        }
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) shown.get("problems");
        found.addAll(problems);
        var technical = TECHNICAL.matcher((String) shown.get("body"));
        while (technical.find()) {
            found.add("technical text: " + technical.group());
        }
        @SuppressWarnings("unchecked")
        List<String> shownTexts = (List<String>) shown.get("texts");
        found.addAll(texts.foreign(language, shownTexts));
        browser.consoleErrors().stream()
                .filter(e -> !e.contains("favicon"))
                .forEach(e -> found.add("console: " + e));
        if (WIDTHS.indexOf(width) % LANGUAGES.size() == LANGUAGES.indexOf(language)) {
            // axe's rules see structure, names and colours, not which language the words are in
            // (the walk checks the page's language and its words itself): once per page and width,
            // each language's walker taking one width so that both walkers end at about the same time
            found.addAll(axe(browser, axe));
        }
        screenshot(browser, TestSettings.artifacts().resolve(SHOTS).resolve(language + "-" + width)
                .resolve(visit.name() + ".png"));
        return found;
    }

    private static String lang(Browser browser) {
        return browser.driver.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("");
    }

    /** axe-core on the page as shown: the serious and critical violations, one line each. */
    @SuppressWarnings("unchecked")
    private static List<String> axe(Browser browser, String axe) {
        Object result = browser.driver.executeAsyncScript(axe + "\n;var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + "    .map(function (v) { return 'axe ' + v.impact + ' ' + v.id + ': ' + v.help + ' ('"
                + "      + v.nodes.length + '×, e.g. ' + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(', ') + ')'"
                + "      + (v.nodes[0].any.length ? ' ' + v.nodes[0].any[0].message : ''); }));"
                + "}, function (e) { done(['axe failed: ' + e]); });");
        return (List<String>) result;
    }

    /** The whole page, not only the screen's height, so that a reviewer sees everything. */
    private static void screenshot(Browser browser, Path target) {
        Map<String, Object> metrics = browser.driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), 8000);
        // optimizeForSpeed: Chromium's fastest PNG compression; larger files, far less of the two cores
        Map<String, Object> shot = browser.driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "optimizeForSpeed", true, "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void report(Map<String, List<String>> findings, int shown, Duration took) throws IOException {
        List<String> failing = new ArrayList<>();
        List<String> known = new ArrayList<>();
        Set<Known> matched = new HashSet<>();
        findings.forEach((where, found) -> found.forEach(f -> {
            Known k = KNOWN.stream().filter(e -> {
                String page = e.page().replace(".xhtml", "").replace('/', '_');
                return (page.isEmpty() || where.startsWith(page + " ") || where.startsWith(page + "-"))
                        && f.contains(e.finding());
            }).findFirst().orElse(null);
            if (k == null) {
                failing.add(where + ": " + f);
            } else {
                matched.add(k);
                known.add(where + ": " + f + "  [known: " + k.why() + "]");
            }
        }));
        List<Known> stale = KNOWN.stream().filter(k -> !matched.contains(k)).toList();
        String summary = shown + " pages shown (" + shown / (WIDTHS.size() * LANGUAGES.size()) + " addresses × "
                + WIDTHS + " px × " + LANGUAGES + ") in " + took.toSeconds() + " s";
        Path dir = TestSettings.artifacts().resolve(SHOTS);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("findings.txt"), summary + "\n\nfailing:\n" + String.join("\n", failing)
                + "\n\nknown:\n" + String.join("\n", known) + "\n", StandardCharsets.UTF_8);
        System.err.println("[page walk] " + summary + "; " + failing.size() + " findings, " + known.size() + " known");
        if (!failing.isEmpty() || !stale.isEmpty()) {
            fail(summary + "\n" + failing.size() + " findings:\n" + String.join("\n", failing)
                    + (stale.isEmpty() ? "" : "\nknown problems no longer found (take them off KNOWN): " + stale));
        }
    }

    private static String script() {
        try {
            return Files.readString(Path.of("target", "test-classes", "page-walk.js"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core's script, installed into target/npm-axe by .ci/run or here on first use. */
    private static String axeSource() throws IOException {
        Path script = NPM.resolve("node_modules").resolve("axe-core").resolve("axe.min.js");
        if (!Files.isRegularFile(script)) {
            Files.createDirectories(NPM);
            try {
                Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", NPM.toString(),
                        AXE).inheritIO().start();
                if (npm.waitFor() != 0) {
                    throw new IllegalStateException("npm install " + AXE + " failed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return Files.readString(script);
    }

    /**
     * The bundles' texts, to tell a text in the other language where the page's exists: a text
     * that is another language's value of a key whose value in the page's language differs (and
     * that the page's language does not use anywhere), or a word that is only a key's last part
     * (a code such as "transfer" shown where its translation belongs).
     */
    static final class Texts {
        private static final Set<String> NATIVE_NAMES = Set.of("Français", "English", "Deutsch", "Español", "Català",
                "Italiano", "Nederlands");
        private final Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();

        Texts() {
            for (String language : List.of("fr", "en")) {
                Map<String, String> values = new LinkedHashMap<>();
                for (String bundle : List.of("backoffice/i18n/messages", "site/i18n/site")) {
                    Path file = BUNDLES.resolve(bundle + (language.equals("fr") ? "" : "_" + language) + ".properties");
                    Properties p = new Properties();
                    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        p.load(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    p.stringPropertyNames().forEach(k -> values.put(bundle + ":" + k, p.getProperty(k).strip()));
                }
                byLanguage.put(language, values);
            }
        }

        List<String> foreign(String language, List<String> shown) {
            String other = language.equals("fr") ? "en" : "fr";
            Map<String, String> own = byLanguage.get(language);
            Map<String, String> theirs = byLanguage.get(other);
            Set<String> ownValues = new HashSet<>(own.values());
            Set<String> ownWords = new HashSet<>();
            own.values().forEach(v -> ownWords.addAll(words(v)));
            Map<String, String> foreignValues = new LinkedHashMap<>();
            theirs.forEach((key, value) -> {
                String mine = own.get(key);
                if (mine != null && !mine.equals(value) && !value.contains("{") && value.length() >= 4
                        && !ownValues.contains(value)) {
                    foreignValues.put(value, key);
                }
            });
            // codes are English words: on an English page they read as English, the check is for the others
            Map<String, String> codes = new LinkedHashMap<>();
            own.keySet().stream().filter(k -> !language.equals("en")).forEach(key -> {
                String last = key.substring(key.lastIndexOf('.') + 1);
                if (last.matches("[a-z]{4,}") && !ownWords.contains(last)) {
                    codes.putIfAbsent(last, key);
                }
            });
            List<String> found = new ArrayList<>();
            for (String text : shown) {
                if (NATIVE_NAMES.contains(text)) {
                    continue; // the language switches name each language in itself, on purpose
                }
                String key = foreignValues.get(text);
                if (key != null) {
                    found.add("'" + text + "' is the " + other + " text of " + key);
                }
                for (String word : text.split("[\\s·–—,;:()\\[\\]«»\"]+")) {
                    if (codes.containsKey(word)) {
                        found.add("'" + word + "' in '" + abbreviate(text) + "' is a code, not the " + language
                                + " of " + codes.get(word));
                    }
                }
            }
            return found;
        }

        private static Set<String> words(String value) {
            return Stream.of(value.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")).collect(Collectors.toSet());
        }

        private static String abbreviate(String text) {
            return text.length() <= 80 ? text : text.substring(0, 80) + "…";
        }
    }
}
