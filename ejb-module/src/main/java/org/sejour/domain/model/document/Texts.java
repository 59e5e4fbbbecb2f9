package org.sejour.domain.model.document;

import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.TranslatedText;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** Reads and writes one field's translations in a flat collection of {@link DocumentText}s. */
final class Texts {

    static final int MAX_LENGTH = 20000;

    private Texts() {
    }

    static TranslatedText read(Collection<DocumentText> texts, Enum<?> field) {
        Map<Language, String> byLanguage = new EnumMap<>(Language.class);
        texts.stream().filter(t -> t.field().equals(field.name()))
                .forEach(t -> Language.fromCode(t.lang()).ifPresent(l -> byLanguage.put(l, t.text())));
        return TranslatedText.of(byLanguage);
    }

    /** Refuses a text the database would not hold, before anything is changed. */
    static void check(Map<? extends Enum<?>, TranslatedText> values) {
        values.forEach((field, value) -> value.asMap().values().forEach(text -> {
            if (text.length() > MAX_LENGTH) {
                throw new InvalidInputException(field.name(), "document.text.tooLong");
            }
        }));
    }

    /** Replaces the field's translations; TranslatedText has already dropped the blank ones. */
    static void write(Collection<DocumentText> texts, Enum<?> field, TranslatedText value) {
        texts.removeIf(t -> t.field().equals(field.name()));
        value.asMap().forEach((language, text) -> texts.add(new DocumentText(field.name(), language.code(), text)));
    }
}
