package org.sejour.interfaces.backoffice.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.SejourException;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Turns message keys into Faces messages in the user's language. Forms name their inputs
 * after the fields of the domain, so a violation lands next to its field.
 */
public final class Faces {

    public static final String BUNDLE = "org.sejour.interfaces.backoffice.i18n.messages";
    /** the rules' messages, shared with Bean Validation */
    public static final String VALIDATION_BUNDLE = "ValidationMessages";

    private Faces() {
    }

    public static String text(String key, Object... args) {
        FacesContext context = FacesContext.getCurrentInstance();
        Locale locale = context.getViewRoot() != null ? context.getViewRoot().getLocale()
                : context.getApplication().getDefaultLocale();
        String pattern = lookup(BUNDLE, key, locale);
        if (pattern == null) {
            pattern = lookup(VALIDATION_BUNDLE, key, locale);
        }
        if (pattern == null) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    private static String lookup(String bundle, String key, Locale locale) {
        try {
            return ResourceBundle.getBundle(bundle, locale).getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    public static void info(String key, Object... args) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, args), null));
    }

    public static void error(String clientId, String key, Object... args) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, args), null));
    }

    /** Shows a business error: field violations next to their inputs in {@code formId}, others on top. */
    public static void show(String formId, SejourException e) {
        if (e instanceof InvalidInputException invalid) {
            invalid.violations().forEach(v -> error(formId + ":" + v.field(), v.messageKey()));
            FacesContext.getCurrentInstance().validationFailed();
        } else {
            error(null, e.messageKey(), e.arguments().toArray());
        }
    }

    /** Answers 404 for another owner's (or a missing) object, as if it did not exist. */
    public static void notFound() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            context.getExternalContext().responseSendError(404, text("error.notFound.page"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        context.responseComplete();
    }

    /** Redirects with a message the next page shows (kept in the flash across the redirect). */
    public static void redirect(String path, String key, Object... args) {
        info(key, args);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        redirect(path);
    }

    public static void redirect(String path) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            context.getExternalContext().redirect(context.getExternalContext().getRequestContextPath() + path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A day given in an address as 2027-05-01, or nothing when absent or not a date. */
    public static java.util.Optional<java.time.LocalDate> isoDate(String iso) {
        try {
            return iso == null || iso.isBlank() ? java.util.Optional.empty()
                    : java.util.Optional.of(java.time.LocalDate.parse(iso.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** Answers the request with a file to save (an export), never cached, and ends the Faces lifecycle. */
    public static void attachment(String fileName, String contentType, byte[] content) {
        FacesContext context = FacesContext.getCurrentInstance();
        jakarta.faces.context.ExternalContext external = context.getExternalContext();
        external.responseReset();
        external.setResponseContentType(contentType);
        external.setResponseContentLength(content.length);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        external.setResponseHeader("Cache-Control", "private, no-store");
        try {
            external.getResponseOutputStream().write(content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        context.responseComplete();
    }
}
