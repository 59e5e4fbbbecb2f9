package org.sejour.interfaces.guest.rest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CorsFilterTest {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "https://www.gite-des-lauriers.fr/contact, https://www.gite-des-lauriers.fr",
            "HTTP://Example.TEST:8123/, http://example.test:8123",
            "www.gite.fr, https://www.gite.fr",
            "ftp://files.example.test, none",
            "'', none",
            "'https://', none"})
    void theDeclaredWebsiteGivesItsOrigin(String website, String origin) {
        assertEquals(Optional.ofNullable(origin), CorsFilter.originOf(website));
    }
}
