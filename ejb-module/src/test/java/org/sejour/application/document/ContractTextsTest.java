package org.sejour.application.document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.sejour.domain.model.document.GuestMail;
import org.sejour.domain.model.document.MailSettings;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.ChoiceFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seven bundles of contracts, mails and receipts: each has exactly the French base's keys,
 * each pattern takes the base's arguments and formats them (a lone apostrophe in a pattern
 * with arguments would silently quote the rest of the sentence), and amounts, dates and
 * hours read as each country writes them.
 */
class ContractTextsTest {

    static Properties own(Language language) throws IOException {
        String file = "/" + ContractTexts.BUNDLE.replace('.', '/')
                + (language == Language.FR ? "" : "_" + language.code()) + ".properties";
        try (InputStream in = ContractTextsTest.class.getResourceAsStream(file)) {
            assertNotNull(in, "no bundle " + file);
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyLanguageHasExactlyTheKeysOfTheFrenchBase(Language language) throws IOException {
        Set<String> base = new TreeSet<>(own(Language.FR).stringPropertyNames());
        Set<String> translated = new TreeSet<>(own(language).stringPropertyNames());
        Set<String> missing = new TreeSet<>(base);
        missing.removeAll(translated);
        Set<String> extra = new TreeSet<>(translated);
        extra.removeAll(base);
        assertTrue(missing.isEmpty() && extra.isEmpty(), language + " missing " + missing + ", extra " + extra);
        assertEquals(language, ContractTexts.in(language).language(), "no language falls back to another");
        translated.forEach(key -> assertFalse(own(language, key).isBlank(), language + " " + key + " is empty"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyPatternFormatsItsArgumentsAndKeepsItsApostrophes(Language language) throws IOException {
        ContractTexts texts = ContractTexts.in(language);
        Properties base = own(Language.FR);
        for (String key : base.stringPropertyNames()) {
            String pattern = texts.bundle().getString(key);
            int arguments = new MessageFormat(base.getProperty(key)).getFormatsByArgumentIndex().length;
            if (arguments == 0) {
                // returned as written: a doubled apostrophe would show doubled
                assertFalse(pattern.contains("''") || pattern.contains("{"), language + " " + key + ": " + pattern);
                continue;
            }
            Format[] formats = new MessageFormat(pattern, texts.locale()).getFormatsByArgumentIndex();
            assertEquals(arguments, formats.length, language + " " + key + " takes the base's arguments: " + pattern);
            List<Object> samples = new ArrayList<>();
            for (int i = 0; i < arguments; i++) {
                samples.add(formats[i] instanceof ChoiceFormat ? (Object) 3 : "⟨" + i + "⟩");
            }
            String text = texts.text(key, samples.toArray());
            String french = new MessageFormat(base.getProperty(key), Language.FR.locale()).format(samples.toArray());
            for (Object sample : samples) {
                if (sample instanceof String s) {
                    assertEquals(french.contains(s), text.contains(s), language + " " + key + " uses " + s
                            + " as the base does: " + text);
                }
            }
            assertFalse(text.contains("{") || text.contains("}"), language + " " + key + ": " + text);
            assertEquals(pattern.split("''", -1).length - 1, text.chars().filter(c -> c == '\'').count(),
                    language + " " + key + ": an apostrophe quoted part of the text: " + text);
        }
    }

    @Test
    void aLoneApostropheBeforeAnArgumentWouldBeCaughtByTheBraceCheck() {
        String broken = new MessageFormat("L'opzione {0} è scaduta", Language.IT.locale()).format(new Object[]{"x"});
        assertEquals("Lopzione {0} è scaduta", broken, "the argument is quoted away and the apostrophe lost");
        assertEquals("L'opzione x è scaduta",
                new MessageFormat("L''opzione {0} è scaduta", Language.IT.locale()).format(new Object[]{"x"}));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FR | 1 234,50 € | − 50,00 € | 1 mai 2027     | 17h00   | 9h05",
            "EN | €1,234.50  | −€50.00   | May 1, 2027    | 5:00 PM | 9:05 AM",
            "DE | 1.234,50 € | −50,00 €  | 1. Mai 2027    | 17:00   | 09:05",
            "ES | 1.234,50 € | −50,00 €  | 1 de mayo de 2027 | 17:00 | 9:05",
            "CA | 1.234,50 € | −50,00 €  | 1 de maig de 2027 | 17:00 | 9:05",
            "IT | 1.234,50 € | −50,00 €  | 1 maggio 2027  | 17:00   | 9:05",
            "NL | € 1.234,50 | € −50,00  | 1 mei 2027     | 17:00   | 09:05"})
    void amountsDatesAndHoursAsEachCountryWritesThem(Language language, String amount, String negative, String date,
                                                     String evening, String morning) {
        ContractTexts texts = ContractTexts.in(language);
        String written = texts.money(Money.of("1234.50"));
        assertFalse(written.contains("\u202F") || written.contains(" "), "only no-break spaces, which DejaVu has: " + written);
        assertEquals(amount, written.replace('\u00A0', ' '));
        assertEquals(negative, texts.money(Money.of("-50.00")).replace('\u00A0', ' '));
        assertEquals(date, texts.date(LocalDate.of(2027, 5, 1)));
        assertEquals(evening, texts.time(LocalTime.of(17, 0)));
        assertEquals(morning, texts.time(LocalTime.of(9, 5)));
    }

    @Test
    void aGermanAndADutchSentenceReadWhole() {
        ContractTexts de = ContractTexts.in(Language.DE);
        assertEquals("Anreise am 1. Mai 2027", de.text("arrival", de.date(LocalDate.of(2027, 5, 1))));
        assertEquals("zwischen 17:00 und 20:00 Uhr", de.text("arrivalHours", de.time(LocalTime.of(17, 0)), de.time(LocalTime.of(20, 0))));
        assertEquals("7 Nächte", de.text("nights", 7));
        assertEquals("1 Nacht", de.text("nights", 1));
        assertEquals("Restzahlung: 300,00 €", de.labelled(de.text("balance"), de.money(Money.of("300.00"))).replace('\u00A0', ' '));
        assertEquals("Solde : 300,00 €", ContractTexts.in(Language.FR).labelled("Solde", "300,00 €"));
        ContractTexts ca = ContractTexts.in(Language.CA);
        assertEquals("L'opció no s'ha confirmat abans de la data límit (1 de maig de 2027): la reserva queda anul·lada i les seves nits tornen a estar a la venda.",
                ca.text("mail.owner.optionExpired.intro", ca.date(LocalDate.of(2027, 5, 1))));
        assertEquals("huurovereenkomst-12.pdf", ContractTexts.in(Language.NL).text("mail.contract.fileName", "12"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aGuestWhoseLanguageTheOwnerEnabledIsWrittenToInIt(Language guest) {
        MailSettings settings = MailSettings.defaultsFor(1);
        settings.change(new MailSettings.Changes(GuestMail.CONTRACT, null, false, Set.of(guest), Map.of()));
        assertEquals(guest, ContractTexts.in(settings.languageFor(guest)).language());
    }

    private static String own(Language language, String key) {
        try {
            return own(language).getProperty(key);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
