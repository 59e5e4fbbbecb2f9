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
        return of(lang, acceptLanguage(headers));
    }

    /** The same from the Accept-Language header's text, for a servlet filter ({@link KeptAnswerFilter}). */
    static Language of(String lang, String acceptLanguage) {
        if (lang != null) {
            return Language.fromCode(lang.length() > 5 ? "" : lang)
                    .orElseThrow(() -> new InvalidInputException("lang", "api.lang.invalid"));
        }
        return fromAcceptLanguage(acceptLanguage).orElse(Language.FR);
    }

    /** The language of an error answer, which cannot fail itself: a bad {@code ?lang=} is passed over. */
    static Language ofError(String lang, HttpHeaders headers) {
        return Language.fromCode(lang).or(() -> fromHeaders(headers)).orElse(Language.FR);
    }

    /** The best language the browser accepts, for error messages too (which cannot fail themselves). */
    static Optional<Language> fromHeaders(HttpHeaders headers) {
        return fromAcceptLanguage(acceptLanguage(headers));
    }

    /**
     * The first of the header's languages, by weight, that Séjour speaks; ranges refused with
     * q=0 are passed over, and a malformed header counts as none.
     */
    static Optional<Language> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String tag = range.getRange();
                int dash = tag.indexOf('-');
                Optional<Language> language = range.getWeight() > 0
                        ? Language.fromCode(dash < 0 ? tag : tag.substring(0, dash)) : Optional.empty();
                if (language.isPresent()) {
                    return language;
                }
            }
        } catch (IllegalArgumentException e) {
            // a malformed Accept-Language header: the default language serves
        }
        return Optional.empty();
    }

    private static String acceptLanguage(HttpHeaders headers) {
        return headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
    }
}
