package org.sejour.interfaces.backoffice.web;

import jakarta.faces.context.FacesContext;
import org.sejour.domain.model.shared.Money;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** How amounts and days read in the back office: the user's locale, euro, always two decimals. */
public final class Formats {

    private Formats() {
    }

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
