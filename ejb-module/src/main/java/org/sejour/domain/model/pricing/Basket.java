package org.sejour.domain.model.pricing;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.StayPeriod;

/**
 * The price of one dossier that books several accommodations for the same nights (a family
 * renting two gîtes): each stay is quoted on its own by {@link QuoteCalculator}, with its own
 * persons, supplements and tourist tax, and the dossier adds them up. One deposit and one balance:
 * the deposit is the sum of the stays' deposits (each rounded to the cent, as every line is), due
 * by the earliest of their deadlines (they share the arrival, so they are the same), the balance
 * what remains of the total. One stay is a basket of one, priced exactly as before.
 */
public record Basket(List<Quote> quotes) {

    public Basket {
        quotes = List.copyOf(quotes);
        if (quotes.isEmpty()) {
            throw new IllegalArgumentException("a basket holds at least one quote");
        }
        StayPeriod first = quotes.get(0).stay();
        if (quotes.stream().anyMatch(q -> !q.stay().equals(first))) {
            throw new IllegalArgumentException("the stays of one dossier share their nights");
        }
    }

    public static Basket of(Quote... quotes) {
        return new Basket(List.of(quotes));
    }

    public StayPeriod stay() {
        return quotes.get(0).stay();
    }

    public Money total() {
        return quotes.stream().map(Quote::total).reduce(Money.ZERO, Money::plus);
    }

    public Money depositAmount() {
        return quotes.stream().map(q -> q.deposit().amount()).reduce(Money.ZERO, Money::plus);
    }

    public LocalDate depositDue() {
        return quotes.stream().map(q -> q.deposit().dueDate()).min(Comparator.naturalOrder()).orElseThrow();
    }

    public Money balanceAmount() {
        return total().minus(depositAmount());
    }

    public LocalDate balanceDue() {
        return quotes.stream().map(q -> q.balance().dueDate()).min(Comparator.naturalOrder()).orElseThrow();
    }

    public SalesTerms.DepositType depositType() {
        return quotes.get(0).deposit().type();
    }

    /** The tourist tax of all the stays, which a cancellation fee never counts. */
    public Money touristTax() {
        return quotes.stream().map(Quote::touristTaxTotal).reduce(Money.ZERO, Money::plus);
    }

    /** A code typed for the dossier: applied when one of its stays took it. */
    public Optional<String> appliedPromoCode() {
        return quotes.stream().map(Quote::appliedPromoCode).flatMap(Optional::stream).findFirst();
    }

    /** Why a typed code gave nothing, when no stay took it. */
    public Optional<PromoCodeRejection> promoCodeRejection() {
        return appliedPromoCode().isPresent() ? Optional.empty()
                : quotes.stream().map(Quote::promoCodeRejection).flatMap(Optional::stream).findFirst();
    }

}
