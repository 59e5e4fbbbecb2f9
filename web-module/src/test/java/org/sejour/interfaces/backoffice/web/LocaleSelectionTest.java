package org.sejour.interfaces.backoffice.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.domain.model.shared.Language;

import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LocaleSelectionTest {

    /** Accept-Language as the container hands it over: the browser's languages, preferred first. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "nl-BE,en;NL",
            "de-AT;DE",
            "pt-BR,ca,en;CA",
            "it-CH,fr;IT",
            "ja,zh;FR",
            "en-GB,fr-FR;EN",
            "es-419;ES"})
    void choosesTheFirstOfTheBrowsersLanguagesThatIsOneOfTheSeven(String acceptLanguage, Language expected) {
        var locales = Arrays.stream(acceptLanguage.split(",")).map(Locale::forLanguageTag).iterator();
        assertEquals(expected, LocaleSelection.preferred(locales));
    }

    @Test
    void frenchWhenTheBrowserSaysNothing() {
        assertEquals(Language.FR, LocaleSelection.preferred(Collections.emptyIterator()));
    }
}
