package org.sejour.domain.model.dossier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.domain.model.shared.Money;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The amounts of issue 22's contract (528.80 €, arrhes 150.00 €) in each state of a dossier. */
class DossierAmountsTest {

    private static final LocalDate DEPOSIT_DUE = LocalDate.of(2027, 3, 22);
    private static final LocalDate BALANCE_DUE = LocalDate.of(2027, 4, 1);

    @ParameterizedTest(name = "{0}: total {1}, paid {3}, refunded {4} → balance {5}, owed {6}, to refund {7}, next {8} {9}")
    @CsvSource({
            // the contract: the balance is 378.80 (total − arrhes), not the 528.80 left to pay
            "option awaiting deposit, 528.80, 150.00, 0.00,   0.00,   378.80, 528.80, 0.00,  DEPOSIT, 150.00",
            "deposit paid in part,    528.80, 150.00, 100.00, 0.00,   378.80, 428.80, 0.00,  DEPOSIT, 50.00",
            "deposit paid,            528.80, 150.00, 150.00, 0.00,   378.80, 378.80, 0.00,  BALANCE, 378.80",
            "balance paid,            528.80, 150.00, 528.80, 0.00,   378.80, 0.00,   0.00,  ,        ",
            // a gesture refunded never makes money due again: 378.80 still owed, not 428.80
            "partly refunded,         528.80, 150.00, 150.00, 50.00,  378.80, 378.80, 0.00,  BALANCE, 378.80",
            // cancelled with a fee of 100.00 after 150.00 paid: 50.00 to give back, then settled
            "cancelled with a fee,    100.00, 150.00, 150.00, 0.00,   0.00,   0.00,   50.00, ,        ",
            "cancelled and refunded,  100.00, 150.00, 150.00, 50.00,  0.00,   0.00,   0.00,  ,        "
    })
    void eachAmountHasOneMeaning(String state, String total, String deposit, String paid, String refunded,
                                 String balance, String owed, String toRefund, PaymentKind nextKind, String nextAmount) {
        DossierAmounts amounts = new DossierAmounts(Money.of(total), Money.of(deposit), Optional.of(DEPOSIT_DUE),
                Optional.of(BALANCE_DUE), Money.of(paid), Money.of(refunded));
        assertEquals(Money.of(balance), amounts.balance(), "balance");
        assertEquals(Money.of(owed), amounts.owed(), "owed");
        assertEquals(Money.of(toRefund), amounts.toRefund(), "to refund");
        assertEquals(Optional.ofNullable(nextKind).map(kind -> new DossierAmounts.Due(kind, Money.of(nextAmount),
                kind == PaymentKind.DEPOSIT ? DEPOSIT_DUE : BALANCE_DUE)), amounts.nextDue(), "next due");
        if (!state.startsWith("cancelled")) {
            assertEquals(amounts.total(), amounts.deposit().plus(amounts.balance()), "deposit + balance = total");
        }
        if (amounts.paid().compareTo(amounts.total()) <= 0) {
            assertEquals(amounts.total(), amounts.paid().plus(amounts.owed()), "paid + owed = total");
        } else {
            assertEquals(amounts.total(), amounts.netReceived().minus(amounts.toRefund()),
                    "paid − refunded − to refund = total");
        }
    }
}
