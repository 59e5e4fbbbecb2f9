package org.sejour.interfaces.backoffice.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The history's actors and details as Dossier records them, put into the viewer's words by the real bundles. */
class DossierHistoryTextsTest {

    private static Optional<String> bundle(String key, Locale locale) {
        try {
            return Optional.of(ResourceBundle.getBundle(Faces.BUNDLE, locale).getString(key));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fr | 150.00 € transfer                  | 150,00 € Virement",
            "en | 150.00 € transfer                  | €150.00 Bank transfer",
            "fr | 1250.00 € cheque                   | 1 250,00 € Chèque",
            "fr | 80.00 €                            | 80,00 €",
            "fr | 80.00 € Stripe – duplicate charge  | 80,00 € Stripe – duplicate charge",
            "fr | option expired                     | option expirée",
            "de | option expired                     | Option abgelaufen",
            "fr | Changement de programme            | Changement de programme",
    })
    void detailsInTheViewersLanguage(String language, String stored, String shown) {
        assertEquals(shown, DossierHistoryTexts.detail(stored, DossierHistoryTextsTest::bundle,
                Locale.forLanguageTag(language)).replace('\u202f', ' ').replace('\u00a0', ' '));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fr | guest                  | le client",
            "en | system                 | the system",
            "fr | camille@example.test   | camille@example.test",
    })
    void actorsThatAreRolesAreNamed(String language, String stored, String shown) {
        assertEquals(shown, DossierHistoryTexts.actor(stored, DossierHistoryTextsTest::bundle,
                Locale.forLanguageTag(language)));
    }
}
