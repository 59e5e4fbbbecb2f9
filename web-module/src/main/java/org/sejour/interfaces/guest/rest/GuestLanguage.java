package org.sejour.interfaces.guest.rest;

import jakarta.ws.rs.core.HttpHeaders;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;

import java.util.Locale;
import java.util.Optional;

/** The guest's language: {@code ?lang=} first, then the browser's Accept-Language, then French. */
final class GuestLanguage {

    private GuestLanguage() {
    }

    static Language of(String lang, HttpHeaders headers) {
        if (lang != null) {
            return Language.fromCode(lang.length() > 5 ? "" : lang)
                    .orElseThrow(() -> new InvalidInputException("lang", "api.lang.invalid"));
        }
        return fromHeaders(headers).orElse(Language.FR);
    }

    /** The language of an error answer, which cannot fail itself: a bad {@code ?lang=} is passed over. */
    static Language ofError(String lang, HttpHeaders headers) {
        return Language.fromCode(lang).or(() -> fromHeaders(headers)).orElse(Language.FR);
    }

    /** The best language the browser accepts, for error messages too (which cannot fail themselves). */
    static Optional<Language> fromHeaders(HttpHeaders headers) {
        if (headers == null) {
            return Optional.empty();
        }
        try {
            for (Locale locale : headers.getAcceptableLanguages()) {
                Optional<Language> language = Language.fromCode(locale.getLanguage());
                if (language.isPresent()) {
                    return language;
                }
            }
        } catch (RuntimeException e) {
            // a malformed Accept-Language header: the default language serves
        }
        return Optional.empty();
    }
}
