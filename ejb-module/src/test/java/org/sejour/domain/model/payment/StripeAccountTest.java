package org.sejour.domain.model.payment;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StripeAccountTest {

    @ParameterizedTest
    @CsvSource({
            "sk_test_51HabcdefghijklmnopQRST4242, sk_test_…4242",
            "sk_live_51HabcdefghijklmnopQRST9876, sk_live_…9876",
            "rk_test_51HabcdefghijklmnopQRSTwxyz, rk_test_…wxyz",
            "whsec_abcdefghijklmnopqrstuvwx9f3c, whsec_…9f3c",
            "short, …",
    })
    void aHintShowsThePrefixAndTheLastFourCharactersOnly(String secret, String hint) {
        assertEquals(hint, StripeAccount.hint(secret));
    }
}
