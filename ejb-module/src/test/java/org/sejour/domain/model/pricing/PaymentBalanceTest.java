package org.sejour.domain.model.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.domain.model.shared.Money;

class PaymentBalanceTest {

    @ParameterizedTest(name = "total {0}, paid {1}, refunded {2} → remaining {3}, received {4}")
    @CsvSource({
            // the reviewer's case: 210.00 € of deposit paid, 50.00 € refunded; 590.00 € still due, not 640.00 €
            "800.00, 210.00, 50.00,  590.00, 160.00",
            "800.00, 800.00, 50.00,  0.00,   750.00",
            // an overpayment given back settles it, and no more
            "800.00, 850.00, 50.00,  0.00,   800.00",
            "800.00, 850.00, 20.00,  -30.00, 830.00",
            "800.00, 850.00, 100.00, 0.00,   750.00",
            "800.00, 0.00,   0.00,   800.00, 0.00"
    })
    void refundsLowerWhatWasReceivedAndNeverMakeMoneyDueAgain(String total, String paid, String refunded,
                                                              String remaining, String received) {
        PaymentBalance balance = new PaymentBalance(Money.of(total), Money.of(paid), Money.of(refunded));
        assertEquals(Money.of(remaining), balance.remaining());
        assertEquals(Money.of(received), balance.netReceived());
    }

    @ParameterizedTest(name = "total {0}, payments [{1}] → remaining {2}")
    @CsvSource({
            // The tutorial's dossier n°19: 800,00 € total, 200,00 € paid, 600,00 € balance.
            "800.00, 200.00,              600.00, false, false",
            "800.00, '',                  800.00, false, false",
            "800.00, 240.00 560.00,       0.00,   true,  false",
            "800.00, 240.00 600.00,       -40.00, true,  true"
    })
    void remainingIsTotalMinusPayments(String total, String payments, String remaining,
                                       boolean settled, boolean overpaid) {
        List<Money> paid = Arrays.stream(payments.split(" ")).filter(s -> !s.isBlank())
                .map(Money::of).collect(Collectors.toList());
        PaymentBalance balance = PaymentBalance.of(Money.of(total), paid);
        assertEquals(Money.of(remaining), balance.remaining());
        assertEquals(settled, balance.isSettled());
        assertEquals(overpaid, balance.isOverpaid());
    }
}
