package org.sejour.application.document;

import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The fixed words of contracts and mails in one language, and how amounts, dates and hours
 * are written in it: "1 234,50 €" and "1 mai 2027" in French, "€1,234.50" and "May 1, 2027"
 * in English. Languages without a bundle of their own are written in English.
 */
public final class ContractTexts {

    public static final String BUNDLE = "org.sejour.application.document.contract";
    private static final Set<Language> BUNDLED = Set.of(Language.FR, Language.EN);
    // fonts lack the narrow no-break space some locales group digits with; a no-break space reads the same
    private static final char NARROW_NBSP = '\u202F';
    private static final char NBSP = '\u00A0';

    private final Language language;
    private final Locale locale;
    private final ResourceBundle bundle;

    private ContractTexts(Language language) {
        this.language = language;
        this.locale = language.locale();
        // the no-fallback control: a French contract on a server whose default locale is English stays French
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The words for a guest speaking {@code wanted}: theirs when bundled, else English. */
    public static ContractTexts in(Language wanted) {
        return new ContractTexts(BUNDLED.contains(wanted) ? wanted : Language.EN);
    }

    public Language language() { return language; }
    public Locale locale() { return locale; }
    public ResourceBundle bundle() { return bundle; }

    public String text(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    public String money(Money amount) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        symbols.setGroupingSeparator(symbols.getGroupingSeparator() == NARROW_NBSP ? NBSP : symbols.getGroupingSeparator());
        DecimalFormat format = new DecimalFormat(language == Language.FR ? "#,##0.00\u00A0€" : "€#,##0.00", symbols);
        BigDecimal value = amount.amount();
        String text = format.format(value.abs());
        return value.signum() < 0 ? "−" + (language == Language.FR ? "\u00A0" : "") + text : text;
    }

    public String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    public String time(LocalTime time) {
        return DateTimeFormatter.ofPattern(language == Language.FR ? "H'h'mm" : "h:mm a", locale).format(time);
    }
}
