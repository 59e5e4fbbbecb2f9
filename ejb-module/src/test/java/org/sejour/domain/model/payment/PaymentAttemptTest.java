package org.sejour.domain.model.payment;

import org.junit.jupiter.api.Test;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.shared.Money;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaymentAttemptTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    private static PaymentAttempt attempt() {
        return new PaymentAttempt(1, 2, PaymentKind.DEPOSIT, Money.of("157.50"), "offline", AT);
    }

    @Test
    void theFirstOutcomeStands() {
        PaymentAttempt attempt = attempt();
        assertEquals(PaymentAttemptStatus.PENDING, attempt.status());
        assertTrue(attempt.settle(PaymentAttemptStatus.FAILED, AT.plusSeconds(30)));
        assertFalse(attempt.settle(PaymentAttemptStatus.PAID, AT.plusSeconds(60)), "a settled attempt stays settled");
        assertEquals(PaymentAttemptStatus.FAILED, attempt.status());
        assertEquals(AT.plusSeconds(30), attempt.settledAt().orElseThrow());
    }

    @Test
    void referencesAreUnguessableAndDistinct() {
        PaymentAttempt one = attempt();
        PaymentAttempt two = attempt();
        assertNotEquals(one.reference(), two.reference());
        assertTrue(one.reference().matches("[A-Za-z0-9_-]{32}"), one.reference());
    }

    @Test
    void onlyPositiveDepositsOrBalancesAreTakenOnline() {
        assertThrows(IllegalArgumentException.class,
                () -> new PaymentAttempt(1, 2, PaymentKind.DEPOSIT, Money.ZERO, "offline", AT));
        assertThrows(IllegalArgumentException.class,
                () -> new PaymentAttempt(1, 2, PaymentKind.OTHER, Money.of("10.00"), "offline", AT));
        assertThrows(IllegalArgumentException.class, () -> attempt().settle(PaymentAttemptStatus.PENDING, AT));
    }

    @Test
    void aSessionIsBoundOnce() {
        PaymentAttempt attempt = attempt();
        attempt.openedAs("off_1");
        assertEquals("off_1", attempt.providerSession().orElseThrow());
        assertThrows(IllegalStateException.class, () -> attempt.openedAs("off_2"));
    }
}
