package org.sejour.it.guest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated malformed requests for the public API, every one of which must be refused: broken
 * JSON, wrong types, huge strings, bad dates, negative counts, unknown fields, other accounts'
 * ids, bad headers. A seeded random source, so that a failure can be replayed.
 */
final class BadInputSweep {

    record Attempt(String method, String path, String idempotencyKey, byte[] body) {
        @Override
        public String toString() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + path + " key=" + idempotencyKey + " " + text.substring(0, Math.min(300, text.length()));
        }
    }

    private static final String[] BAD_TEXTS = {"", " ", "null", "-1", "0", "99999999999999999999", "2027-02-30",
            "2027-5-1", "01/05/2027", "1e309", "abc", "'; drop table dossier; --", "<script>alert(1)</script>",
            "%00", "\u0000", "ünïcödé", "2027-05-01T00:00", "1900-01-01", "9999-12-31", "x".repeat(5000)};
    private static final String[] BAD_VALUES = {"null", "-1", "-2147483649", "9223372036854775808", "1.5", "true",
            "\"abc\"", "[]", "{}", "[1,2]", "{\"a\":{}}", "\"" + "y".repeat(20_000) + "\"", "\"2027-13-45\"", "\"\""};

    private final Random random;
    private final String account;
    private final String otherAccount;
    private final long gite;
    private final long otherGite;
    private final String validStay;
    private final String validBooking;

    BadInputSweep(long seed, String account, String otherAccount, long gite, long otherGite, String validBooking) {
        this.random = new Random(seed);
        this.account = account;
        this.otherAccount = otherAccount;
        this.gite = gite;
        this.otherGite = otherGite;
        this.validBooking = validBooking;
        this.validStay = "{\"accommodationId\":" + gite + ",\"arrival\":\"2027-05-01\",\"nights\":7,"
                + "\"party\":{\"Adulte\":2}}";
    }

    List<Attempt> attempts(int count) {
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            attempts.add(switch (i % 6) {
                case 0 -> badQuery();
                case 1 -> new Attempt("POST", api("/quotes"), null, bytes(brokenJson(validStay)));
                case 2 -> new Attempt("POST", api("/quotes"), null, bytes(wrongValue(validStay)));
                case 3 -> new Attempt("POST", api("/bookings"), key(), bytes(invalidBooking()));
                case 4 -> new Attempt("POST", api("/bookings"), badKey(), bytes(validBooking));
                default -> foreign();
            });
        }
        return attempts;
    }

    private Attempt badQuery() {
        String text = encode(pick(BAD_TEXTS));
        String path = switch (random.nextInt(5)) {
            case 0 -> api("/availability?arrival=" + text + "&nights=7");
            case 1 -> api("/availability?arrival=2027-05-01&nights=" + text + "&flexDays=" + encode(pick(BAD_TEXTS)));
            case 2 -> api("/calendar?month=" + text + "&accommodation=" + gite);
            case 3 -> api("/calendar?month=2027-05&accommodation=" + text);
            default -> api("/accommodations/" + text + "?lang=" + encode(pick(BAD_TEXTS)));
        };
        return new Attempt("GET", path, null, null);
    }

    private String brokenJson(String json) {
        return switch (random.nextInt(4)) {
            case 0 -> json.substring(0, random.nextInt(json.length() - 1));
            case 1 -> json.replace(":", random.nextBoolean() ? "=" : "::");
            case 2 -> json + "}";
            default -> "[" + json;
        };
    }

    /** One field's value replaced by a value of another type or beyond its limits. */
    private String wrongValue(String json) {
        String[] fields = {"accommodationId", "arrival", "nights", "party", "supplements", "promoCode", "Adulte"};
        String field = pick(fields);
        int at = json.indexOf("\"" + field + "\":");
        String value = pick(BAD_VALUES);
        if (at < 0) {
            return json.substring(0, json.length() - 1) + ",\"" + field + "\":" + value + "}";
        }
        int start = at + field.length() + 3;
        int end = valueEnd(json, start);
        return json.substring(0, start) + value + json.substring(end);
    }

    /** A booking with at least one invalid field, plus noise (unknown fields) that must not make it valid. */
    private String invalidBooking() {
        String json = wrongValue(validBooking);
        if (random.nextBoolean()) {
            json = json.substring(0, json.length() - 1) + ",\"unknown" + random.nextInt(100) + "\":" + pick(BAD_VALUES) + "}";
        }
        // stale terms whatever else happens: no attempt can book, even if a mutation happened to be harmless
        json = json.replace("\"acceptedTermsVersion\":\"", "\"acceptedTermsVersion\":\"stale");
        return switch (random.nextInt(4)) {
            case 0 -> json.replace("\"email\":\"anne@example.test\"", "\"email\":\"not-an-email\"");
            case 1 -> json.replace("\"lastName\":\"Sweep\"", "\"lastName\":\"" + "z".repeat(81) + "\"");
            case 2 -> json.replace("\"Adulte\":2", "\"Adulte\":-" + (1 + random.nextInt(5)));
            default -> json.replace("\"arrival\":\"2027-05-01\"", "\"arrival\":\"" + pick(BAD_TEXTS).replace("\"", "")
                    .replace("\\", "") + "x\"");
        };
    }

    private String badKey() {
        return switch (random.nextInt(3)) {
            case 0 -> "short";
            case 1 -> "k".repeat(101);
            default -> "bad key with spaces";
        };
    }

    private Attempt foreign() {
        return switch (random.nextInt(3)) {
            case 0 -> new Attempt("GET", api("/accommodations/" + otherGite), null, null);
            case 1 -> new Attempt("POST", api("/quotes"), null, bytes(validStay.replace(":" + gite + ",", ":" + otherGite + ",")));
            default -> new Attempt("POST", "/api/v1/accounts/" + otherAccount + "/bookings", key(),
                    bytes(validBooking));
        };
    }

    private static int valueEnd(String json, int start) {
        int depth = 0;
        boolean quoted = false;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"' && json.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && (c == '{' || c == '[')) {
                depth++;
            } else if (!quoted && (c == '}' || c == ']')) {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (!quoted && c == ',' && depth == 0) {
                return i;
            }
        }
        return json.length();
    }

    private String api(String path) {
        return "/api/v1/accounts/" + account + path;
    }

    private String key() {
        return "sweep-" + random.nextLong();
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
