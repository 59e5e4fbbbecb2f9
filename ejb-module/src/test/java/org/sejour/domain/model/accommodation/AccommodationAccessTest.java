package org.sejour.domain.model.accommodation;

import org.junit.jupiter.api.Test;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.TranslatedText;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccommodationAccessTest {

    private final Accommodation gite = new Accommodation(new Account(100001, Instant.now()),
            AccommodationDetailsTest.details("Gîte du Moulin", 1, 4, null, null, null), Instant.now());

    @Test
    void instructionsAreReplacedAsAWholeAndReadInTheReadersLanguageElseEnglishElseFrench() {
        gite.giveAccess(TranslatedText.of(Map.of(Language.FR, "Code 4711", Language.DE, "Code 4711 (Tor)")));
        gite.giveAccess(TranslatedText.of(Map.of(Language.FR, "Code 1234", Language.EN, "Gate code 1234")));

        TranslatedText access = gite.access();
        assertEquals("Code 1234", access.forReader(Language.FR));
        assertEquals("Gate code 1234", access.forReader(Language.DE), "German was replaced: English");
        assertEquals("Gate code 1234", access.forReader(Language.NL));
        gite.giveAccess(TranslatedText.of(Map.of(Language.FR, "Code 1234")));
        assertEquals("Code 1234", gite.access().forReader(Language.NL), "no English: French");
        assertTrue(gite.details().description().isFilledIn(Language.FR), "the description is a separate text");
    }

    @Test
    void aTextLongerThanAllowedIsRefusedAndChangesNothing() {
        gite.giveAccess(TranslatedText.of(Map.of(Language.FR, "Code 4711")));
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> gite.giveAccess(
                TranslatedText.of(Map.of(Language.FR, "court", Language.IT, "x".repeat(Accommodation.MAX_ACCESS + 1)))));
        assertEquals("accommodation.access.tooLong", refused.messageKey());
        assertEquals("Code 4711", gite.access().forReader(Language.FR));
        assertEquals(1, gite.access().languages().size());
    }
}
