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
import java.util.Map;
import java.util.Objects;

/**
 * The fixed words of contracts, mails and receipts in one of the product's seven languages,
 * and how amounts, dates and hours are written in it: "1 234,50 €", "1 mai 2027", "17h00"
 * in French; "€1,234.50", "May 1, 2027", "5:00 PM" in English; "1.234,50 €", "1. Mai 2027",
 * "17:00" in German; "€ 1.234,50" in Dutch.
 */
public final class ContractTexts {

    public static final String BUNDLE = "org.sejour.application.document.contract";
    // fonts lack the narrow no-break space some locales group digits with; a no-break space reads the same
    private static final char NARROW_NBSP = '\u202F';
    private static final char NBSP = '\u00A0';

    /**
     * Amounts and hours as each country writes them in a contract. The minus is U+2212 (DejaVu
     * has it) and comes where each writes it; the no-break space keeps "€" on the line of its figures.
     */
    private record Writing(String money, String time) {
    }

    private static final Map<Language, Writing> WRITING = Map.of(
            Language.FR, new Writing("#,##0.00\u00A0€;−\u00A0#,##0.00\u00A0€", "H'h'mm"),
            Language.EN, new Writing("€#,##0.00;−€#,##0.00", "h:mm a"),
            Language.DE, new Writing("#,##0.00\u00A0€;−#,##0.00\u00A0€", "HH:mm"),
            Language.ES, new Writing("#,##0.00\u00A0€;−#,##0.00\u00A0€", "H:mm"),
            Language.CA, new Writing("#,##0.00\u00A0€;−#,##0.00\u00A0€", "H:mm"),
            Language.IT, new Writing("#,##0.00\u00A0€;−#,##0.00\u00A0€", "H:mm"),
            Language.NL, new Writing("€\u00A0#,##0.00;€\u00A0−#,##0.00", "HH:mm"));

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

    /** The words for a guest speaking {@code language}: every product language has its bundle. */
    public static ContractTexts in(Language language) {
        return new ContractTexts(Objects.requireNonNull(language, "language is required"));
    }

    public Language language() { return language; }
    public Locale locale() { return locale; }
    public ResourceBundle bundle() { return bundle; }

    public String text(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** "Solde : 300,00 €" in French, "Balance: €300.00" elsewhere: only French spaces the colon. */
    public String labelled(String label, String value) {
        return text("labelled", label, value);
    }

    public String money(Money amount) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        symbols.setGroupingSeparator(symbols.getGroupingSeparator() == NARROW_NBSP ? NBSP : symbols.getGroupingSeparator());
        return new DecimalFormat(WRITING.get(language).money(), symbols).format(amount.amount());
    }

    /** A rate as the language writes it: "5,5" in French, "5.5" in English, no trailing zeros. */
    public String percent(BigDecimal rate) {
        return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(locale)).format(rate);
    }

    public String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    public String time(LocalTime time) {
        return DateTimeFormatter.ofPattern(WRITING.get(language).time(), locale).format(time);
    }
}
