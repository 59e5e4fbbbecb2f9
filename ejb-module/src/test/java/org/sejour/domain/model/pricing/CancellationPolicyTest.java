package org.sejour.domain.model.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sejour.domain.model.pricing.Fixtures.date;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.domain.model.shared.Money;

/**
 * docs/pricing.md, example 8: the policy (more than 30 days before arrival the deposit is
 * kept, 30 to 8 days half the stay, under 8 days all of it) on the tutorial's week of 4 May 2019,
 * 500.00 € plus 21.00 € of tourist tax, deposit 150.00 €.
 */
class CancellationPolicyTest {

    private static final CancellationPolicy POLICY = new CancellationPolicy(List.of(
            CancellationPolicy.Rule.deposit(31), CancellationPolicy.Rule.percent(8, 50),
            CancellationPolicy.Rule.percent(0, 100)));

    @ParameterizedTest(name = "cancelled {0} ({1} days before): fee {2}")
    @CsvSource({
            "2019-01-20, 104, 150.00",
            "2019-04-03, 31, 150.00",
            "2019-04-04, 30, 250.00",
            "2019-04-26, 8, 250.00",
            "2019-04-27, 7, 500.00",
            "2019-05-04, 0, 500.00",
            "2019-05-06, 0, 500.00"})
    void theRuleWithTheMostDaysThatAppliesGivesTheFee(String cancelledOn, long daysBefore, String fee) {
        CancellationPolicy.Fee computed = POLICY.feeFor(date(cancelledOn), date("2019-05-04"), Money.of("521.00"),
                Money.of("21.00"), Money.of("150.00"));
        assertEquals(Money.of(fee), computed.amount(), "the tourist tax is never part of the fee");
        assertEquals(true, computed.rule().orElseThrow().minDaysBefore() <= daysBefore);
    }

    @Test
    void withoutARuleCancellingCostsNothing() {
        assertEquals(new CancellationPolicy.Fee(Money.ZERO, Optional.empty()), CancellationPolicy.NONE.feeFor(
                date("2019-05-01"), date("2019-05-04"), Money.of("521.00"), Money.of("21.00"), Money.of("150.00")));
        CancellationPolicy early = new CancellationPolicy(List.of(CancellationPolicy.Rule.deposit(31)));
        assertEquals(Money.ZERO, early.feeFor(date("2019-04-20"), date("2019-05-04"), Money.of("521.00"),
                Money.of("21.00"), Money.of("150.00")).amount(), "no rule from 0 days: the owner writes one");
    }

    @Test
    void theFeeIsNeverMoreThanTheStay() {
        CancellationPolicy keepDeposit = new CancellationPolicy(List.of(CancellationPolicy.Rule.deposit(0)));
        assertEquals(Money.of("80.00"), keepDeposit.feeFor(date("2019-05-01"), date("2019-05-04"), Money.of("80.00"),
                Money.ZERO, Money.of("100.00")).amount(), "a deposit above a lowered total");
    }

    @Test
    void twoRulesFromTheSameDayAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CancellationPolicy(List.of(
                CancellationPolicy.Rule.deposit(30), CancellationPolicy.Rule.percent(30, 50))));
    }

    @Test
    void refusalsOfEveryNightAreGivenOnceWithTheirNights() {
        List<Refusal> refusals = List.of(new Refusal(UnbookableReason.NO_RATE_FOR_ARRIVAL_AND_LENGTH, "7 nights"),
                new Refusal(UnbookableReason.NO_STOCK, "night of 2019-05-04", date("2019-05-04")),
                new Refusal(UnbookableReason.SALES_BAN, "night of 2019-05-04", date("2019-05-04")),
                new Refusal(UnbookableReason.NO_STOCK, "night of 2019-05-05", date("2019-05-05")));
        assertEquals(List.of(
                new Refusal.Grouped(UnbookableReason.NO_RATE_FOR_ARRIVAL_AND_LENGTH, List.of(), "7 nights"),
                new Refusal.Grouped(UnbookableReason.NO_STOCK, List.of(date("2019-05-04"), date("2019-05-05")), ""),
                new Refusal.Grouped(UnbookableReason.SALES_BAN, List.of(date("2019-05-04")), "")),
                Refusal.grouped(refusals));
    }
}
