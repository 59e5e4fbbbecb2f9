package org.sejour.domain.model.pricing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.Percentage;

/**
 * What cancelling costs the guest, by how many days before arrival it happens, as the owner
 * writes it in the sales terms: "more than 30 days before: the deposit is kept; 30 to 8 days:
 * 50 % of the stay; under 8 days: 100 %". A rule applies from {@code minDaysBefore} days before
 * arrival; among the rules that apply, the one with the most days wins. Days are counted from the
 * day of cancelling to the arrival day (cancelling on the arrival day or after it counts as 0).
 * No rule applies: no fee. The fee is the deposit agreed (arrhes kept), or a percentage of the
 * stay's price without its tourist tax (the tax is owed only for nights actually spent), never
 * more than that price. Written down with worked examples in docs/pricing.md.
 */
public record CancellationPolicy(List<Rule> rules) {

    /** The deposit agreed, or a percentage of the stay. */
    public enum FeeKind {
        DEPOSIT,
        PERCENT
    }

    /** "From {@code minDaysBefore} days before arrival: fee". */
    public record Rule(int minDaysBefore, FeeKind kind, Percentage percent) {
        public Rule {
            Objects.requireNonNull(kind, "fee kind is required");
            if (minDaysBefore < 0) {
                throw new IllegalArgumentException("days before arrival must not be negative, was " + minDaysBefore);
            }
            if ((kind == FeeKind.PERCENT) != (percent != null)) {
                throw new IllegalArgumentException("a percentage fee and only it has a percentage");
            }
        }

        public static Rule deposit(int minDaysBefore) {
            return new Rule(minDaysBefore, FeeKind.DEPOSIT, null);
        }

        public static Rule percent(int minDaysBefore, int percent) {
            return new Rule(minDaysBefore, FeeKind.PERCENT, Percentage.of(percent));
        }
    }

    /** The fee of one cancellation and the rule that gave it (empty: no rule applied, no fee). */
    public record Fee(Money amount, Optional<Rule> rule) {
        public Fee {
            Objects.requireNonNull(amount, "amount is required");
            Objects.requireNonNull(rule, "rule is required (Optional.empty() for none)");
        }
    }

    public static final CancellationPolicy NONE = new CancellationPolicy(List.of());

    public CancellationPolicy {
        rules = List.copyOf(rules);
        Set<Integer> days = new HashSet<>();
        for (Rule rule : rules) {
            if (!days.add(rule.minDaysBefore())) {
                throw new IllegalArgumentException("two rules from " + rule.minDaysBefore() + " days");
            }
        }
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The rule for a cancellation on {@code cancelledOn} of a stay arriving on {@code arrival}. */
    public Optional<Rule> ruleFor(LocalDate cancelledOn, LocalDate arrival) {
        long daysBefore = Math.max(0, ChronoUnit.DAYS.between(cancelledOn, arrival));
        return rules.stream().filter(r -> r.minDaysBefore() <= daysBefore)
                .max(Comparator.comparingInt(Rule::minDaysBefore));
    }

    /**
     * The fee of cancelling on {@code cancelledOn} a stay arriving on {@code arrival}, whose price
     * is {@code total} including {@code touristTax}, with {@code deposit} agreed.
     */
    public Fee feeFor(LocalDate cancelledOn, LocalDate arrival, Money total, Money touristTax, Money deposit) {
        Money stay = total.minus(touristTax).max(Money.ZERO);
        Optional<Rule> rule = ruleFor(cancelledOn, arrival);
        Money fee = rule.map(r -> r.kind() == FeeKind.DEPOSIT ? deposit : stay.percentage(r.percent()))
                .orElse(Money.ZERO);
        return new Fee(fee.min(stay), rule);
    }
}
