package org.sejour.it.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sejour.it.FixtureHttp;
import org.sejour.it.TestSettings;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One headless Chromium session on the back office, with the steps the tests share: signing in,
 * the operator opening an account, the forced password change and the first-login wizard.
 * Chromium and its driver are the system's: Selenium Manager never looks for anything.
 */
final class Browser implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Tests one Chromium serves before it is quit, so that what a long session gathers stays bounded. */
    private static final int TESTS_PER_SESSION = 20;

    /** an owner account as the test knows it: the login and the password currently valid */
    record Owner(String login, String password) {
    }

    private final Path profile;
    private final ChromeDriverService service;
    final ChromeDriver driver;
    final WebDriverWait wait;
    final String baseUrl = TestSettings.baseUrl();
    private final List<String> policyViolations = new ArrayList<>();
    private final Duration scriptTimeout;
    private int testsServed;

    Browser() {
        try {
            profile = Files.createTempDirectory("sejour-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", "--lang=fr-FR", "--accept-lang=fr-FR",
                "--user-data-dir=" + profile.toAbsolutePath());
        // what the Accept-Language header says, whatever the locale of the machine
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        // the console's errors, read after each test for Content-Security-Policy violations (Browsers)
        options.setCapability("goog:loggingPrefs", Map.of("browser", "SEVERE"));
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeDriver created = null;
        try {
            created = new ChromeDriver(service, options);
        } finally {
            if (created == null) {
                service.stop();
                deleteProfile();
            }
        }
        driver = created;
        wait = new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(100));
        scriptTimeout = driver.manage().timeouts().getScriptTimeout();
    }

    /**
     * Makes this session look new to the next test while Chromium keeps running with its HTTP
     * cache, as a guest's or an owner's browser does: starting a Chromium and loading the back
     * office's scripts into an empty cache cost each test more than a second of the two cores.
     * A new tab, the others closed, drops the pages, their sessionStorage and emulation settings (scrollbars);
     * cookies go for every site, and with them the signed-in session; the window's size, the
     * script timeout and the downloads' folder go back to what {@link #Browser()} set. Answers
     * false when this session has served its share of tests: the caller closes it.
     */
    boolean reset() {
        if (++testsServed >= TESTS_PER_SESSION) {
            return false;
        }
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(fresh)) {
                driver.switchTo().window(handle).close(); // the test's tab, and any its pages opened
            }
        }
        driver.switchTo().window(fresh);
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", URI.create(baseUrl).resolve("/")
                .toString().replaceAll("/$", ""), "storageTypes", "local_storage,indexeddb,cache_storage,service_workers"));
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "default"));
        driver.manage().timeouts().scriptTimeout(scriptTimeout);
        resize(1280, 900);
        consoleErrors();
        policyViolations.clear();
        return true;
    }

    /** What the console reported since the last call as blocked by the Content-Security-Policy. */
    List<String> policyViolations() {
        consoleErrors();
        List<String> violations = List.copyOf(policyViolations);
        policyViolations.clear();
        return violations;
    }

    /**
     * The console's errors since the last call (failed loads with their status among them); the
     * Content-Security-Policy violations among them are also kept for {@link #policyViolations}.
     */
    List<String> consoleErrors() {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .toList();
        errors.stream().filter(m -> m.contains("Content Security Policy")).forEach(policyViolations::add);
        return errors;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless
        }
    }

    // ---------------------------------------------------------------- generic helpers

    void open(String path) {
        driver.get(baseUrl + path);
    }

    WebElement byId(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    void type(String id, String text) {
        WebElement input = visible(id);
        input.clear();
        input.sendKeys(text);
    }

    /** A p:inputNumber: AutoNumeric reformats as one types, so select what is there and type over it. */
    void typeNumber(String id, int value) {
        WebElement input = visible(id);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(Integer.toString(value));
        input.sendKeys(Keys.TAB);
        wait.until(d -> Integer.toString(value).equals(
                String.valueOf(js("return document.getElementById(arguments[0]).value;",
                        id.replace("_input", "_hinput")))));
    }

    /** A p:selectOneMenu: open the widget, click the item, check the hidden select followed. */
    void choose(String menuId, String label) {
        By item = By.cssSelector("[id='" + menuId + "_panel'] li[data-label='" + label + "']");
        String panelSettled = "var p = document.getElementById(arguments[0]);"
                + "return p !== null && p.offsetHeight > 0 && !(window.jQuery && jQuery(p).is(':animated'));";
        for (int attempt = 1; ; attempt++) {
            try {
                if (!Boolean.TRUE.equals(js(panelSettled, menuId + "_panel"))) {
                    visible(menuId + "_label").click();
                }
                wait.until(d -> Boolean.TRUE.equals(js(panelSettled, menuId + "_panel")));
                wait.until(ExpectedConditions.elementToBeClickable(item)).click();
                new WebDriverWait(driver, Duration.ofSeconds(3), Duration.ofMillis(100)).until(d -> label.equals(
                        js("var s = document.getElementById(arguments[0]);"
                                + "return s.selectedIndex < 0 ? null : s.options[s.selectedIndex].text;",
                                menuId + "_input")));
                return;
            } catch (WebDriverException e) {
                if (attempt == 4) {
                    throw new AssertionError("could not choose " + label + " in " + menuId + "; it shows "
                            + visible(menuId + "_label").getText(), e);
                }
            }
        }
    }

    void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /** Clicks a non-ajax button or link and waits until the browser has loaded another document. */
    void clickAndWaitForReload(String id) {
        js("window.sejourOldDocument = true;");
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
        waitForNewDocument(id);
    }

    /** Presses a key on an element (Enter on a button, say) and waits for the document the form leads to. */
    void pressAndWaitForReload(String id, Keys key) {
        js("window.sejourOldDocument = true;");
        byId(id).sendKeys(key);
        waitForNewDocument(id);
    }

    private void waitForNewDocument(String id) {
        until(d -> {
            try {
                return js("return window.sejourOldDocument === undefined && document.readyState === 'complete';");
            } catch (WebDriverException e) {
                return false; // the document is being replaced
            }
        }, "a new page after acting on " + id);
    }

    void waitForPath(String pathPart) {
        try {
            wait.until(ExpectedConditions.urlContains(pathPart));
        } catch (RuntimeException e) {
            throw new AssertionError("expected to reach " + pathPart + " but the browser is at " + driver.getCurrentUrl()
                    + " showing: " + bodyText(), e);
        }
        waitForDocument();
    }

    void waitForDocument() {
        wait.until(d -> "complete".equals(js("return document.readyState;")));
    }

    /** Waits until PrimeFaces has no ajax request running or queued. */
    void waitForAjax() {
        wait.until(d -> Boolean.TRUE.equals(js(
                "return !window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty();")));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String bodyText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(no page)";
        }
    }

    <T> T until(Function<WebDriver, T> condition, String description) {
        try {
            return wait.until(condition);
        } catch (RuntimeException e) {
            throw new AssertionError("timed out waiting for " + description + " at " + driver.getCurrentUrl()
                    + "; the page shows: " + bodyText(), e);
        }
    }

    /** Text of an element that may be re-rendered by ajax while it is read. */
    String textOf(By locator) {
        for (int i = 0; ; i++) {
            try {
                return driver.findElement(locator).getText();
            } catch (StaleElementReferenceException e) {
                if (i > 20) {
                    throw e;
                }
            }
        }
    }

    void screenshot(Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** GETs a path with this browser's cookies (the session) and answers the HTTP status. */
    int httpStatus(String path) {
        String cookies = driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()
                .timeout(TIMEOUT);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        try {
            return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Cookie sessionCookie() {
        return driver.manage().getCookieNamed("JSESSIONID");
    }

    // ---------------------------------------------------------------- the back office's steps

    /** Fills and submits the login form; the caller checks where it led. */
    void submitLogin(String login, String password) {
        open("login.xhtml");
        type("login:login", login);
        type("login:password", password);
        clickAndWaitForReload("login:submit");
        waitForDocument();
    }

    /** The text of the login page's global messages after a refused login. */
    String loginMessage() {
        return until(d -> {
            List<WebElement> messages = d.findElements(By.id("login:messages"));
            String text = messages.isEmpty() ? "" : messages.get(0).getText().strip();
            return text.isEmpty() ? null : text;
        }, "a message on the login page");
    }

    /** The top bar's language select submits its form on change: wait for the new document. */
    void switchLanguage(String language) {
        js("window.sejourOldDocument = true;");
        new Select(visible("topbar:language")).selectByValue(language);
        until(d -> {
            try {
                return js("return window.sejourOldDocument === undefined && document.readyState === 'complete';");
            } catch (WebDriverException e) {
                return false;
            }
        }, "the page in " + language);
    }

    void logout() {
        clickAndWaitForReload("topbar:logout");
        waitForPath("login.xhtml");
    }

    void loginAsOperator() {
        submitLogin("operator", TestSettings.credential("operator.password"));
        waitForPath("/operator/owners.xhtml");
    }

    /** On the operator's page: opens an owner account and reads the one-time password shown once. */
    Owner createOwner(String prefix) {
        String login = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        type("create:newLogin", login);
        click("create:createOwner");
        String password = until(d -> {
            List<WebElement> codes = d.findElements(By.id("initialPassword"));
            if (codes.isEmpty()) {
                return null;
            }
            try {
                String notice = d.findElement(By.id("create:created")).getText();
                String text = codes.get(0).getText().strip();
                return notice.contains(login) && !text.isEmpty() ? text : null;
            } catch (RuntimeException e) {
                return null;
            }
        }, "the one-time password of " + login);
        String notice = byId("create:created").getText();
        if (!notice.matches("(?s)Compte \\d+ créé pour .*")) {
            throw new AssertionError("the account number as the list writes it (100002, not 100 002): " + notice);
        }
        return new Owner(login, password);
    }

    /** Operator signs in, opens the accounts, signs out. */
    List<Owner> ownersCreatedByOperator(String... prefixes) {
        loginAsOperator();
        List<Owner> owners = Stream.of(prefixes).map(this::createOwner).toList();
        logout();
        return owners;
    }

    /** First login of a new owner: the forced password change, then the wizard's first page. */
    Owner firstLogin(Owner owner) {
        submitLogin(owner.login(), owner.password());
        waitForPath("/app/account/credentials.xhtml");
        String newPassword = "Pw-" + UUID.randomUUID() + "!";
        WebElement login = visible("credentials:login");
        if (!owner.login().equals(login.getAttribute("value"))) {
            throw new AssertionError("the credentials page should show the login " + owner.login() + " but shows "
                    + login.getAttribute("value"));
        }
        String header = driver.findElement(By.cssSelector(".topbar .account-number")).getText().strip();
        if (!header.matches("(?s)\\d+\\b.*")) {
            throw new AssertionError("before the wizard the header shows the account number alone: " + header);
        }
        if (bodyText().contains("Laissez vide")) {
            throw new AssertionError("the forced change cannot keep the current password: " + bodyText());
        }
        type("credentials:currentPassword", owner.password());
        type("credentials:newPassword", newPassword);
        type("credentials:confirmation", newPassword);
        click("credentials:save");
        waitForPath("/app/wizard.xhtml");
        return new Owner(owner.login(), newPassword);
    }

    /** The wizard, both steps: contact details, then the first accommodation; ends on the dashboard. */
    void completeWizard(String accommodationName) {
        until(d -> !d.findElements(By.id("wizard:firstName")).isEmpty(), "the wizard's first step");
        type("wizard:firstName", "Camille");
        type("wizard:lastName", "Rousseau");
        String email = visible("wizard:email").getAttribute("value");
        if (email == null || email.isBlank()) {
            type("wizard:email", "camille.rousseau@example.test");
        }
        type("wizard:phone", "+33 4 92 00 00 00");
        type("wizard:address", "12 chemin des Alpages");
        type("wizard:postalCode", "05000");
        type("wizard:city", "Gap");
        type("wizard:country", "FR");
        click("wizard:saveContact");
        until(d -> !d.findElements(By.id("wizard:name")).isEmpty(), "the wizard's second step");
        fillAccommodation("wizard", accommodationName, 2, 5);
        click("wizard:createAccommodation");
        waitForPath("/app/dashboard.xhtml");
    }

    void fillAccommodation(String form, String name, int capacityMin, int capacityMax) {
        type(form + ":name", name);
        choose(form + ":type", "Gîte");
        type(form + ":address", "Lieu-dit les Prés");
        type(form + ":city", "Gap");
        typeNumber(form + ":capacityMin_input", capacityMin);
        typeNumber(form + ":capacityMax_input", capacityMax);
    }

    /** A new owner, through the operator, the password change and the wizard, on the dashboard. */
    Owner onboardedOwner(String prefix, String accommodationName) {
        Owner owner = firstLogin(ownersCreatedByOperator(prefix).get(0));
        completeWizard(accommodationName);
        return owner;
    }

    /**
     * {@link #onboardedOwner}'s owner made by the tests' fixture (OwnerFixtureServlet), signed in
     * on the dashboard: for tests whose subject is not the first login.
     */
    Owner fixtureOwner(String prefix, String accommodationName) {
        String password = "Pw-" + UUID.randomUUID() + "!";
        Properties created = FixtureHttp.post("sejour-tests/fixtures/owner", "prefix=" + prefix
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&accommodation=" + URLEncoder.encode(accommodationName, StandardCharsets.UTF_8));
        Owner owner = new Owner(created.getProperty("login"), password);
        submitLogin(owner.login(), owner.password());
        waitForPath("/app/dashboard.xhtml");
        return owner;
    }

    /**
     * Chooses files in the accommodation page's photo input, as an owner picks several at once
     * in the file dialog, and waits for the form's ajax update.
     */
    void upload(Path... files) {
        js("document.getElementById('editor').sejourOldForm = true;");
        chooseFiles("editor:photos", files);
        until(d -> Boolean.TRUE.equals(js("var f = document.getElementById('editor');"
                + "return f !== null && f.sejourOldForm === undefined"
                + " && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty());")),
                "the upload of " + Arrays.toString(files));
    }

    /** Puts files in a file input (the browser's file dialog cannot be driven). */
    void chooseFiles(String inputId, Path... files) {
        byId(inputId).sendKeys(Arrays.stream(files).map(f -> f.toAbsolutePath().toString())
                .collect(Collectors.joining("\n")));
    }

    /** Writes what the browser shows (screenshot, page source, address) next to the test reports. */
    void keepEvidence(String name) {
        try {
            Path dir = TestSettings.artifacts();
            screenshot(dir.resolve(name + ".png"));
            Files.writeString(dir.resolve(name + ".html"), "<!-- " + driver.getCurrentUrl() + " -->\n"
                    + driver.getPageSource());
        } catch (RuntimeException | IOException e) {
            // evidence is a courtesy: never hide the test's own failure
        }
    }

    /** Clicks a non-ajax download button and waits for the browser to finish saving the .xlsx it sends. */
    Path downloadXlsx(String buttonId) throws IOException {
        return download(buttonId, ".xlsx");
    }

    /**
     * Clicks a non-ajax download button and waits for the browser to finish saving the file it sends.
     * Chromium reserves the file's name with an empty file while it writes into a .crdownload beside
     * it, then moves that over it: the file counts once it has bytes and no .crdownload is left
     * (a test once read the empty placeholder).
     */
    Path download(String buttonId, String extension) throws IOException {
        Path dir = Files.createTempDirectory(TestSettings.artifacts(), "download-");
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", dir.toAbsolutePath().toString()));
        click(buttonId);
        return until(d -> {
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> all = files.toList();
                if (all.stream().anyMatch(f -> f.toString().endsWith(".crdownload"))) {
                    return null;
                }
                for (Path f : all) {
                    if (f.toString().endsWith(extension) && Files.size(f) > 0) {
                        return f;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        }, "the downloaded " + extension);
    }

    /** What the photo list shows: per thumbnail, whether it loaded and its natural width. */
    @SuppressWarnings("unchecked")
    List<Long> photoWidths() {
        Object widths = js("return Array.from(document.querySelectorAll('ol#photoList img'))"
                + ".map(i => i.complete ? i.naturalWidth : -1);");
        return ((List<Object>) widths).stream().map(w -> ((Number) w).longValue()).toList();
    }
}
