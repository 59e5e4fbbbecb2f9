package org.sejour.interfaces.web;

import jakarta.servlet.http.HttpServletRequest;
import org.sejour.domain.model.shared.Language;

import java.util.Collections;
import java.util.Optional;

/** The languages a request asks for, as a plain servlet sees them. */
public final class RequestLanguage {

    private RequestLanguage() {
    }

    /** The first language of the browser's Accept-Language that Séjour speaks. */
    public static Optional<Language> accepted(HttpServletRequest request) {
        return Collections.list(request.getLocales()).stream()
                .map(l -> Language.fromCode(l.getLanguage())).flatMap(Optional::stream).findFirst();
    }
}
