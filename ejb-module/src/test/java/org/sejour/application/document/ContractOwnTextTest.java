package org.sejour.application.document;

import org.junit.jupiter.api.Test;
import org.sejour.domain.model.document.ContractField;
import org.sejour.domain.model.document.ContractSettings;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.TranslatedText;

import java.time.LocalTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which of the owner's own contract texts a guest reads: theirs, else the English one, else the French one. */
class ContractOwnTextTest {

    static ContractSettings settings(Map<Language, String> remarks) {
        ContractSettings settings = ContractSettings.defaultsFor(7);
        settings.change(new ContractSettings.Changes(LocalTime.of(16, 0), LocalTime.of(19, 0), LocalTime.of(10, 0),
                false, false, Map.of(ContractField.ARRIVAL_REMARKS, TranslatedText.of(remarks))));
        return settings;
    }

    @Test
    void theGuestsLanguageThenEnglishThenFrench() {
        ContractSettings all = settings(Map.of(Language.FR, "Sonnez à la ferme", Language.EN, "Ring at the farm",
                Language.DE, "Bitte am Hof klingeln"));
        assertEquals("Bitte am Hof klingeln", ContractService.text(all, ContractField.ARRIVAL_REMARKS, Language.DE));
        assertEquals("Ring at the farm", ContractService.text(all, ContractField.ARRIVAL_REMARKS, Language.NL));
        assertEquals("Sonnez à la ferme", ContractService.text(all, ContractField.ARRIVAL_REMARKS, Language.FR));

        ContractSettings french = settings(Map.of(Language.FR, "Sonnez à la ferme"));
        assertEquals("Sonnez à la ferme", ContractService.text(french, ContractField.ARRIVAL_REMARKS, Language.IT));
        assertNull(ContractService.text(settings(Map.of()), ContractField.ARRIVAL_REMARKS, Language.ES));
    }
}
