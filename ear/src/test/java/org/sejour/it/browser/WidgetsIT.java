package org.sejour.it.browser;

import com.sun.net.httpserver.HttpServer;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.sejour.it.TestSettings;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The widgets embedded in a plain page served by another origin (a small HTTP server on its
 * own port, declared as the owner's website), driven in headless Chromium with the keyboard:
 * the search and the calendar reach the engine through the API and CORS, and hand over to the
 * hosted booking flow; the page's own hostile CSS does not reach them. Then the owner's "get
 * the code" screen and its preview.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class WidgetsIT {

    /** CSS of a careless host page: it would hide every button and repaint every text it reaches. */
    private static final String HOSTILE_CSS = "button{display:none!important}*{color:red!important;font-size:40px!important}";

    private Browser browser;
    private HttpServer site;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @AfterEach
    void close() {
        if (site != null) {
            site.stop(0);
        }
    }

    @Test
    void aGuestOnTheOwnersSiteSearchesPicksAStayAndIsHandedToTheBookingFlow() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String origin = "http://127.0.0.1:" + site.getAddress().getPort();
        Properties owner = owner("widgets", origin);
        String number = owner.getProperty("number");
        String gite = owner.getProperty("gite");
        String page = "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Gîtes Rousseau</title>"
                + "<style>" + HOSTILE_CSS + "</style></head><body><h1>Nos gîtes</h1>"
                + "<div id=\"search\" data-sejour-widget=\"search\" data-account=\"" + number + "\"></div>"
                + "<div id=\"calendar\" data-sejour-widget=\"calendar\" data-account=\"" + number
                + "\" data-accommodation=\"" + gite + "\" data-lang=\"fr\"></div>"
                + "<div id=\"link\" data-sejour-widget=\"link\" data-account=\"" + number + "\" data-lang=\"en\"></div>"
                + "<script src=\"" + TestSettings.baseUrl() + "widget/sejour-widget.js\" async></script></body></html>";
        serve(site, page);

        browser = browsers.open();
        browser.driver.get(origin + "/gites.html");
        SearchContext search = shadow("search");
        WebElement arrival = inside(search, "input[name=arrival]");
        browser.js("arguments[0].value = '2027-05-01'", arrival);
        WebElement submit = inside(search, "button[type=submit]");
        assertTrue(submit.isDisplayed(), "the host page's CSS does not hide the widget's button");
        submit.sendKeys(Keys.ENTER);
        WebElement book = browser.wait.until(d -> search.findElements(By.cssSelector("li a")).stream().findFirst()
                .orElse(null));
        String hit = text(inside(search, "li"));
        assertTrue(hit.contains("Gîte les Lauriers") && hit.contains("800,00 €"), hit);
        assertEquals(TestSettings.baseUrl() + "site/" + number + "/book?accommodation=" + gite
                + "&arrival=2027-05-01&nights=7&lang=fr", book.getAttribute("href"));

        SearchContext calendar = shadow("calendar");
        WebElement next = browser.wait.until(d -> calendar.findElements(By.cssSelector("button[aria-label='Mois suivant']"))
                .stream().findFirst().orElse(null));
        inside(calendar, "table");
        for (int i = 0; i < 24 && calendar.findElements(By.cssSelector("button[data-date='2027-05-01']")).isEmpty(); i++) {
            next.sendKeys(Keys.ENTER);
            // the month is drawn once its data came: a table again
            inside(calendar, "table");
        }
        WebElement firstOfMay = browser.wait.until(d -> calendar.findElements(
                By.cssSelector("button[data-date='2027-05-01']:not([disabled])")).stream().findFirst().orElse(null));
        assertEquals("true", calendar.findElement(By.cssSelector("button[data-date='2027-05-02']"))
                .getAttribute("disabled"), "no Sunday arrivals");
        firstOfMay.sendKeys(Keys.ENTER);
        browser.wait.until(d -> inside(calendar, "p.p").getText().contains("800,00"));
        assertTrue(text(inside(calendar, "fieldset")).contains("1 semaine / 800,00 €"),
                text(inside(calendar, "fieldset")));
        assertEquals("Total : 800,00 €", text(inside(calendar, "p.p")));
        assertTrue(inside(calendar, "a.b").getAttribute("href").contains("/site/" + number + "/book?accommodation="
                + gite + "&arrival=2027-05-01&nights=7&lang=fr"), inside(calendar, "a.b").getAttribute("href"));

        WebElement link = inside(shadow("link"), "a");
        assertEquals("Book online", link.getText());
        assertEquals(TestSettings.baseUrl() + "site/" + number + "?lang=en", link.getAttribute("href"));
        assertEquals("undefined", browser.js("return typeof SERVER + ''"), "the script defines no global");
        browser.screenshot(TestSettings.artifacts().resolve("widgets-on-owner-site.png"));
    }

    @Test
    void theScriptAndTheFirstDataFitInAHundredKilobytes() throws Exception {
        Properties owner = owner("widgets-size", "http://127.0.0.1:1");
        HttpClient http = HttpClient.newHttpClient();
        long script = http.send(HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + "widget/sejour-widget.js"))
                .build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
        long month = http.send(HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + "api/v1/accounts/"
                + owner.getProperty("number") + "/calendar?month=2027-05&accommodation=" + owner.getProperty("gite")))
                .build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
        assertTrue(script + month < 100 * 1024, "script " + script + " B + first data " + month + " B");
    }

    @Test
    void theOwnerCopiesTheCodeAndSeesItLiveInThePreview() {
        Properties owner = owner("widgets-code", "https://www.gites-rousseau.example.test");
        browser = browsers.open();
        browser.submitLogin(owner.getProperty("login"), "Secret-123-pass");
        browser.click("menu-widgets");
        browser.waitForPath("widgets.xhtml");
        String code = browser.byId("widgets:code").getAttribute("value");
        assertTrue(code.contains("data-sejour-widget=\"search\" data-account=\"" + owner.getProperty("number") + "\""),
                code);
        assertTrue(code.contains("/widget/sejour-widget.js"), code);
        browser.js("arguments[0].click()", browser.byId("widgets:kind:1"));
        browser.waitForAjax();
        browser.wait.until(d -> browser.byId("widgets:code").getAttribute("value")
                .contains("data-accommodation=\"" + owner.getProperty("gite") + "\""));
        browser.driver.switchTo().frame("previewFrame");
        SearchContext preview = browser.wait.until(d -> {
            List<WebElement> hosts = d.findElements(By.cssSelector("[data-sejour-widget]"));
            return hosts.isEmpty() ? null : hosts.get(0).getShadowRoot();
        });
        browser.wait.until(d -> !preview.findElements(By.cssSelector("table button")).isEmpty());
        browser.driver.switchTo().defaultContent();
        browser.js("document.getElementById('previewFrame').scrollIntoView()");
        browser.screenshot(TestSettings.artifacts().resolve("widgets-get-the-code.png"));
    }

    /** Starts the owner's site: every address answers that page (shared with WidgetToBackOfficeIT). */
    static void serve(HttpServer site, String page) {
        site.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html;charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
    }

    private SearchContext shadow(String id) {
        return browser.wait.until(d -> {
            WebElement host = d.findElement(By.id(id));
            return browser.js("return arguments[0].shadowRoot", host) == null ? null : host.getShadowRoot();
        });
    }

    /** The visible text with its no-break spaces (which French number formats use) as plain ones. */
    private static String text(WebElement element) {
        return element.getText().replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private WebElement inside(SearchContext root, String css) {
        return browser.wait.until(d -> root.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    /** An owner in production through the guest API fixture (shared with WidgetToBackOfficeIT). */
    static Properties owner(String prefix, String website) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(TestSettings.baseUrl() + "sejour-tests/fixtures/guest-api"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("prefix=" + prefix + "&website=" + website + "&mode=PROD"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            Properties owner = new Properties();
            owner.load(new StringReader(answer.body()));
            return owner;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
