package org.sejour.domain.model.document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.TranslatedText;

import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentSettingsTest {

    @ParameterizedTest
    @CsvSource({
            // accepted besides French, guest's language -> language written in
            "'',    DE, FR",
            "EN,    DE, EN",
            "EN,    FR, FR",
            "'EN DE', DE, DE",
            "DE,    ES, FR",
            "DE,    EN, FR"})
    void theGuestsLanguageWhenAcceptedElseEnglishElseFrench(String accepted, Language guest, Language expected) {
        MailSettings settings = MailSettings.defaultsFor(1);
        Set<Language> languages = accepted.isBlank() ? Set.of()
                : Set.of(accepted.split(" ")).stream().map(Language::valueOf).collect(java.util.stream.Collectors.toSet());
        settings.change(new MailSettings.Changes(GuestMail.CONTRACT, null, false, languages, Map.of()));
        assertEquals(expected, settings.languageFor(guest));
    }

    @Test
    void aNewAccountWritesToForeignGuestsInEnglish() {
        assertEquals(Language.EN, MailSettings.defaultsFor(1).languageFor(Language.NL));
    }

    @Test
    void aCopyToAddressMustBeAnAddress() {
        MailSettings settings = MailSettings.defaultsFor(1);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> settings.change(
                new MailSettings.Changes(GuestMail.CONTRACT, "not an address", false, Set.of(), Map.of())));
        assertEquals("copyTo", e.violations().get(0).field());
        settings.change(new MailSettings.Changes(GuestMail.NOTIFICATION, " Copies@Example.TEST ", false, Set.of(), Map.of()));
        assertEquals("copies@example.test", settings.copyTo().orElseThrow());
        assertEquals(GuestMail.NOTIFICATION, settings.guestMail());
    }

    @Test
    void contractTextsAreFrenchWithOverridesAndBlankOnesDropped() {
        ContractSettings settings = ContractSettings.defaultsFor(1);
        settings.change(new ContractSettings.Changes(LocalTime.of(15, 0), LocalTime.of(18, 30), LocalTime.of(11, 0),
                true, false, Map.of(ContractField.SLOGAN, TranslatedText.of(Map.of(Language.FR, "Le calme",
                        Language.EN, "  ")), ContractField.SIGNATURE, TranslatedText.of(Map.of(Language.FR, "Hélène",
                        Language.EN, "Helen")))));
        assertEquals("Le calme", settings.text(ContractField.SLOGAN).in(Language.EN), "falls back to French");
        assertFalse(settings.text(ContractField.SLOGAN).isFilledIn(Language.EN));
        assertEquals("Helen", settings.text(ContractField.SIGNATURE).in(Language.EN));
        assertEquals("", settings.text(ContractField.TERMS).in(Language.FR));
        assertTrue(settings.showPhotos());
        assertFalse(settings.showTerms());
        assertEquals(LocalTime.of(18, 30), settings.arrivalUntil().orElseThrow());

        settings.change(new ContractSettings.Changes(null, null, null, true, true, Map.of()));
        assertTrue(settings.text(ContractField.SIGNATURE).languages().isEmpty(), "a save replaces every text");
    }

    @Test
    void arrivalHoursCannotEndBeforeTheyStart() {
        ContractSettings settings = ContractSettings.defaultsFor(1);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> settings.change(
                new ContractSettings.Changes(LocalTime.of(18, 0), LocalTime.of(16, 0), null, true, true, Map.of())));
        assertEquals("arrivalUntil", e.violations().get(0).field());
        assertEquals(LocalTime.of(16, 0), settings.arrivalFrom().orElseThrow(), "nothing half-changed");
    }

    @Test
    void aLogoHasALimit() {
        ContractSettings settings = ContractSettings.defaultsFor(1);
        assertThrows(IllegalArgumentException.class, () -> settings.replaceLogo(new byte[ContractSettings.MAX_LOGO_BYTES + 1]));
        settings.replaceLogo(new byte[]{1, 2, 3});
        assertEquals(3, settings.logo().orElseThrow().length);
        settings.replaceLogo(null);
        assertTrue(settings.logo().isEmpty());
    }
}
