package org.sejour.interfaces.web.booking;

import org.sejour.domain.model.pricing.Refusal;
import org.sejour.domain.model.pricing.SalesTerms;
import org.sejour.domain.model.shared.Money;

import java.time.LocalDate;

/** How one screen words and formats a quote: the back office from its bundle, the hosted site from its own. */
public interface QuoteTexts {

    /** The name of a line's kind ("Hébergement", "Taxe de séjour"…). */
    String lineKind(String kind);

    String money(Money amount);

    String date(LocalDate day);

    /** A reason a stay is refused, given once, with the nights it concerns. */
    String refusal(Refusal.Grouped refusal);

    /** "Arrhes (30 %)": the deposit's kind and percentage. */
    String deposit(SalesTerms.DepositType type, String percent);
}
