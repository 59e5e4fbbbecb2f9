package org.sejour.domain.model.pricing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.Percentage;
import org.sejour.domain.model.shared.StayPeriod;

/**
 * The exact, itemised price of a bookable stay, as shown before booking and
 * printed on the contract: lines, total, deposit and balance with due dates.
 * The total is the sum of the lines and the balance is total minus deposit.
 *
 * @param appliedPromoCode   the code that gave its line, normalised
 * @param promoCodeRejection why a typed code gave nothing
 */
public record Quote(long accommodationId,
                    StayPeriod stay,
                    List<QuoteLine> lines,
                    Optional<String> appliedPromoCode,
                    Optional<PromoCodeRejection> promoCodeRejection,
                    Deposit deposit,
                    Balance balance) {

    private static final Set<QuoteLine.Kind> ACCOMMODATION_KINDS = EnumSet.of(
            QuoteLine.Kind.ACCOMMODATION, QuoteLine.Kind.RATE_DISCOUNT,
            QuoteLine.Kind.PROMOTION, QuoteLine.Kind.PROMO_CODE);
    private static final Set<QuoteLine.Kind> LIST_PRICE_KINDS = EnumSet.of(QuoteLine.Kind.ACCOMMODATION);
    private static final Set<QuoteLine.Kind> ALL_KINDS = EnumSet.allOf(QuoteLine.Kind.class);

    /** Deposit (arrhes or acompte): {@code percentage} of {@code base}, due by {@code dueDate}. */
    public record Deposit(SalesTerms.DepositType type, Percentage percentage, Money base,
                          Money amount, LocalDate dueDate) {
        public Deposit {
            Objects.requireNonNull(type, "deposit type is required");
            Objects.requireNonNull(percentage, "deposit percentage is required");
            Objects.requireNonNull(base, "deposit base is required");
            Objects.requireNonNull(amount, "deposit amount is required");
            Objects.requireNonNull(dueDate, "deposit due date is required");
        }
    }

    /** Balance (solde): what remains after the deposit, due by {@code dueDate}. */
    public record Balance(Money amount, LocalDate dueDate) {
        public Balance {
            Objects.requireNonNull(amount, "balance amount is required");
            Objects.requireNonNull(dueDate, "balance due date is required");
        }
    }

    public Quote {
        Objects.requireNonNull(stay, "stay is required");
        Objects.requireNonNull(lines, "lines are required");
        Objects.requireNonNull(appliedPromoCode, "applied promo code is required (Optional.empty() for none)");
        Objects.requireNonNull(promoCodeRejection, "promo code rejection is required (Optional.empty() for none)");
        Objects.requireNonNull(deposit, "deposit is required");
        Objects.requireNonNull(balance, "balance is required");
        lines = List.copyOf(lines);
        Money total = sum(lines, ALL_KINDS);
        if (!deposit.amount().plus(balance.amount()).equals(total)) {
            throw new IllegalArgumentException("deposit " + deposit.amount() + " + balance " + balance.amount()
                    + " must equal the total " + total);
        }
    }

    /** The sum of the lines of those kinds: a loop, since a search sums 500 quotes' lines several times. */
    private static Money sum(List<QuoteLine> lines, Set<QuoteLine.Kind> kinds) {
        Money sum = Money.ZERO;
        for (QuoteLine line : lines) {
            if (kinds.contains(line.kind())) {
                sum = sum.plus(line.amount());
            }
        }
        return sum;
    }

    public Money total() {
        return sum(lines, ALL_KINDS);
    }

    public List<QuoteLine> lines(QuoteLine.Kind kind) {
        return lines.stream().filter(l -> l.kind() == kind).collect(Collectors.toUnmodifiableList());
    }

    /** The rate price before any discount. */
    public Money listPrice() {
        return sum(lines, LIST_PRICE_KINDS);
    }

    /** What the guest pays for the accommodation after rate discount, promotion and code. */
    public Money accommodationPrice() {
        return sum(lines, ACCOMMODATION_KINDS);
    }

    /** The "was" price shown struck out, present only when some discount lowers the accommodation price. */
    public Optional<Money> struckOutPrice() {
        Money list = listPrice();
        return accommodationPrice().compareTo(list) < 0 ? Optional.of(list) : Optional.empty();
    }

    public Money supplementsTotal() {
        return sum(lines, EnumSet.of(QuoteLine.Kind.SUPPLEMENT));
    }

    public Money touristTaxTotal() {
        return sum(lines, EnumSet.of(QuoteLine.Kind.TOURIST_TAX, QuoteLine.Kind.TOURIST_TAX_SURCHARGE));
    }

    /** What remains to pay once {@code payments} have been received. */
    public PaymentBalance balanceAfter(Collection<Money> payments) {
        return PaymentBalance.of(total(), payments);
    }
}
