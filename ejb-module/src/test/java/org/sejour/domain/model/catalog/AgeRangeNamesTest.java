package org.sejour.domain.model.catalog;

import org.junit.jupiter.api.Test;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.TranslatedText;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AgeRangeNamesTest {

    @Test
    void aPartyIsReadInTheGuestsLanguageElseEnglishElseFrenchAndADeletedRangeByItsFrenchLabel() {
        List<CatalogAgeRange> ranges = CatalogAgeRange.defaultsFor(100001);
        CatalogAgeRange teen = new CatalogAgeRange(100001, "Adolescent", 13, 17, false, 3);
        teen.rename(TranslatedText.of(Map.of(Language.FR, "Adolescent", Language.EN, "Teenager")));
        List<CatalogAgeRange> all = List.of(ranges.get(0), ranges.get(1), ranges.get(2), teen);

        AgeRangeNames german = new AgeRangeNames(all, Language.DE);
        assertEquals("Erwachsener", german.of("Adulte"));
        assertEquals("Kleinkind", german.of("Bébé"));
        assertEquals("Teenager", german.of("Adolescent"), "no German name: English");
        assertEquals("Senior", german.of("Senior"), "a range deleted since the booking");
        assertEquals("Adolescent", new AgeRangeNames(all, Language.FR).of("Adolescent"));
        assertEquals("Nen", new AgeRangeNames(List.of(named("Enfant", Language.CA, "Nen")), Language.CA).of("Enfant"));
    }

    @Test
    void renamingRequiresFrenchAndKeepsEveryNameShort() {
        CatalogAgeRange range = CatalogAgeRange.defaultsFor(100001).get(0);
        assertEquals("ageRange.label.required", assertThrows(InvalidInputException.class,
                () -> range.rename(TranslatedText.of(Map.of(Language.EN, "Adult")))).messageKey());
        assertEquals("ageRange.label.tooLong", assertThrows(InvalidInputException.class,
                () -> range.rename(TranslatedText.of(Map.of(Language.FR, "Adulte", Language.IT, "a".repeat(61)))))
                .messageKey());
        assertEquals("Erwachsener", range.labelIn(Language.DE), "a refused renaming changes nothing");
        range.rename(TranslatedText.of(Map.of(Language.FR, "Grand")));
        assertEquals("Grand", range.label());
        assertEquals("Grand", range.labelIn(Language.DE), "the other names were replaced too");
    }

    private static CatalogAgeRange named(String french, Language language, String name) {
        CatalogAgeRange range = new CatalogAgeRange(100001, french, 0, 17, false, 0);
        range.rename(TranslatedText.of(Map.of(Language.FR, french, language, name)));
        return range;
    }
}
