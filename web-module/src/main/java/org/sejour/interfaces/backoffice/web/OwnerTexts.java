package org.sejour.interfaces.backoffice.web;

import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.TranslatedText;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The owner's texts of a settings page (contract parts, mail texts) in the seven languages, one
 * text per field and language: French, which the owner always writes, beside one other language
 * the owner chooses to write or check. Each language tells how many fields it has a version of,
 * so the page can show which languages are missing.
 *
 * @param <F> the page's fields
 */
public final class OwnerTexts<F extends Enum<F>> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Class<F> fields;
    private final EnumMap<Language, HashMap<String, String>> texts = new EnumMap<>(Language.class);
    private Language other = Language.EN;

    public OwnerTexts(Class<F> fields, Map<F, TranslatedText> stored) {
        this.fields = Objects.requireNonNull(fields, "fields are required");
        for (Language language : Language.values()) {
            texts.put(language, new HashMap<>());
        }
        stored.forEach((field, text) -> text.asMap().forEach((language, written) ->
                texts.get(language).put(field.name(), written)));
    }

    /** The texts to save: what the page holds, in every language. */
    public Map<F, TranslatedText> toTexts() {
        Map<F, TranslatedText> result = new EnumMap<>(fields);
        for (F field : fields.getEnumConstants()) {
            Map<Language, String> byLanguage = new EnumMap<>(Language.class);
            texts.forEach((language, written) -> byLanguage.put(language, written.get(field.name())));
            result.put(field, TranslatedText.of(byLanguage));
        }
        return result;
    }

    /** Writes the other language from now on (what was typed in the current one is kept). */
    public void choose(Language language) {
        other = Objects.requireNonNull(language, "language is required") == Language.FR ? Language.EN : language;
    }

    /** How many fields have a version in that language. */
    public int filled(Language language) {
        return (int) texts.get(language).values().stream().filter(t -> t != null && !t.isBlank()).count();
    }

    /** The languages other than French with no text at all: their guests read English, else French. */
    public List<Language> getMissing() {
        return getOthers().stream().filter(l -> filled(l) == 0).toList();
    }

    public List<Language> getOthers() {
        return Arrays.stream(Language.values()).filter(l -> l != Language.FR).toList();
    }

    public Map<String, String> getFrench() { return texts.get(Language.FR); }
    public Map<String, String> getOtherTexts() { return texts.get(other); }
    public Language getOther() { return other; }
}
