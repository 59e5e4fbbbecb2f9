package org.sejour.interfaces.site.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.sejour.domain.model.shared.Money;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The booking site's texts, amounts and dates in the guest's language (the view's locale). */
final class SiteTexts {

    private SiteTexts() {
    }

    static Locale locale() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context.getViewRoot() != null ? context.getViewRoot().getLocale() : Locale.FRENCH;
    }

    static String text(String key, Object... args) {
        Locale locale = locale();
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(SiteLanguage.BUNDLE, locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** An error in the guest's language, next to the input {@code clientId} (null: at the top of the page). */
    static void error(String clientId, String key, Object... args) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, args), null));
    }

    /** "1 125,00 €" in French, "€1,125.00" in English: the language's own way with euros. */
    static String money(Money amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(amount.amount());
    }

    /** "samedi 25 mai 2019", "Saturday, May 25, 2019"... */
    static String date(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale()).format(day);
    }

    static String shortDate(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(day);
    }
}
