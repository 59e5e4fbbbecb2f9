package org.sejour.interfaces.web.booking;

import org.sejour.domain.model.pricing.Basket;
import org.sejour.domain.model.pricing.Quote;

import java.io.Serializable;
import java.util.Optional;

/**
 * The amounts under a quote, formatted: total, deposit (its kind and percentage) due by a date,
 * balance (total − deposit) due by a date, and why a typed code gave nothing. Empty strings
 * without a quote.
 */
public record QuoteSummary(String total, String depositLabel, String depositAmount, String depositDue,
                           String balanceAmount, String balanceDue, String promoCodeRejection) implements Serializable {

    private static final QuoteSummary NONE = new QuoteSummary("", "", "", "", "", "", "");

    public static QuoteSummary of(Optional<Basket> quoted, QuoteTexts texts,
                                  java.util.function.Function<String, String> rejection) {
        if (quoted.isEmpty()) {
            return NONE;
        }
        Basket basket = quoted.get();
        Quote.Deposit deposit = basket.quotes().get(0).deposit();
        return new QuoteSummary(texts.money(basket.total()),
                texts.deposit(deposit.type(), deposit.percentage().value().stripTrailingZeros().toPlainString()),
                texts.money(basket.depositAmount()), texts.date(basket.depositDue()),
                texts.money(basket.balanceAmount()), texts.date(basket.balanceDue()),
                basket.promoCodeRejection().map(r -> rejection.apply(r.name())).orElse(""));
    }
}
