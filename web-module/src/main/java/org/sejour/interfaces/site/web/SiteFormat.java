package org.sejour.interfaces.site.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.sejour.domain.model.shared.Money;

import java.time.LocalDate;

/** Amounts, dates and stay lengths for the site's pages, in the guest's language. */
@Named
@RequestScoped
public class SiteFormat {

    public String money(Money amount) {
        return amount == null ? "" : SiteTexts.money(amount);
    }

    public String date(LocalDate day) {
        return day == null ? "" : SiteTexts.date(day);
    }

    public String shortDate(LocalDate day) {
        return day == null ? "" : SiteTexts.shortDate(day);
    }

    /** "1 semaine", "2 semaines", "3 nuits": weeks when the stay is whole weeks, as owners sell them. */
    static String length(int nights) {
        if (nights % 7 == 0) {
            return SiteTexts.text("length.weeks", nights / 7);
        }
        return SiteTexts.text("length.nights", nights);
    }

    public String stayLength(int nights) {
        return length(nights);
    }
}
