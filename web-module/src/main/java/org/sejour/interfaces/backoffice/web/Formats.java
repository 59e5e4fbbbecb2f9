package org.sejour.interfaces.backoffice.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.sejour.application.booking.BusinessCalendar;

import org.sejour.domain.model.shared.Money;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Money and dates as the back office shows them, in the viewer's language ("600,00 €",
 * "01/05/2027"); instants in the owners' zone, Europe/Paris.
 */
@Named
@ApplicationScoped
public class Formats {

    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(java.util.Currency.getInstance("EUR"));
        return format.format(amount);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale())
                .format(date);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(locale()).withZone(BusinessCalendar.ZONE).format(instant);
    }

    private static Locale locale() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context != null && context.getViewRoot() != null ? context.getViewRoot().getLocale() : Locale.FRENCH;
    }

    /** For beans that format before the page: the user's locale, euro, always two decimals. */
    public static String money(Money amount, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale.getCountry().isEmpty()
                ? Locale.forLanguageTag(locale.getLanguage() + "-FR") : locale);
        format.setCurrency(Money.CURRENCY);
        format.setMinimumFractionDigits(Money.SCALE);
        format.setMaximumFractionDigits(Money.SCALE);
        return format.format(amount.amount());
    }

    public static String date(LocalDate day, Locale locale) {
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale));
    }

    static Locale viewLocale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }
}
