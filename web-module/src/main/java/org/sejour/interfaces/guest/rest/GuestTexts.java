package org.sejour.interfaces.guest.rest;

import org.sejour.domain.model.shared.Language;

import java.text.MessageFormat;
import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Guest-facing sentences of the API in the guest's language: the API's own bundle first, then
 * the back office's (which already words the engine's refusals and errors). A language without
 * its own file reads the French base, never the server's default locale.
 */
final class GuestTexts {

    private static final List<String> BUNDLES = List.of("org.sejour.interfaces.guest.rest.api",
            "org.sejour.interfaces.backoffice.i18n.messages");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private GuestTexts() {
    }

    static String text(Language language, String key, Object... arguments) {
        for (String name : BUNDLES) {
            ResourceBundle bundle = ResourceBundle.getBundle(name, language.locale(), GuestTexts.class.getClassLoader(),
                    NO_FALLBACK);
            if (bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                return arguments.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(arguments);
            }
        }
        throw new MissingResourceException("no text for " + key, GuestTexts.class.getName(), key);
    }

    /** The text, or {@code fallback} for a key no bundle has (labels of values added later). */
    static String textOr(Language language, String key, String fallback) {
        try {
            return text(language, key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}
