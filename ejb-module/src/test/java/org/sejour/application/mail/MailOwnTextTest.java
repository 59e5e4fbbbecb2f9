package org.sejour.application.mail;

import org.junit.jupiter.api.Test;
import org.sejour.domain.model.document.GuestMail;
import org.sejour.domain.model.document.MailField;
import org.sejour.domain.model.document.MailSettings;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.TranslatedText;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The owner's own mail texts go out only in the language they were written in; else the built-in text does. */
class MailOwnTextTest {

    @Test
    void aTextWrittenInFrenchOnlyStaysOutOfADutchOrEnglishMail() {
        MailSettings settings = MailSettings.defaultsFor(1);
        settings.change(new MailSettings.Changes(GuestMail.CONTRACT, null, false, Set.of(Language.EN, Language.NL),
                Map.of(MailField.CONTRACT_INTRO, TranslatedText.of(Map.of(Language.FR, "Bonjour et merci !")),
                        MailField.CONTRACT_CLOSING, TranslatedText.of(Map.of(Language.FR, "À bientôt",
                                Language.NL, "Tot ziens")))));
        assertEquals(Optional.of("Bonjour et merci !"), MailComposer.own(settings, MailField.CONTRACT_INTRO, Language.FR));
        assertEquals(Optional.empty(), MailComposer.own(settings, MailField.CONTRACT_INTRO, Language.NL));
        assertEquals(Optional.empty(), MailComposer.own(settings, MailField.CONTRACT_INTRO, Language.EN));
        assertEquals(Optional.of("Tot ziens"), MailComposer.own(settings, MailField.CONTRACT_CLOSING, Language.NL));
    }
}
