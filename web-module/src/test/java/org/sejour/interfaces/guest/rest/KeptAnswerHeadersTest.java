package org.sejour.interfaces.guest.rest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.domain.model.shared.Language;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the kept-answer filter reads a request's query and headers. Where it is unsure it must say
 * "not mine" (Jersey answers), never answer otherwise than Jersey would.
 */
class KeptAnswerHeadersTest {

    @Test
    void theQueryIsReadAsJerseyReadsItAndAnythingToDecodeIsLeftToJersey() {
        assertEquals(Map.of("arrival", List.of("2027-05-01"), "nights", List.of("7", "3"), "lang", List.of("")),
                KeptAnswerFilter.query("arrival=2027-05-01&nights=7&nights=3&lang&&"));
        assertEquals(Map.of("accommodation", List.of("12", "7", "12"), "month", List.of("2027-05")),
                KeptAnswerFilter.query("accommodation=12&month=2027-05&accommodation=7&accommodation=12"));
        assertEquals(Map.of(), KeptAnswerFilter.query(null));
        assertNull(KeptAnswerFilter.query("arrival=2027%2D05%2D01&nights=7"));
        assertNull(KeptAnswerFilter.query("lang=fr+en"));
        assertNull(KeptAnswerFilter.query("arrival=2027-05-01&nights=7;x"));
    }

    @ParameterizedTest(name = "Accept: {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL|true",
            "*/*|true",
            "application/json|true",
            "text/html, application/json;q=0.9|true",
            "Application/JSON|true",
            "text/html|false",
            "application/json;q=0|false",
            "application/json, */*;q=0.0|false",
            "image/*;q=0.5|false"})
    void aJsonAnswerIsServedOnlyWhereJerseyWouldServeOne(String accept, boolean served) {
        assertEquals(served, Cached.acceptsJson(accept));
    }

    @ParameterizedTest(name = "Accept-Encoding: {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL|false",
            "gzip|true",
            "gzip, deflate, br|true",
            "br;q=1.0, gzip;q=0.5|true",
            "gzip;q=0|false",
            "gzip; q=0.000|false",
            "deflate|false"})
    void gzipIsSentToClientsThatAcceptIt(String acceptEncoding, boolean zipped) {
        assertEquals(zipped, Cached.acceptsGzip(acceptEncoding));
    }

    @Test
    void ifNoneMatchNamesTheTagWeaklyOrAll() {
        String tag = "abc-gz";
        assertTrue(Cached.matches("\"abc-gz\"", tag));
        assertTrue(Cached.matches("\"x\", W/\"abc-gz\"", tag));
        assertTrue(Cached.matches("*", tag));
        assertFalse(Cached.matches("\"abc\"", tag), "the plain representation's tag is another");
        assertFalse(Cached.matches(null, tag));
        assertFalse(Cached.matches("abc-gz", tag), "a tag is quoted");
    }

    @ParameterizedTest(name = "Accept-Language: {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL|FR",
            "nl-BE,en;q=0.8|NL",
            "ja, de;q=0.2, en;q=0.5|EN",
            "en;q=0, it|IT",
            "*|FR",
            "garbage;;q=x|FR"})
    void theLanguageIsTheBestTheBrowserAcceptsThatSejourSpeaks(String acceptLanguage, Language expected) {
        assertEquals(expected, GuestLanguage.of(null, acceptLanguage));
    }

    @Test
    void aLanguageAskedInTheQueryComesFirst() {
        assertEquals(Language.DE, GuestLanguage.of("de", "en"));
    }
}
