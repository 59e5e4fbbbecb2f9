package org.sejour.domain.model.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;

import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageRuleTest {

    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
    private static final MessageRule.Wording FRENCH = new MessageRule.Wording("Votre arrivée le {arrival}",
            "Bonjour {firstName}, la clé est dans la boîte.");

    private static MessageRule.Draft draft(MessageEvent event, int days, Map<Language, MessageRule.Wording> texts) {
        return new MessageRule.Draft("  Accès  ", event, days, LocalTime.of(10, 0, 33), true, texts);
    }

    private static Map<Language, MessageRule.Wording> texts(Object... pairs) {
        Map<Language, MessageRule.Wording> texts = new EnumMap<>(Language.class);
        for (int i = 0; i < pairs.length; i += 2) {
            texts.put((Language) pairs[i], (MessageRule.Wording) pairs[i + 1]);
        }
        return texts;
    }

    @Test
    void keepsWhatTheOwnerWroteTrimmedAndToTheMinute() {
        MessageRule rule = MessageRule.create(7, draft(MessageEvent.BEFORE_ARRIVAL, 7, texts(Language.FR, FRENCH,
                Language.DE, new MessageRule.Wording("Anreise", "Hallo {guest}"),
                Language.IT, new MessageRule.Wording(" ", " "))), NOW);
        assertEquals("Accès", rule.name());
        assertEquals(7, rule.days());
        assertEquals(LocalTime.of(10, 0), rule.sendAt());
        assertEquals(Set.of(Language.FR, Language.DE), rule.languages(), "a language left blank is no text");
        assertEquals(List.of(Language.EN, Language.ES, Language.CA, Language.IT, Language.NL), rule.missingLanguages());
        assertEquals("Hallo {guest}", rule.wordingIn(Language.DE).orElseThrow().body());
        assertTrue(rule.enabled());
        rule.switchOn(false);
        assertFalse(rule.enabled());
    }

    @ParameterizedTest(name = "a guest reading {0} gets {2} when the rule is written in {1}")
    @CsvSource({
            "DE, FR EN DE, DE",
            "ES, FR EN DE, EN",
            "ES, FR DE, FR",
            "FR, FR EN, FR",
            "NL, FR NL, NL"})
    void guestsReadTheirLanguageElseEnglishElseFrench(Language guest, String written, Language expected) {
        Map<Language, MessageRule.Wording> texts = new EnumMap<>(Language.class);
        for (String code : written.split(" ")) {
            texts.put(Language.valueOf(code), new MessageRule.Wording("s " + code, "b " + code));
        }
        MessageRule rule = MessageRule.create(1, draft(MessageEvent.AFTER_DEPARTURE, 1, texts), NOW);
        assertEquals(expected, rule.languageFor(guest));
    }

    @Test
    void theArrivalDayHasNoOffset() {
        MessageRule rule = MessageRule.create(1, draft(MessageEvent.ARRIVAL_DAY, 5, texts(Language.FR, FRENCH)), NOW);
        assertEquals(0, rule.days());
    }

    @Test
    void everyRuleBrokenIsNamedWithItsFieldAndNothingChanges() {
        MessageRule rule = MessageRule.create(1, draft(MessageEvent.BEFORE_ARRIVAL, 7, texts(Language.FR, FRENCH)), NOW);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> rule.change(
                new MessageRule.Draft("", MessageEvent.BEFORE_ARRIVAL, 400, null, true, texts(
                        Language.DE, new MessageRule.Wording("Anreise {arival}", ""),
                        Language.EN, new MessageRule.Wording("", "Hello {guest}, see {wifi}")))));
        assertEquals(List.of("name:messages.error.name", "days:messages.error.days", "sendAt:messages.error.sendAt",
                        "subject_en:messages.error.subject", "body_en:messages.error.placeholder",
                        "subject_de:messages.error.placeholder", "body_de:messages.error.body",
                        "subject_fr:messages.error.french"),
                e.violations().stream().map(v -> v.field() + ":" + v.messageKey()).toList());
        assertEquals("Accès", rule.name(), "a refused change leaves the rule as it was");
        assertEquals(7, rule.days());
        assertEquals(Set.of(Language.FR), rule.languages());
    }

    @Test
    void placeholdersAreFilledAndAnUnknownWordIsLeftAsWritten() {
        String filled = MessagePlaceholder.fill("Hello {firstName}, {owed} by {nope} — {bookingLink}",
                p -> switch (p) {
                    case FIRST_NAME -> "Ana";
                    case OWED -> "€1,234.50 $1";
                    case BOOKING_LINK -> "https://x.example/booking/abc";
                    default -> "?";
                });
        assertEquals("Hello Ana, €1,234.50 $1 by {nope} — https://x.example/booking/abc", filled);
        assertEquals(Set.of("nope", "Wifi"), MessagePlaceholder.unknownIn("{guest} {nope} {Wifi} {arrival}"));
    }

    @Test
    void thePreArrivalLinkIsAPlaceholderAndOpensTheForm() {
        assertEquals(Set.of(), MessagePlaceholder.unknownIn("J-7 : {preArrivalLink}"));
        assertEquals("See https://x.example/booking/abc#pre-arrival",
                MessagePlaceholder.fill("See {preArrivalLink}", p -> p == MessagePlaceholder.PRE_ARRIVAL_LINK
                        ? org.sejour.application.message.MessageRendering.preArrivalForm("https://x.example/booking/abc")
                        : "?"));
    }
}
