package org.sejour.it.browser;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;
import org.sejour.it.FixtureHttp;
import org.sejour.it.PdfText;
import org.sejour.it.TestSettings;
import org.sejour.it.TestSmtp;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22: the amounts a guest reads add up, in every document and every state of a dossier.
 * One owner's fifteen dossiers (a week at 528.80 €, arrhes 30 % = 158.64 €, balance 370.16 €), an
 * option waiting for its arrhes, arrhes paid, balance paid, partly refunded (a 50.00 € gesture)
 * and cancelled with a 100.00 € fee after the arrhes, each for a French, an English and a German
 * guest, all seeded in one request. Each output is read as its reader would, by a reader that
 * owes nothing to the code that wrote it: the contract with pdftotext, the mails from GreenMail,
 * the public API's JSON, the guest's booking and payment pages as served, the receipts with
 * pdftotext, then as the owner in Chromium the dashboard, the dossier list and its Excel export
 * (exceljs). Everywhere: deposit + balance = total (before a cancellation), paid + left to pay =
 * total (paid − refunded − to refund = total once more than the total was paid), and each amount
 * under its one word with its one figure: a word found with another figure fails.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class AmountsAcrossOutputsIT {

    private static final Logger LOG = Logger.getLogger(AmountsAcrossOutputsIT.class.getName());
    private static final String WEEK = "528.80";
    private static final String[] STATES = {"OPTION", "DEPOSIT_PAID", "BALANCE_PAID", "PARTLY_REFUNDED", "CANCELLED"};

    @RegisterExtension
    final Browsers browsers = new Browsers();

    /** The meanings of docs/pricing.md, "The amounts a guest reads". */
    enum Meaning { TOTAL, FEE, DEPOSIT, BALANCE, PAID, REFUNDED, REMAINING, TO_REFUND }

    /**
     * How a language writes the amounts: the word for each meaning (the wording a French owner
     * expects, and its English and German counterparts) and the way it writes euros.
     */
    record Words(String lang, Map<Meaning, String> labels, Pattern money, boolean decimalComma) {

        BigDecimal parse(String figure) {
            String digits = figure.replace(" ", "");
            digits = decimalComma ? digits.replace(".", "").replace(',', '.') : digits.replace(",", "");
            return new BigDecimal(digits);
        }

        String write(BigDecimal amount) {
            String plain = amount.setScale(2).toPlainString();
            return switch (lang) {
                case "en" -> "€" + plain;
                default -> plain.replace('.', ',') + " €";
            };
        }

        /**
         * Every "word[ :] figure" of the text, by meaning; a word met with two different figures
         * is kept with both, so that the caller sees the contradiction.
         */
        Map<Meaning, Set<BigDecimal>> amountsIn(String text) {
            String plain = plain(text);
            Map<Meaning, Set<BigDecimal>> found = new EnumMap<>(Meaning.class);
            labels.forEach((meaning, label) -> {
                Matcher m = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(label) + " ?:? " + money.pattern())
                        .matcher(plain);
                while (m.find()) {
                    found.computeIfAbsent(meaning, k -> new HashSet<>()).add(parse(m.group(1)));
                }
            });
            return found;
        }
    }

    private static final Map<String, Words> WORDS = Map.of(
            "fr", new Words("fr", labels("Total du séjour", "Frais d'annulation", "Arrhes", "Solde", "Déjà réglé",
                    "Remboursé", "Reste à payer", "À rembourser"),
                    Pattern.compile("(\\d{1,3}(?: \\d{3})*,\\d{2}) €"), true),
            "en", new Words("en", labels("Total of the stay", "Cancellation fee", "Deposit (arrhes)", "Balance",
                    "Already paid", "Refunded", "Left to pay", "To refund"),
                    Pattern.compile("€(\\d{1,3}(?:,\\d{3})*\\.\\d{2})"), false),
            "de", new Words("de", labels("Gesamtpreis des Aufenthalts", "Stornogebühr", "Anzahlung (Arrhes)",
                    "Restzahlung", "Bereits bezahlt", "Erstattet", "Noch zu zahlen", "Zu erstatten"),
                    Pattern.compile("(\\d{1,3}(?:\\.\\d{3})*,\\d{2}) €"), true));

    private static Map<Meaning, String> labels(String... words) {
        Map<Meaning, String> labels = new EnumMap<>(Meaning.class);
        for (Meaning meaning : Meaning.values()) {
            labels.put(meaning, words[meaning.ordinal()]);
        }
        return labels;
    }

    /**
     * What each state's dossier must show; {@code next} is what is asked for next (null: nothing).
     * The cancelled dossier's total is its fee; its balance, total − deposit, cannot go below 0.
     */
    record Expected(String total, String deposit, String balance, String paid, String refunded, String remaining,
                    String toRefund, String nextKind, String next) {

        boolean cancelled() {
            return !total.equals(WEEK);
        }

        BigDecimal of(Meaning meaning) {
            return new BigDecimal(switch (meaning) {
                case TOTAL, FEE -> total;
                case DEPOSIT -> deposit;
                case BALANCE -> balance;
                case PAID -> paid;
                case REFUNDED -> refunded;
                case REMAINING -> remaining;
                case TO_REFUND -> toRefund;
            });
        }

        /** The words a contract or a mail's recap prints in this state. */
        Set<Meaning> printed() {
            Set<Meaning> printed = new HashSet<>(Set.of(Meaning.PAID, Meaning.REMAINING));
            printed.add(cancelled() ? Meaning.FEE : Meaning.TOTAL);
            if (!cancelled()) {
                printed.addAll(Set.of(Meaning.DEPOSIT, Meaning.BALANCE));
            }
            if (new BigDecimal(refunded).signum() > 0) {
                printed.add(Meaning.REFUNDED);
            }
            if (new BigDecimal(toRefund).signum() > 0) {
                printed.add(Meaning.TO_REFUND);
            }
            return printed;
        }
    }

    private static final Map<String, Expected> EXPECTED = Map.of(
            "OPTION", new Expected(WEEK, "158.64", "370.16", "0.00", "0.00", WEEK, "0.00", "DEPOSIT", "158.64"),
            "DEPOSIT_PAID", new Expected(WEEK, "158.64", "370.16", "158.64", "0.00", "370.16", "0.00", "BALANCE", "370.16"),
            "BALANCE_PAID", new Expected(WEEK, "158.64", "370.16", WEEK, "0.00", "0.00", "0.00", null, null),
            // a gesture given back never makes money due again: 370.16 still to pay, not 420.16
            "PARTLY_REFUNDED", new Expected(WEEK, "158.64", "370.16", "158.64", "50.00", "370.16", "0.00", "BALANCE",
                    "370.16"),
            "CANCELLED", new Expected("100.00", "158.64", "0.00", "158.64", "0.00", "0.00", "58.64", null, null));

    /** One seeded dossier. */
    record Seeded(String state, String lang, long id, int number, String token, String email) {
        Expected expected() {
            return EXPECTED.get(state);
        }

        Words words() {
            return WORDS.get(lang);
        }

        String name() {
            return state + "/" + lang + " (n° " + number + ")";
        }
    }

    @Test
    void everyOutputPrintsEachAmountUnderItsOneWordAndTheyAddUp() throws Exception {
        long start = System.nanoTime();
        GreenMail smtp = TestSmtp.start(TestSettings.smtpPort());
        try {
            String password = "Pw-" + UUID.randomUUID() + "!";
            String tag = UUID.randomUUID().toString().substring(0, 8);
            Properties p = FixtureHttp.post("sejour-tests/fixtures/amounts", "prefix=amounts&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&tag=" + tag + "&weeklyPrice=" + WEEK);
            long accountId = Long.parseLong(p.getProperty("accountId"));
            List<Seeded> dossiers = new ArrayList<>();
            for (String lang : List.of("fr", "en", "de")) {
                for (String state : STATES) {
                    String key = state + "." + lang + ".";
                    dossiers.add(new Seeded(state, lang, Long.parseLong(p.getProperty(key + "id")),
                            Integer.parseInt(p.getProperty(key + "number")), p.getProperty(key + "token"),
                            p.getProperty(key + "email")));
                }
            }
            LOG.info(() -> "seeded in " + millis(start) + " ms");

            HttpClient http = HttpClient.newHttpClient();
            for (Seeded d : dossiers) {
                contract(http, accountId, d);
                api(http, d);
                String page = guestPage(http, "booking/" + d.token() + "?lang=" + d.lang(), d);
                receipt(http, page, d);
                if (d.state().equals("OPTION")) {
                    guestPage(http, "pay/" + d.token() + "?lang=" + d.lang(), d);
                }
            }
            LOG.info(() -> "documents, API and guest pages read at " + millis(start) + " ms");
            for (Seeded d : dossiers) {
                mails(smtp, d);
            }
            LOG.info(() -> "mails read at " + millis(start) + " ms");
            backOffice(p.getProperty("login"), password, dossiers);
        } finally {
            smtp.stop();
        }
        LOG.info(() -> "AmountsAcrossOutputsIT took " + millis(start) + " ms");
    }

    // ---- each output

    /** The contract, as the owner downloads it and the guest gets it: pdftotext. */
    private static void contract(HttpClient http, long accountId, Seeded d) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(TestSettings.baseUrl()
                + "sejour-tests/fixtures/amounts?account=" + accountId + "&contract=" + d.id())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        String text = PdfText.of(response.body());
        assertPrinted(d, "contract", d.words().amountsIn(text), d.expected().printed(), text);
    }

    /** The public API's booking status. */
    @SuppressWarnings("unchecked")
    private static void api(HttpClient http, Seeded d) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(TestSettings.baseUrl()
                + "api/v1/bookings/" + d.token())).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        Map<String, Object> json = new Json().toType(response.body(), Json.MAP_TYPE);
        Expected e = d.expected();
        Map<Meaning, String> fields = Map.of(Meaning.TOTAL, "total", Meaning.DEPOSIT, "depositAmount",
                Meaning.BALANCE, "balanceAmount", Meaning.PAID, "paid", Meaning.REFUNDED, "refunded",
                Meaning.REMAINING, "remainingAmount", Meaning.TO_REFUND, "amountToRefund");
        Map<Meaning, BigDecimal> read = new EnumMap<>(Meaning.class);
        fields.forEach((meaning, field) -> {
            Object value = json.get(field);
            assertNotNull(value, d.name() + " API " + field + " in " + response.body());
            read.put(meaning, new BigDecimal((String) value));
            assertEquals(0, e.of(meaning).compareTo(read.get(meaning)), d.name() + " API " + field + ": " + response.body());
        });
        addsUp(d, "API", read);
        assertEquals(e.nextKind(), json.get("nextPaymentKind"), d.name() + " API next kind");
        if (e.next() != null) {
            assertEquals(0, new BigDecimal(e.next()).compareTo(new BigDecimal((String) json.get("nextPaymentAmount"))),
                    d.name() + " API next amount");
        }
    }

    /**
     * The guest's page (booking status, or the payment step right after booking): each amount
     * in its own cell, under the contract's word for it. Answers the page.
     */
    private static String guestPage(HttpClient http, String path, Seeded d) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path);
        String html = response.body();
        Matcher cells = Pattern.compile("<t[dh][^>]*>([^<]*)</t[dh]><td class=\"amount\" id=\"(dossier\\w+)\">([^<]*)</td>")
                .matcher(html);
        Map<String, String[]> byId = new HashMap<>();
        while (cells.find()) {
            byId.put(cells.group(2), new String[]{plain(unescaped(cells.group(1))), plain(unescaped(cells.group(3)))});
        }
        Map<String, Meaning> ids = new LinkedHashMap<>();
        ids.put("dossierTotal", d.expected().cancelled() ? Meaning.FEE : Meaning.TOTAL);
        if (!d.expected().cancelled()) {
            ids.put("dossierDeposit", Meaning.DEPOSIT);
            ids.put("dossierBalance", Meaning.BALANCE);
        }
        ids.put("dossierPaid", Meaning.PAID);
        ids.put("dossierRemaining", Meaning.REMAINING);
        if (d.expected().of(Meaning.REFUNDED).signum() > 0) {
            ids.put("dossierRefunded", Meaning.REFUNDED);
        }
        if (d.expected().of(Meaning.TO_REFUND).signum() > 0) {
            ids.put("dossierToRefund", Meaning.TO_REFUND);
        }
        Map<Meaning, BigDecimal> read = new EnumMap<>(Meaning.class);
        ids.forEach((id, meaning) -> {
            String[] cell = byId.get(id);
            assertNotNull(cell, d.name() + " " + path + ": no " + id + " in\n" + byId.keySet());
            String label = d.words().labels().get(meaning);
            assertTrue(cell[0].startsWith(label), d.name() + " " + path + ": " + id + " is labelled «" + cell[0]
                    + "», not «" + label + "»");
            assertEquals(d.words().write(d.expected().of(meaning)), cell[1], d.name() + " " + path + " " + id);
            read.put(meaning == Meaning.FEE ? Meaning.TOTAL : meaning, d.words().parse(cell[1].replaceAll("[^\\d.,]", "")));
        });
        assertEquals(ids.size(), byId.size(), d.name() + " " + path + ": no amount beside the dossier's own " + byId.keySet());
        fillZeros(read);
        addsUp(d, path, read);
        return html;
    }

    /**
     * The dossier's latest receipt (or credit note), linked from the booking page: what was paid
     * and what is left add up to the total it prints, under the same words as the contract. A
     * receipt is a snapshot: the cancelled dossier's receipt is its deposit's, before the fee.
     */
    private static void receipt(HttpClient http, String bookingPage, Seeded d) throws Exception {
        Matcher links = Pattern.compile("href=\"[^\"]*?/(receipts/[^\"]+/(\\d+)\\.pdf)\"").matcher(bookingPage);
        String latest = null;
        long latestId = -1;
        while (links.find()) {
            if (Long.parseLong(links.group(2)) > latestId) {
                latestId = Long.parseLong(links.group(2));
                latest = links.group(1);
            }
        }
        if (d.state().equals("OPTION")) {
            assertEquals(null, latest, d.name() + ": no receipt before a payment");
            return;
        }
        assertNotNull(latest, d.name() + ": a receipt is linked");
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + latest))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), latest);
        String text = PdfText.of(response.body());
        Map<Meaning, Set<BigDecimal>> found = d.words().amountsIn(text);
        Expected e = d.state().equals("CANCELLED") ? EXPECTED.get("DEPOSIT_PAID") : d.expected();
        assertPrinted(d, "receipt", found, Set.of(Meaning.TOTAL, Meaning.PAID, Meaning.REMAINING), text, e);
        assertEquals(one(found, Meaning.TOTAL), one(found, Meaning.PAID).add(one(found, Meaning.REMAINING)),
                d.name() + " receipt: paid + left to pay = total\n" + text);
    }

    /** The mails the guest got in this state: each recap, and what a reminder asks for. */
    private static void mails(GreenMail smtp, Seeded d) throws Exception {
        int count = switch (d.state()) {
            case "OPTION", "DEPOSIT_PAID" -> 2; // booking mail and a reminder
            default -> 1; // booking mail; refund mail; cancellation mail
        };
        List<MimeMessage> mails = Inbox.mailsTo(smtp, d.email(), count);
        assertEquals(count, mails.size(), d.name() + ": mails received");
        for (MimeMessage mail : mails) {
            String body = plain(body(mail));
            assertPrinted(d, "mail «" + mail.getSubject() + "»", d.words().amountsIn(body), d.expected().printed(), body);
            Expected e = d.expected();
            if (e.next() != null && isReminder(d, mail)) {
                // a reminder asks for what is really due next: the rest of the arrhes, else what is left to pay
                String asked = body.substring(0, body.indexOf(d.words().labels().get(Meaning.TOTAL)));
                assertTrue(asked.contains(d.words().write(new BigDecimal(e.next()))), d.name() + " reminder asks for "
                        + e.next() + ":\n" + body);
                assertFalse(e.next().equals(WEEK) || asked.contains(d.words().write(new BigDecimal(WEEK))),
                        d.name() + " reminder asks for the total:\n" + body);
            }
        }
    }

    private static boolean isReminder(Seeded d, MimeMessage mail) throws Exception {
        String subject = mail.getSubject();
        return subject.startsWith(switch (d.lang()) {
            case "fr" -> "Rappel de paiement";
            case "de" -> "Zahlungserinnerung";
            default -> "Payment reminder";
        });
    }

    /**
     * As the owner, in Chromium: the dashboard's deposit reminders (what is due next), the
     * dossier list (what is left to pay) and its Excel export, read with exceljs.
     */
    private void backOffice(String login, String password, List<Seeded> dossiers) throws Exception {
        Browser browser = browsers.open();
        browser.submitLogin(login, password);
        browser.waitForPath("/app/dashboard.xhtml");
        List<Seeded> options = dossiers.stream().filter(d -> d.state().equals("OPTION")).toList();
        assertEquals(Integer.toString(options.size()), plain(browser.textOf(By.id("awaitingDepositCount"))));
        String awaiting = plain(browser.textOf(By.id("awaitingDeposit")));
        for (Seeded d : options) {
            assertTrue(awaiting.contains(d.number() + " – MARTIN Claude – 158,64 €"), "the arrhes due, not the total: "
                    + awaiting);
        }
        assertFalse(awaiting.contains("528,80"), awaiting);

        browser.open("app/dossiers.xhtml");
        browser.waitForDocument();
        List<WebElement> rows = browser.driver.findElements(
                By.cssSelector("[id='search:dossiers_data'] > tr:not(.ui-datatable-empty-message)"));
        assertEquals(dossiers.size(), rows.size(), "every dossier listed");
        List<String> headers = browser.driver.findElements(By.cssSelector("[id='search:dossiers'] thead th")).stream()
                .map(th -> plain(th.getText())).toList();
        int numberColumn = headers.indexOf("N°");
        int remainingColumn = headers.indexOf("Reste à payer");
        int totalColumn = headers.indexOf("Total");
        assertTrue(numberColumn >= 0 && remainingColumn >= 0 && totalColumn >= 0, headers.toString());
        assertFalse(headers.contains("Solde"), "the list shows what is left to pay, under its own word: " + headers);
        Words fr = WORDS.get("fr");
        Map<Integer, Seeded> byNumber = new HashMap<>();
        dossiers.forEach(d -> byNumber.put(d.number(), d));
        for (WebElement row : rows) {
            List<String> cells = row.findElements(By.tagName("td")).stream().map(td -> plain(td.getText())).toList();
            Seeded d = byNumber.get(Integer.parseInt(cells.get(numberColumn)));
            assertNotNull(d, cells.toString());
            assertEquals(fr.write(d.expected().of(Meaning.REMAINING)), cells.get(remainingColumn), d.name() + " list");
            assertEquals(fr.write(d.expected().of(Meaning.TOTAL)), cells.get(totalColumn), d.name() + " list");
        }

        browser.click("search:export");
        browser.waitForAjax();
        browser.until(driver -> !driver.findElements(By.id("search:exportDownload")).isEmpty(), "the export's link");
        Path xlsx = browser.downloadXlsx("search:exportDownload");
        ExcelJsSheet sheet = ExcelJsSheet.read(xlsx);
        Map<Meaning, String> columns = new EnumMap<>(Meaning.class);
        fr.labels().forEach((meaning, label) -> {
            if (meaning != Meaning.FEE) {
                columns.put(meaning, meaning == Meaning.TOTAL ? "Total" : label);
            }
        });
        assertTrue(sheet.headers().containsAll(columns.values()), sheet.headers().toString());
        assertFalse(sheet.headers().contains("Réglé"), sheet.headers().toString());
        assertEquals(dossiers.size() + 1, sheet.rowCount());
        for (int r = 1; r < sheet.rowCount(); r++) {
            Seeded d = byNumber.get(((Number) sheet.value(r, "N°")).intValue());
            Map<Meaning, BigDecimal> read = new EnumMap<>(Meaning.class);
            for (Map.Entry<Meaning, String> column : columns.entrySet()) {
                BigDecimal value = new BigDecimal(sheet.value(r, column.getValue()).toString());
                read.put(column.getKey(), value);
                assertEquals(0, d.expected().of(column.getKey()).compareTo(value), d.name() + " Excel " + column.getValue());
            }
            addsUp(d, "Excel", read);
        }
    }

    // ---- the checks every output shares

    private static void assertPrinted(Seeded d, String output, Map<Meaning, Set<BigDecimal>> found, Set<Meaning> printed,
                                      String text) {
        assertPrinted(d, output, found, printed, text, d.expected());
    }

    /**
     * The words {@code printed} are there, each with the expected figure and no other; no other
     * word of the amounts is; and the figures read add up.
     */
    private static void assertPrinted(Seeded d, String output, Map<Meaning, Set<BigDecimal>> found, Set<Meaning> printed,
                                      String text, Expected e) {
        for (Meaning meaning : Meaning.values()) {
            if (printed.contains(meaning)) {
                assertEquals(Set.of(e.of(meaning).setScale(2)), found.get(meaning), d.name() + " " + output + ": "
                        + d.words().labels().get(meaning) + "\n" + text);
            } else if (meaning != Meaning.FEE || !output.equals("contract")) {
                // (a cancelled contract's fee is a price line too, under the same word and figure)
                assertFalse(found.containsKey(meaning), d.name() + " " + output + ": no "
                        + d.words().labels().get(meaning) + " in this state, found " + found.get(meaning) + "\n" + text);
            }
        }
        Map<Meaning, BigDecimal> read = new EnumMap<>(Meaning.class);
        found.forEach((meaning, values) -> read.put(meaning == Meaning.FEE ? Meaning.TOTAL : meaning,
                values.iterator().next()));
        fillZeros(read);
        addsUp(d, output, read);
    }

    /** Words a document leaves out when nothing is behind them (refunded, to refund) count as 0. */
    private static void fillZeros(Map<Meaning, BigDecimal> read) {
        read.putIfAbsent(Meaning.REFUNDED, BigDecimal.ZERO);
        read.putIfAbsent(Meaning.TO_REFUND, BigDecimal.ZERO);
    }

    /** deposit + balance = total before a cancellation; paid + left = total, or paid − refunded − to refund = total. */
    private static void addsUp(Seeded d, String output, Map<Meaning, BigDecimal> read) {
        BigDecimal total = read.get(Meaning.TOTAL);
        if (!d.expected().cancelled() && read.containsKey(Meaning.DEPOSIT) && read.containsKey(Meaning.BALANCE)) {
            assertEquals(0, total.compareTo(read.get(Meaning.DEPOSIT).add(read.get(Meaning.BALANCE))),
                    d.name() + " " + output + ": deposit + balance = total " + read);
        }
        BigDecimal paid = read.get(Meaning.PAID);
        if (paid == null || !read.containsKey(Meaning.REMAINING)) {
            return;
        }
        if (paid.compareTo(total) <= 0) {
            assertEquals(0, total.compareTo(paid.add(read.get(Meaning.REMAINING))),
                    d.name() + " " + output + ": paid + left to pay = total " + read);
        } else {
            assertEquals(0, total.compareTo(paid.subtract(read.get(Meaning.REFUNDED)).subtract(read.get(Meaning.TO_REFUND))),
                    d.name() + " " + output + ": paid − refunded − to refund = total " + read);
        }
    }

    private static BigDecimal one(Map<Meaning, Set<BigDecimal>> found, Meaning meaning) {
        return found.get(meaning).iterator().next();
    }

    private static String body(MimeMessage message) throws Exception {
        Object content = message.getContent();
        return content instanceof String text ? text : (String) ((Multipart) content).getBodyPart(0).getContent();
    }

    /** The text of an HTML cell: Facelets escapes the apostrophe of "Frais d'annulation". */
    private static String unescaped(String html) {
        String text = Pattern.compile("&#(\\d+);").matcher(html)
                .replaceAll(m -> Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1)))));
        return text.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ")
                .replace("&amp;", "&");
    }

    /** Text with any kind of space made a plain one: French formats use no-break spaces. */
    private static String plain(String text) {
        return text.replaceAll("[\\s\\u00a0\\u202f]+", " ").strip();
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
