package org.sejour.domain.model.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages of translatable texts, French first: it is the fallback. */
public enum Language {
    FR, EN, DE, ES, CA, IT, NL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    /** The language's name in itself, as language switches show it to those who read it. */
    public String nativeName() {
        return switch (this) {
            case FR -> "Français";
            case EN -> "English";
            case DE -> "Deutsch";
            case ES -> "Español";
            case CA -> "Català";
            case IT -> "Italiano";
            case NL -> "Nederlands";
        };
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.code().equals(wanted)).findFirst();
    }
}
