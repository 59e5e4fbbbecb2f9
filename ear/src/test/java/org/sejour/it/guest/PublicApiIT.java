package org.sejour.it.guest;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.it.TestSettings;
import org.sejour.it.guest.PublicApiClient.Answer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public API over real HTTP against the deployed application: each endpoint, each error
 * status, caching, CORS, the rate limit, an idempotent retry, a race for the last unit, two
 * owners kept apart, and the OpenAPI document checked by an independent validator.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class PublicApiIT {

    private static final String SITE = "http://gites-rousseau.example.test:8123";

    private final PublicApiClient api = new PublicApiClient();

    private static String account(Properties owner) {
        return "/api/v1/accounts/" + owner.getProperty("number");
    }

    private static String stay(Properties owner, String extra) {
        return "{\"accommodationId\":" + owner.getProperty("gite") + ",\"arrival\":\"2027-05-01\",\"nights\":7,"
                + "\"party\":{\"Adulte\":2}" + extra + "}";
    }

    private String booking(Properties owner, String lastName, String extra) {
        String terms = (String) api.get(account(owner) + "/terms").json().get("version");
        return stay(owner, ",\"guest\":{\"firstName\":\"Anne\",\"lastName\":\"" + lastName + "\",\"email\":"
                + "\"anne@example.test\",\"phone\":\"+33 6 12 34 56 78\",\"country\":\"FR\"},"
                + "\"acceptedTermsVersion\":\"" + terms + "\"" + extra);
    }

    @Test
    void profileTermsAndAccommodationsAreTranslatedAndCacheable() {
        Properties owner = api.owner("api-profile", SITE, "PROD");
        Answer profile = api.get(account(owner));
        assertEquals(200, profile.status(), profile::toString);
        assertEquals("Gîtes Rousseau", profile.json().get("name"));
        assertTrue(profile.body().contains("\"label\":\"Adulte\""), profile.body());
        String etag = profile.header("ETag");
        assertNotNull(etag);
        assertTrue(profile.header("Cache-Control").contains("max-age"), profile.header("Cache-Control"));
        assertEquals(304, api.get(account(owner), "If-None-Match", etag).status());

        Answer list = api.get(account(owner) + "/accommodations?lang=en");
        assertEquals(200, list.status(), list::toString);
        assertEquals(List.of("Gîte les Lauriers"), list.array().stream().map(a -> ((Map<?, ?>) a).get("name")).toList(),
                "the hidden chalet is not listed");

        Answer english = api.get(account(owner) + "/accommodations/" + owner.getProperty("gite") + "?lang=en");
        assertEquals("A quiet house.", english.json().get("description"), english::toString);
        assertTrue(english.body().contains("\"label\":\"Garden\""), english.body());
        assertTrue(english.body().contains("\"label\":\"Cleaning\""), english.body());
        Answer french = api.get(account(owner) + "/accommodations/" + owner.getProperty("gite"), "Accept-Language",
                "fr-FR,fr;q=0.9");
        assertEquals("Une maison au calme.", french.json().get("description"));
        assertTrue(french.body().contains("\"label\":\"Ménage\""), french.body());
        Answer german = api.get(account(owner) + "/accommodations/" + owner.getProperty("gite") + "?lang=de");
        assertEquals("Une maison au calme.", german.json().get("description"), "untranslated text falls back to French");

        Answer terms = api.get(account(owner) + "/terms?lang=en");
        assertEquals(200, terms.status(), terms::toString);
        assertEquals("ARRHES", terms.json().get("depositType"));
        assertEquals(16, ((String) terms.json().get("version")).length());
    }

    @Test
    void availabilityAndMonthCalendarShowPricedStays() {
        Properties owner = api.owner("api-search", SITE, "PROD");
        Answer search = api.get(account(owner) + "/availability?arrival=2027-05-01&nights=7&lang=en");
        assertEquals(200, search.status(), search::toString);
        List<?> results = (List<?>) search.json().get("results");
        assertEquals(1, results.size(), search::toString);
        Map<?, ?> hit = (Map<?, ?>) results.get(0);
        assertEquals("800.00", hit.get("price"));
        assertEquals("2027-05-08", hit.get("departure"));
        assertEquals("/site/" + owner.getProperty("number") + "/book?accommodation=" + owner.getProperty("gite")
                + "&arrival=2027-05-01&nights=7&lang=en", hit.get("bookUrl"));
        assertNotNull(search.header("ETag"));

        Answer flexible = api.get(account(owner) + "/availability?arrival=2027-05-03&nights=7&flexDays=3");
        assertEquals(List.of("2027-05-01"), ((List<?>) flexible.json().get("results")).stream()
                .map(h -> ((Map<?, ?>) h).get("arrival")).toList(), flexible::toString);

        Answer calendar = api.get(account(owner) + "/calendar?accommodation=" + owner.getProperty("gite")
                + "&month=2027-05&lang=fr");
        assertEquals(200, calendar.status(), calendar::toString);
        Map<?, ?> month = (Map<?, ?>) ((List<?>) calendar.json().get("accommodations")).get(0);
        List<?> days = (List<?>) month.get("days");
        Map<?, ?> first = (Map<?, ?>) days.get(0);
        assertEquals("2027-05-01", first.get("date"));
        Map<?, ?> week = (Map<?, ?>) ((List<?>) first.get("options")).get(0);
        assertEquals("800.00", week.get("price"));
        assertEquals("1 semaine / 800,00\u00a0€", week.get("label"));
        assertEquals(List.of("2027-05-01", "2027-05-08", "2027-05-15", "2027-05-22", "2027-05-29"),
                days.stream().map(d -> ((Map<?, ?>) d).get("date")).toList(), "Saturday arrivals only");
    }

    /**
     * Availability answers are kept in memory between requests (AnswerCache): each change of the
     * nights, whatever writes it (here plain SQL, then a booking), a change of the prices and each
     * change of the account's mode must show within a second: the server learns of them from PostgreSQL's
     * notifications (AccountStates), not by asking at each request.
     */
    @Test
    void availabilityAnswersFollowEveryChangeOfTheNightsWithinASecond() throws java.sql.SQLException {
        Properties owner = api.owner("api-fresh", SITE, "PROD");
        String search = account(owner) + "/availability?arrival=2027-05-01&nights=7";
        String calendar = account(owner) + "/calendar?accommodation=" + owner.getProperty("gite") + "&month=2027-05";
        assertEquals(1, hits(api.get(search)));
        assertTrue(api.get(calendar).body().contains("\"date\":\"2027-05-01\""));
        assertEquals(1, hits(api.get(search)), "the same answer again, now from memory");

        sql("insert into sales_ban (accommodation_id, first_night, last_night) values (" + owner.getProperty("gite")
                + ", '2027-05-03', '2027-05-03')");
        fresh("a ban written behind the application's back", () -> hits(api.get(search)) == 0
                && !api.get(calendar).body().contains("\"date\":\"2027-05-01\""));
        sql("delete from sales_ban where accommodation_id = " + owner.getProperty("gite"));
        fresh("the ban lifted", () -> hits(api.get(search)) == 1
                && api.get(calendar).body().contains("\"date\":\"2027-05-01\""));
        // a search prices from the catalog version of the account's kept state, not one read again
        assertTrue(api.get(search).body().contains("\"price\":\"800.00\""));
        sql("update rate set price = price + 100 where accommodation_id = " + owner.getProperty("gite"));
        fresh("a price written behind the application's back", () -> api.get(search).body()
                .contains("\"price\":\"900.00\""));

        assertEquals(201, api.post(account(owner) + "/bookings", booking(owner, "Durand", ""), "Idempotency-Key",
                PublicApiClient.key()).status());
        fresh("the booked week", () -> hits(api.get(search)) == 0
                && !api.get(calendar).body().contains("\"date\":\"2027-05-01\""));

        sql("update account set mode = 'TEST' where account_number = " + owner.getProperty("number"));
        fresh("an account back in test mode answers nothing, kept or not",
                () -> api.get(search).status() == 404 && api.get(calendar).status() == 404);
    }

    /**
     * The freshness bound of kept answers (docs/public-api.md): what a commit changed shows within
     * one second. The time each change took to show is printed for the record.
     */
    private static void fresh(String change, java.util.function.BooleanSupplier shows) {
        long started = System.nanoTime();
        long deadline = started + java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
        while (!shows.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, change + " not shown within 1 s");
        }
        System.err.println("[freshness] " + change + ": shown after "
                + java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
    }

    /** A browser that accepts gzip gets the same JSON gzipped, under a tag of its own, and 304 for it. */
    @Test
    void answersAreGzippedForClientsThatAcceptIt() throws Exception {
        Properties owner = api.owner("api-gzip", SITE, "PROD");
        String search = account(owner) + "/availability?arrival=2027-05-01&nights=7";
        Answer plain = api.get(search);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<byte[]> zipped = send(http, search, List.of("Accept-Encoding", "gzip, deflate, br"));
        assertEquals(200, zipped.statusCode());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(null));
        assertTrue(zipped.headers().firstValue("Vary").orElse("").contains("Accept-Encoding"));
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(zipped.body()))) {
            assertEquals(plain.body(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertNull(plain.header("Content-Encoding"));
        String tag = zipped.headers().firstValue("ETag").orElseThrow();
        assertFalse(tag.equals(plain.header("ETag")), "two representations, two tags");
        assertEquals(304, send(http, search, List.of("Accept-Encoding", "gzip", "If-None-Match", tag)).statusCode());
        assertEquals(200, api.get(search, "Accept-Encoding", "gzip;q=0", "If-None-Match", tag).status(),
                "gzip refused: the plain answer, whose tag differs");
    }

    /**
     * A kept search or calendar is served before Jersey (KeptAnswerFilter). It must go out as
     * Jersey sends it: the same status, headers and bytes, gzipped or not, with CORS, and the same
     * 304. Jersey's own sending is had by an Accept header that the filter leaves to it (a q=0
     * among its ranges).
     */
    @Test
    void aKeptAnswerGoesOutAsJerseySendsIt() throws Exception {
        Properties owner = api.owner("api-kept", SITE, "PROD");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String search : List.of(account(owner) + "/availability?arrival=2027-05-01&nights=7&flexDays=1",
                account(owner) + "/calendar?month=2027-05&accommodation=" + owner.getProperty("gite"))) {
            sameAsJersey(http, search);
            assertEquals(SITE, send(http, search, List.of("Origin", SITE)).headers()
                    .firstValue("Access-Control-Allow-Origin").orElse(null), "the owner's website, kept or not");
            // a body, even on a GET, is refused above the limit before anything is answered
            java.net.http.HttpResponse<String> oversized = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(TestSettings.baseUrl() + search.substring(1)))
                    .method("GET", java.net.http.HttpRequest.BodyPublishers.ofString("x".repeat(20_000))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(413, oversized.statusCode(), oversized::body);
        }
    }

    private void sameAsJersey(java.net.http.HttpClient http, String search) throws Exception {
        for (List<String> asked : List.of(List.of("Accept-Encoding", "gzip, br", "Origin", SITE),
                List.of("Accept-Language", "de-CH, en;q=0.5", "Origin", "http://evil.example.test"),
                List.of("Accept", "application/json", "Accept-Encoding", "gzip;q=0", "Accept-Language", "it"))) {
            List<String> byJersey = refusingHtml(asked);
            java.net.http.HttpResponse<byte[]> computed = send(http, search, asked);
            java.net.http.HttpResponse<byte[]> kept = send(http, search, asked);
            java.net.http.HttpResponse<byte[]> keptByJersey = send(http, search, byJersey);
            assertEquals(200, computed.statusCode(), () -> search + " " + asked);
            assertEquals(headers(computed), headers(kept), asked::toString);
            assertEquals(headers(computed), headers(keptByJersey), asked::toString);
            assertTrue(java.util.Arrays.equals(computed.body(), kept.body()), asked::toString);
            assertTrue(java.util.Arrays.equals(computed.body(), keptByJersey.body()), asked::toString);

            String tag = kept.headers().firstValue("ETag").orElseThrow();
            List<String> revalidated = new java.util.ArrayList<>(asked);
            revalidated.addAll(List.of("If-None-Match", "\"other\", " + tag));
            java.net.http.HttpResponse<byte[]> notModified = send(http, search, revalidated);
            java.net.http.HttpResponse<byte[]> notModifiedByJersey = send(http, search, refusingHtml(revalidated));
            assertEquals(304, notModified.statusCode(), asked::toString);
            assertEquals(0, notModified.body().length);
            assertEquals(headers(notModifiedByJersey), headers(notModified), asked::toString);
        }
    }

    /** The same headers with an Accept that refuses HTML beside JSON: the filter leaves it to Jersey. */
    private static List<String> refusingHtml(List<String> headers) {
        List<String> refusing = new java.util.ArrayList<>();
        String accept = "*/*";
        for (int i = 0; i < headers.size(); i += 2) {
            if (headers.get(i).equals("Accept")) {
                accept = headers.get(i + 1);
            } else {
                refusing.addAll(headers.subList(i, i + 2));
            }
        }
        refusing.addAll(List.of("Accept", accept + ", text/html;q=0"));
        return refusing;
    }

    private static java.net.http.HttpResponse<byte[]> send(java.net.http.HttpClient http, String path,
                                                           List<String> headers) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(TestSettings.baseUrl() + path.substring(1)));
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        return http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    /** An answer's headers as a client reads them: names in any case; the date left out. */
    private static Map<String, List<String>> headers(java.net.http.HttpResponse<byte[]> answer) {
        Map<String, List<String>> headers = new java.util.TreeMap<>();
        answer.headers().map().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("date")) {
                headers.put(name.toLowerCase(java.util.Locale.ROOT), values);
            }
        });
        return headers;
    }

    private static int hits(Answer search) {
        assertEquals(200, search.status(), search::toString);
        return ((List<?>) search.json().get("results")).size();
    }

    private static void sql(String statement) throws java.sql.SQLException {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(TestSettings.dbUrl(), "sejour",
                TestSettings.credential("db.password")); java.sql.Statement s = db.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void aQuoteIsItemisedWithSupplementAndPromoCode() {
        Properties owner = api.owner("api-quote", SITE, "PROD");
        Answer quote = api.post(account(owner) + "/quotes?lang=en", stay(owner, ",\"supplements\":{\""
                + owner.getProperty("cleaning") + "\":1},\"promoCode\":\"noel25\""));
        assertEquals(200, quote.status(), quote::toString);
        Map<String, Object> q = quote.json();
        assertEquals(true, q.get("bookable"));
        assertEquals("NOEL25", q.get("promoCodeApplied"));
        assertEquals("800.00", q.get("struckOutPrice"));
        // 800 − 25 % = 600, + 60 cleaning
        assertEquals("660.00", q.get("total"), quote::toString);
        String kinds = ((List<?>) q.get("lines")).stream().map(l -> ((Map<?, ?>) l).get("kind") + "=" + ((Map<?, ?>) l)
                .get("amount")).collect(Collectors.joining(","));
        assertEquals("ACCOMMODATION=800.00,PROMO_CODE=-200.00,SUPPLEMENT=60.00", kinds);

        Answer tooMany = api.post(account(owner) + "/quotes?lang=en", stay(owner, "").replace("\"Adulte\":2",
                "\"Adulte\":9"));
        assertEquals(200, tooMany.status(), tooMany::toString);
        assertEquals(false, tooMany.json().get("bookable"));
        assertTrue(tooMany.body().contains("ABOVE_MAXIMUM_CAPACITY"), tooMany.body());
    }

    @Test
    void aBookingIsCreatedOnceForRetriesAndFollowedByItsToken() {
        Properties owner = api.owner("api-book", SITE, "PROD");
        String key = PublicApiClient.key();
        String body = booking(owner, "Durand", "");
        java.time.Instant before = java.time.Instant.now();
        Answer created = api.post(account(owner) + "/bookings", body, "Idempotency-Key", key);
        assertEquals(201, created.status(), created::toString);
        Map<String, Object> dossier = created.json();
        String[] accepted = acceptedTerms(owner, ((Number) dossier.get("number")).intValue());
        assertEquals(api.get(account(owner) + "/terms").json().get("version"), accepted[0],
                "the dossier keeps the version of the terms the guest accepted");
        assertEquals(accepted[0], dossier.get("acceptedTermsVersion"), "and the answer says which");
        java.time.Instant acceptedAt = java.time.Instant.parse(accepted[1]);
        assertFalse(acceptedAt.isBefore(before.minusSeconds(1)) || acceptedAt.isAfter(java.time.Instant.now()),
                () -> "accepted at " + acceptedAt + ", the request was sent at " + before);
        assertEquals("OPTION", dossier.get("status"));
        assertEquals("800.00", dossier.get("total"));
        assertEquals("240.00", dossier.get("depositAmount"), "30 % arrhes by default");
        String token = (String) dossier.get("guestToken");
        assertEquals("/pay/" + token, dossier.get("paymentUrl"));
        assertEquals("/booking/" + token, dossier.get("statusUrl"));
        assertEquals(owner.getProperty("number") + "-" + dossier.get("number"), dossier.get("reference"));
        assertTrue(created.header("Location").endsWith("/api/v1/bookings/" + token), created.header("Location"));

        Answer retried = api.post(account(owner) + "/bookings", body, "Idempotency-Key", key);
        assertEquals(201, retried.status(), retried::toString);
        assertEquals(dossier.get("number"), retried.json().get("number"), "the retry answers the same dossier");

        Answer reused = api.post(account(owner) + "/bookings", booking(owner, "Martin", ""), "Idempotency-Key", key);
        assertEquals(422, reused.status(), reused::toString);

        Answer again = api.post(account(owner) + "/bookings", booking(owner, "Martin", ""), "Idempotency-Key",
                PublicApiClient.key());
        assertEquals(409, again.status(), again::toString);
        assertEquals("urn:sejour:problem:stay-taken", again.json().get("type"));

        Answer status = api.get("/api/v1/bookings/" + token);
        assertEquals(200, status.status(), status::toString);
        assertEquals(dossier.get("number"), status.json().get("number"));
        assertEquals("no-store", status.header("Cache-Control"));
        assertFalse(status.body().contains("anne@example.test"), "no guest details in the status");
        assertEquals(404, api.get("/api/v1/bookings/" + token.substring(1) + "x").status());
    }

    /**
     * Issue 16: balanceDue was a date on quotes and an amount on bookings. Each meaning now has
     * its own field; the old names stay, with the same values as before, marked deprecated in the
     * OpenAPI document.
     */
    @Test
    @SuppressWarnings("unchecked")
    void eachAmountHasItsOwnNameAndTheOldNamesStayDeprecated() {
        Properties owner = api.owner("api-amounts", SITE, "PROD");
        Map<String, Object> quote = api.post(account(owner) + "/quotes", stay(owner, "")).json();
        assertEquals("560.00", quote.get("balanceAmount"), "800.00 − the 240.00 deposit");
        assertEquals("2027-04-01", quote.get("balanceDueDate"), "30 days before arrival");
        assertEquals(quote.get("balanceDueDate"), quote.get("balanceDue"), "the old name: the same date");

        Answer created = api.post(account(owner) + "/bookings", booking(owner, "Durand", ""), "Idempotency-Key",
                PublicApiClient.key());
        assertEquals(201, created.status(), created::toString);
        Map<String, Object> booking = api.get("/api/v1/bookings/" + created.json().get("guestToken")).json();
        assertEquals("800.00", booking.get("total"));
        assertEquals("240.00", booking.get("depositAmount"));
        assertEquals("560.00", booking.get("balanceAmount"), "the balance: total − deposit");
        assertEquals("2027-04-01", booking.get("balanceDueDate"));
        assertEquals("0.00", booking.get("paid"));
        assertEquals("800.00", booking.get("remainingAmount"), "left to pay: total − paid");
        assertEquals("0.00", booking.get("amountToRefund"));
        assertEquals("800.00", booking.get("balanceDue"), "the old name: what is left to pay, as before");
        assertEquals(List.of(Long.parseLong(owner.getProperty("gite"))), ((List<Map<String, Object>>)
                booking.get("accommodations")).stream().map(a -> ((Number) a.get("id")).longValue()).toList());

        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) api.get("/openapi", "Accept",
                "application/json").json().get("components")).get("schemas");
        for (String schema : List.of("Quote", "Booking")) {
            Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) schemas.get(schema))
                    .get("properties");
            assertEquals(true, ((Map<String, Object>) properties.get("balanceDue")).get("deprecated"),
                    schema + ".balanceDue is marked deprecated: " + properties.get("balanceDue"));
            assertTrue(properties.containsKey("balanceDueDate") && properties.containsKey("balanceAmount"),
                    schema + " has the new names: " + properties.keySet());
        }
        Map<String, Object> booked = (Map<String, Object>) ((Map<String, Object>) schemas.get("Booking"))
                .get("properties");
        assertTrue(booked.containsKey("remainingAmount") && booked.containsKey("amountToRefund"), booked::toString);
    }

    /**
     * A night an imported calendar holds is not "just booked by someone else": its own 409, and
     * the nights named once, not a sentence per night.
     */
    @Test
    void aNightClosedByAnImportedCalendarGetsItsOwnConflictNamingTheNightsOnce() throws Exception {
        Properties owner = api.owner("api-channel", SITE, "PROD");
        String gite = owner.getProperty("gite");
        sql("insert into channel_feed (account_id, accommodation_id, name, url) values (" + owner.getProperty("accountId")
                + ", " + gite + ", 'Airbnb', 'https://airbnb.example.test/" + gite + ".ics')");
        sql("insert into channel_block (feed_id, accommodation_id, uid, fallback_key, first_night, departure, summary, "
                + "holds_nights) select id, " + gite + ", 'airbnb-1', 'k1', '2027-05-03', '2027-05-06', 'Reserved', true "
                + "from channel_feed where accommodation_id = " + gite);
        sql("insert into night_stock (accommodation_id, night, units, sold) select " + gite + ", d::date, 1, 1 "
                + "from generate_series('2027-05-03'::date, '2027-05-05'::date, interval '1 day') d");

        Answer refused = api.post(account(owner) + "/bookings?lang=en", booking(owner, "Durand", ""), "Idempotency-Key",
                PublicApiClient.key());
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("urn:sejour:problem:closed-by-channel", refused.json().get("type"));
        assertTrue(((String) refused.json().get("title")).contains("imported calendar"), refused::toString);
        String detail = (String) refused.json().get("detail");
        assertTrue(detail.contains("May 3, 2027") && detail.contains("May 5, 2027"), detail);
        assertEquals(1, detail.split("May 4, 2027", -1).length - 1, "each night named once: " + detail);

        Map<String, Object> quote = api.post(account(owner) + "/quotes?lang=en", stay(owner, "")).json();
        assertEquals(false, quote.get("bookable"));
        List<?> refusals = (List<?>) quote.get("refusals");
        assertEquals(1, refusals.size(), "one reason, not one per night: " + refusals);
        assertEquals("CLOSED_BY_CHANNEL", ((Map<?, ?>) refusals.get(0)).get("field"));
        assertTrue(String.valueOf(((Map<?, ?>) refusals.get(0)).get("message")).contains("May 4, 2027"), refusals::toString);
    }

    /**
     * A page with several widgets reads a new account's catalogue several times at once; its
     * default age ranges are made by the first read, and none of the others may fail on them.
     */
    @Test
    void theFirstReadsOfANewAccountAtOnceAllGetTheirAnswer() {
        Properties owner = api.owner("api-first", SITE, "PROD");
        String search = account(owner) + "/availability?arrival=2027-05-01&nights=7";
        List<Answer> answers = atOnce(Collections.nCopies(8, () -> new PublicApiClient().get(search)));
        assertEquals(List.of(200), answers.stream().map(Answer::status).distinct().toList(), answers::toString);
    }

    @Test
    void twoGuestsRacingForTheLastUnitGetOneBookingAndOneConflict() {
        Properties owner = api.owner("api-race", SITE, "PROD");
        List<Answer> answers = bookAtOnce(owner, List.of(booking(owner, "Durand", ""), booking(owner, "Martin", "")));
        List<Integer> statuses = answers.stream().map(Answer::status).sorted().toList();
        assertEquals(List.of(201, 409), statuses, answers::toString);
    }

    @Test
    void aSingleUseCodeSentTwiceAtOnceDiscountsOneBookingOnly() {
        Properties owner = api.owner("api-code-race", SITE, "PROD");
        String withCode = booking(owner, "Durand", ",\"promoCode\":\"UNIQUE10\"");
        List<Answer> answers = bookAtOnce(owner, List.of(withCode, withCode.replace("2027-05-01", "2027-05-08")));
        // the loser either finds the code spent when quoting (booked at full price) or when spending it (409)
        List<String> outcomes = answers.stream().map(a -> a.status() == 201 ? (String) a.json().get("total")
                : String.valueOf(a.status())).sorted().toList();
        assertTrue(outcomes.equals(List.of("409", "720.00")) || outcomes.equals(List.of("720.00", "800.00")),
                answers::toString);
    }

    @Test
    void badInputIsRefusedFieldByFieldAsProblemDetails() {
        Properties owner = api.owner("api-bad", SITE, "PROD");
        Answer badDate = api.get(account(owner) + "/availability?arrival=2027-13-01&nights=7&lang=en");
        assertEquals(400, badDate.status(), badDate::toString);
        assertTrue(badDate.header("Content-Type").startsWith("application/problem+json"), badDate.header("Content-Type"));
        assertEquals("arrival", field(badDate));
        assertEquals("nights", field(api.get(account(owner) + "/availability?arrival=2027-05-01&nights=-3")));
        assertEquals("nights", field(api.get(account(owner) + "/availability?arrival=2027-05-01&nights=abc")));
        assertEquals("lang", field(api.get(account(owner) + "?lang=xx")));
        assertEquals("month", field(api.get(account(owner) + "/calendar?accommodation=1&month=2027-5")));
        assertEquals("accommodation", field(api.get(account(owner) + "/calendar?month=2027-05")));

        Answer noKey = api.post(account(owner) + "/bookings", booking(owner, "Durand", ""));
        assertEquals(400, noKey.status(), noKey::toString);
        assertEquals("Idempotency-Key", field(noKey));

        Answer broken = api.post(account(owner) + "/quotes", "{\"accommodationId\": ");
        assertEquals(400, broken.status(), broken::toString);
        assertEquals("urn:sejour:problem:malformed-body", broken.json().get("type"));

        Answer wrongType = api.post(account(owner) + "/quotes", "{\"accommodationId\":\"abc\",\"nights\":7}");
        assertEquals(400, wrongType.status(), wrongType::toString);

        Answer negative = api.post(account(owner) + "/quotes?lang=en", stay(owner, "").replace("\"Adulte\":2",
                "\"Adulte\":-1"));
        assertEquals(400, negative.status(), negative::toString);
        assertEquals("party", field(negative));

        Answer huge = api.post(account(owner) + "/bookings", booking(owner, "D".repeat(5000), ""), "Idempotency-Key",
                PublicApiClient.key());
        assertEquals(400, huge.status(), huge::toString);
        assertEquals("guest.lastName", field(huge));
        assertEquals("Texte trop long.", ((Map<?, ?>) ((List<?>) huge.json().get("errors")).get(0)).get("message"),
                "French when the guest asks for no language");

        Answer staleTerms = api.post(account(owner) + "/bookings", booking(owner, "Durand", "").replaceAll(
                "\"acceptedTermsVersion\":\"[0-9a-f]+\"", "\"acceptedTermsVersion\":\"0000000000000000\""),
                "Idempotency-Key", PublicApiClient.key());
        assertEquals(400, staleTerms.status(), staleTerms::toString);
        assertEquals("acceptedTermsVersion", field(staleTerms));

        Answer phone = api.post(account(owner) + "/bookings", booking(owner, "Durand", ",\"origin\":\"PHONE\""),
                "Idempotency-Key", PublicApiClient.key());
        assertEquals("origin", field(phone));
        assertEquals(404, api.get("/api/v1/bookings/" + owner.getProperty("gite")).status());
    }

    @Test
    void anotherOwnersOrATestAccountsIdsAnswerNotFoundLikeNothing() {
        Properties owner = api.owner("api-one", SITE, "PROD");
        Properties other = api.owner("api-two", SITE, "PROD");
        Properties testing = api.owner("api-test", SITE, "TEST");
        Answer unknown = api.get("/api/v1/accounts/999999999");
        assertEquals(404, unknown.status(), unknown::toString);
        for (String path : List.of(account(testing), account(testing) + "/accommodations",
                account(owner) + "/accommodations/" + other.getProperty("gite"),
                account(owner) + "/accommodations/" + owner.getProperty("hidden"),
                account(owner) + "/calendar?month=2027-05&accommodation=" + other.getProperty("gite"),
                account(owner) + "/photos/1/large", "/api/v1/accounts/abc")) {
            Answer answer = api.get(path);
            assertEquals(404, answer.status(), path + " → " + answer);
            assertEquals(unknown.body(), answer.body(), "the same answer as an unknown account: " + path);
        }
        Answer foreignQuote = api.post(account(owner) + "/quotes", stay(other, ""));
        assertEquals(404, foreignQuote.status(), foreignQuote::toString);
        Answer foreignBooking = api.post(account(owner) + "/bookings", booking(owner, "Durand", "")
                .replace("\"accommodationId\":" + owner.getProperty("gite"), "\"accommodationId\":"
                        + other.getProperty("gite")), "Idempotency-Key", PublicApiClient.key());
        assertEquals(404, foreignBooking.status(), foreignBooking::toString);
        assertEquals(201, api.post(account(other) + "/bookings", booking(other, "Durand", ""), "Idempotency-Key",
                PublicApiClient.key()).status(), "the other owner's week was not taken");
    }

    @Test
    void onlyTheOwnersWebsiteGetsCorsHeaders() {
        Properties owner = api.owner("api-cors", SITE + "/nos-gites/", "PROD");
        Answer allowed = api.get(account(owner) + "/accommodations", "Origin", SITE);
        assertEquals(SITE, allowed.header("Access-Control-Allow-Origin"));
        assertTrue(allowed.header("Access-Control-Expose-Headers").contains("ETag"));

        Answer preflight = api.options(account(owner) + "/bookings", "Origin", SITE,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,idempotency-key");
        assertTrue(preflight.status() < 300, preflight::toString);
        assertEquals(SITE, preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Idempotency-Key"));

        Answer foreign = api.get(account(owner) + "/accommodations", "Origin", "http://evil.example.test");
        assertEquals(200, foreign.status());
        assertNull(foreign.header("Access-Control-Allow-Origin"));
        Properties noWebsite = api.owner("api-cors-none", "", "PROD");
        assertNull(api.get(account(noWebsite), "Origin", SITE).header("Access-Control-Allow-Origin"));
    }

    /**
     * The CORS headers come from the account's kept state, not from a read at each request; a new
     * website written behind the application's back reaches them within a second, kept answers
     * (served before Jersey) and Jersey's alike.
     */
    @Test
    void aNewWebsiteReachesTheCorsHeadersWithinASecond() throws java.sql.SQLException {
        Properties owner = api.owner("api-cors-moved", SITE, "PROD");
        String search = account(owner) + "/availability?arrival=2027-05-01&nights=7";
        String moved = "https://www.gites-rousseau.example.test";
        assertEquals(SITE, api.get(search, "Origin", SITE).header("Access-Control-Allow-Origin"));
        assertEquals(SITE, api.get(search, "Origin", SITE).header("Access-Control-Allow-Origin"), "kept");
        sql("update account set website = '" + moved + "/contact' where account_number = "
                + owner.getProperty("number"));
        fresh("a new website", () -> moved.equals(api.get(search, "Origin", moved).header("Access-Control-Allow-Origin"))
                && api.get(search, "Origin", SITE).header("Access-Control-Allow-Origin") == null
                && moved.equals(api.get(account(owner) + "/accommodations", "Origin", moved)
                .header("Access-Control-Allow-Origin")));
    }

    @Test
    void anAddressPastItsRateIsToldToRetryLater() throws IOException {
        Properties owner = api.owner("api-rate", SITE, "PROD");
        String path = account(owner);
        String limited = null;
        for (int i = 0; i < 2000 && limited == null; i++) {
            String head = PublicApiClient.rawGetFrom("127.0.0.77", path);
            if (head.startsWith("HTTP/1.1 429")) {
                limited = head;
            } else {
                assertTrue(head.startsWith("HTTP/1.1 200"), head);
            }
        }
        assertNotNull(limited, "no 429 after 2000 requests");
        assertTrue(limited.startsWith("HTTP/1.1 429 Too Many Requests\r\n"), "the standard reason phrase: " + limited);
        assertTrue(limited.toLowerCase().contains("retry-after: "), limited);
        assertTrue(limited.contains("application/problem+json"), limited);
        assertEquals(200, api.get(path).status(), "other addresses keep their own allowance");
    }

    @Test
    void theOpenApiDocumentDescribesTheApiAndPassesAnIndependentLinter() throws Exception {
        Answer document = api.get("/openapi", "Accept", "application/json");
        assertEquals(200, document.status(), document::toString);
        assertTrue(document.body().contains("/api/v1/accounts/{account}/bookings"), document.body());
        assertTrue(document.body().contains("Idempotency-Key"), document.body());
        Path file = Files.createTempFile(TestSettings.artifacts(), "openapi", ".json");
        Map<String, Object> openApi = document.json();
        // Payara adds a root "endpoints" list of its own, outside the OpenAPI schema: the rest is checked
        openApi.remove("endpoints");
        Files.writeString(file, new org.openqa.selenium.json.Json().toJson(openApi), StandardCharsets.UTF_8);
        String report = OpenApiLinter.lint(file);
        assertTrue(report.contains("Woohoo! Your API description is valid") || report.contains("is valid"), report);
    }

    @Test
    void aThousandMalformedRequestsGetNoServerErrorAndBookNothing() throws Exception {
        Properties owner = api.owner("api-sweep", SITE, "PROD");
        Properties other = api.owner("api-sweep-other", SITE, "PROD");
        BadInputSweep sweep = new BadInputSweep(20271225L, owner.getProperty("number"), other.getProperty("number"),
                Long.parseLong(owner.getProperty("gite")), Long.parseLong(other.getProperty("gite")),
                booking(owner, "Sweep", ""));
        List<BadInputSweep.Attempt> attempts = sweep.attempts(1000);
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < attempts.size(); i++) {
            BadInputSweep.Attempt attempt = attempts.get(i);
            // ten client addresses, so that the rate limit (per address) lets the whole sweep through
            int status = PublicApiClient.rawSendFrom("127.0.0." + (100 + i % 10), attempt.method(), attempt.path(),
                    attempt.idempotencyKey(), attempt.body());
            // the bar: no server error, no booking (a harmless mutation may still quote: 200)
            assertTrue(status < 500 && status != 201, () -> status + " for " + attempt);
            statuses.merge(status, 1, Integer::sum);
        }
        assertEquals(0, PublicApiClient.dossiersOf(owner) + PublicApiClient.dossiersOf(other), "nothing booked; statuses " + statuses);
        assertTrue(statuses.getOrDefault(400, 0) > 500 && statuses.containsKey(404), statuses::toString);
    }

    /** The terms version and acceptance time (ISO instant) stored on the owner's dossier of that number. */
    private static String[] acceptedTerms(Properties owner, int number) {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(TestSettings.dbUrl(), "sejour",
                TestSettings.credential("db.password"));
             java.sql.PreparedStatement read = db.prepareStatement("select terms_version, terms_accepted_at "
                     + "from dossier where account_id = ? and number = ?")) {
            read.setLong(1, Long.parseLong(owner.getProperty("accountId")));
            read.setInt(2, number);
            try (java.sql.ResultSet rows = read.executeQuery()) {
                assertTrue(rows.next(), "dossier " + number + " exists");
                java.sql.Timestamp at = rows.getTimestamp(2);
                return new String[]{rows.getString(1), at == null ? null : at.toInstant().toString()};
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the bookings at the same moment, each from its own client, and waits for every answer. */
    private static List<Answer> bookAtOnce(Properties owner, List<String> bodies) {
        return atOnce(bodies.stream().<Supplier<Answer>>map(body -> () -> new PublicApiClient().post(
                account(owner) + "/bookings", body, "Idempotency-Key", PublicApiClient.key())).toList());
    }

    /**
     * Sends the requests at the same moment, each from a thread of its own (the common pool has one
     * thread on a 2-core machine, which would send them one after the other), and waits for every answer.
     */
    private static List<Answer> atOnce(List<Supplier<Answer>> requests) {
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Answer>> racers = requests.stream().map(request -> CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return request.get();
            }, threads)).toList();
            start.countDown();
            return racers.stream().map(r -> r.orTimeout(120, TimeUnit.SECONDS).join()).toList();
        } finally {
            threads.shutdown();
        }
    }

    private static String field(Answer answer) {
        assertEquals(400, answer.status(), answer::toString);
        return (String) ((Map<?, ?>) ((List<?>) answer.json().get("errors")).get(0)).get("field");
    }
}
