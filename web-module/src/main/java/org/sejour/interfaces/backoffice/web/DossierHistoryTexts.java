package org.sejour.interfaces.backoffice.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.sejour.domain.model.shared.Money;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dossier's history in the viewer's language. The domain records who acted ("guest", "system",
 * "stripe" or the owner's login) and a detail written for the log ("150.00 € transfer",
 * "option expired"); shown as stored, the French history read "Acompte enregistré – 150.00 €
 * transfer · guest". The actors that are roles, the amounts, the payment methods and the known
 * details are put into words here; anything else (a reason the owner typed) is shown as written.
 */
@Named("historyTexts")
@ApplicationScoped
public class DossierHistoryTexts {

    private static final Set<String> ROLES = Set.of("guest", "system", "stripe");
    /** "150.00 €", then a payment method or provider, then " – " and a reason, as Dossier writes them */
    private static final Pattern AMOUNT = Pattern.compile("(-?\\d+(?:\\.\\d+)?) €(?: (\\S+))?(?: – (.*))?",
            Pattern.DOTALL);
    private static final Set<String> KNOWN_DETAILS = Set.of("option expired");

    public String actor(String actor) {
        return actor(actor, DossierHistoryTexts::lookup, locale());
    }

    public String detail(String detail) {
        return detail(detail, DossierHistoryTexts::lookup, locale());
    }

    interface Bundle {
        Optional<String> text(String key, Locale locale);
    }

    static String actor(String actor, Bundle bundle, Locale locale) {
        if (actor == null || !ROLES.contains(actor)) {
            return actor == null ? "" : actor;
        }
        return bundle.text("history.actor." + actor, locale).orElse(actor);
    }

    static String detail(String detail, Bundle bundle, Locale locale) {
        if (detail == null || detail.isBlank()) {
            return "";
        }
        if (KNOWN_DETAILS.contains(detail)) {
            return bundle.text("history.detail." + detail.replace(' ', '.'), locale).orElse(detail);
        }
        Matcher m = AMOUNT.matcher(detail.strip());
        if (!m.matches()) {
            return detail;
        }
        StringBuilder text = new StringBuilder(Formats.money(Money.of(new BigDecimal(m.group(1))), locale));
        if (m.group(2) != null) {
            text.append(' ').append(bundle.text("payment.method." + m.group(2), locale).orElse(m.group(2)));
        }
        if (m.group(3) != null && !m.group(3).isBlank()) {
            text.append(" – ").append(m.group(3));
        }
        return text.toString();
    }

    private static Optional<String> lookup(String key, Locale locale) {
        try {
            return Optional.of(ResourceBundle.getBundle(Faces.BUNDLE, locale).getString(key));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    private static Locale locale() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context != null && context.getViewRoot() != null ? context.getViewRoot().getLocale() : Locale.FRENCH;
    }
}
