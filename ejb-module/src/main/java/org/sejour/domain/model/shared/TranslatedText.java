package org.sejour.domain.model.shared;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A text an owner writes in French and may translate. Blank translations are dropped, and
 * reading a language that has none falls back to French.
 */
public final class TranslatedText {

    private final Map<Language, String> texts;

    private TranslatedText(Map<Language, String> texts) {
        this.texts = texts;
    }

    public static TranslatedText of(Map<Language, String> texts) {
        Objects.requireNonNull(texts, "texts are required");
        EnumMap<Language, String> kept = new EnumMap<>(Language.class);
        texts.forEach((language, text) -> {
            if (language != null && text != null && !text.isBlank()) {
                kept.put(language, text.strip());
            }
        });
        return new TranslatedText(Collections.unmodifiableMap(kept));
    }

    public static TranslatedText empty() {
        return new TranslatedText(Map.of());
    }

    public String in(Language language) {
        String text = texts.get(language);
        return text != null ? text : texts.getOrDefault(Language.FR, "");
    }

    /**
     * The text a reader of {@code language} gets from an owner: in their language when written
     * in it, else in English, else in French (docs/documents.md).
     */
    public String forReader(Language language) {
        Language written = isFilledIn(language) ? language : isFilledIn(Language.EN) ? Language.EN : Language.FR;
        return in(written);
    }

    public boolean isFilledIn(Language language) {
        return texts.containsKey(language);
    }

    public Set<Language> languages() {
        return texts.keySet();
    }

    public Map<Language, String> asMap() {
        EnumMap<Language, String> copy = new EnumMap<>(Language.class);
        copy.putAll(texts);
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TranslatedText that && texts.equals(that.texts);
    }

    @Override
    public int hashCode() {
        return texts.hashCode();
    }
}
