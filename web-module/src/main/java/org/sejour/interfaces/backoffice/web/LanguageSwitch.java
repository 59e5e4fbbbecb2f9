package org.sejour.interfaces.backoffice.web;

import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.TranslatedText;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The language a translatable field currently edits (tag s:translations), and which languages
 * are filled in. It watches the form's maps, so the tick follows what the owner typed.
 */
public final class LanguageSwitch implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<EnumMap<Language, String>> watched;
    private Language language = Language.FR;

    @SafeVarargs
    public LanguageSwitch(EnumMap<Language, String>... texts) {
        this.watched = List.of(texts);
    }

    /** A map a form binds its inputs to, filled with the given texts. */
    public static EnumMap<Language, String> editable(TranslatedText text) {
        EnumMap<Language, String> map = new EnumMap<>(Language.class);
        map.putAll(Objects.requireNonNull(text, "text is required").asMap());
        return map;
    }

    public static EnumMap<Language, String> editable(Map<Language, String> texts) {
        EnumMap<Language, String> map = new EnumMap<>(Language.class);
        texts.forEach((language, text) -> {
            if (text != null) {
                map.put(language, text);
            }
        });
        return map;
    }

    public void switchTo(Language target) {
        language = Objects.requireNonNull(target, "language is required");
    }

    public Language getLanguage() {
        return language;
    }

    public boolean isFilledIn(Language candidate) {
        return watched.stream().anyMatch(texts -> {
            String text = texts.get(candidate);
            return text != null && !text.isBlank();
        });
    }
}
