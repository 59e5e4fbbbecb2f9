package org.sejour.interfaces.backoffice.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.sejour.domain.model.shared.Language;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The back office language, one of the seven Séjour speaks: the first of the browser's preferred
 * languages that is one of them, French otherwise; switchable for the session.
 */
@Named
@SessionScoped
public class LocaleSelection implements Serializable {

    private static final long serialVersionUID = 1L;

    private Language language;

    public Locale getLocale() {
        if (language == null) {
            language = preferred(FacesContext.getCurrentInstance().getExternalContext().getRequestLocales());
        }
        return language.locale();
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /** For the switch's select: a language code outside the seven is ignored. */
    public void setLanguage(String code) {
        switchTo(code);
    }

    public void switchTo(String code) {
        Language.fromCode(code).ifPresent(chosen -> {
            language = chosen;
            FacesContext.getCurrentInstance().getViewRoot().setLocale(chosen.locale());
        });
    }

    /** The seven languages, French first; each shows itself by {@link Language#nativeName()}. */
    public List<Language> getLanguages() {
        return Arrays.asList(Language.values());
    }

    /** The first of the browser's languages (Accept-Language, in its order) that is one of the seven, else French. */
    static Language preferred(Iterator<Locale> requested) {
        // "nl-BE, en;q=0.8" gives Dutch; "pt-BR, ca;q=0.9" gives Catalan
        while (requested.hasNext()) {
            Optional<Language> known = Language.fromCode(requested.next().getLanguage());
            if (known.isPresent()) {
                return known.get();
            }
        }
        return Language.FR;
    }
}
