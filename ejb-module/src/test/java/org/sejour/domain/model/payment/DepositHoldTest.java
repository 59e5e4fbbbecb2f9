package org.sejour.domain.model.payment;

import org.junit.jupiter.api.Test;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.SejourException;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DepositHoldTest {

    private static final LocalDate PLACED = LocalDate.of(2027, 4, 28);
    private static final Instant AT = Instant.parse("2027-04-28T06:30:00Z");

    private static DepositHold placed() {
        return DepositHold.placed(1, 2, Money.of("300.00"), "pi_1", PLACED, AT);
    }

    @Test
    void aHoldIsRenewedOnceSixDaysOldSinceStripeKeepsItSeven() {
        DepositHold hold = placed();
        assertFalse(hold.isDueForRenewal(PLACED.plusDays(5)));
        assertTrue(hold.isDueForRenewal(PLACED.plusDays(6)));
        assertEquals(PLACED.plusDays(7), hold.holdsUntil());
        hold.replaced(AT);
        assertFalse(hold.isDueForRenewal(PLACED.plusDays(6)), "a replaced hold is not renewed again");
    }

    @Test
    void theOwnerKeepsAPositivePartNoGreaterThanTheHoldWithAReasonOnce() {
        DepositHold hold = placed();
        assertEquals("hold.capture.amount", assertThrows(SejourException.class,
                () -> hold.captured(Money.of("300.01"), "Casse", AT)).messageKey());
        assertEquals("hold.capture.amount", assertThrows(SejourException.class,
                () -> hold.captured(Money.ZERO, "Casse", AT)).messageKey());
        assertEquals("hold.capture.reason", assertThrows(SejourException.class,
                () -> hold.captured(Money.of("80.00"), " ", AT)).messageKey());
        hold.captured(Money.of("80.00"), " Verre cassé ", AT);
        assertEquals(DepositHold.Status.CAPTURED, hold.status());
        assertEquals(Money.of("80.00"), hold.captured().orElseThrow());
        assertEquals("Verre cassé", hold.reason().orElseThrow());
        assertEquals("hold.notPlaced", assertThrows(SejourException.class, () -> hold.released(AT)).messageKey());
    }

    @Test
    void aRefusedCardLeavesAFailedHoldWithItsReasonAndNothingHeld() {
        DepositHold failed = DepositHold.failed(1, 2, Money.of("300.00"), "Stripe: authentication required", PLACED, AT);
        assertEquals(DepositHold.Status.FAILED, failed.status());
        assertTrue(failed.paymentIntent().isEmpty());
        assertEquals("Stripe: authentication required", failed.failure().orElseThrow());
        assertThrows(SejourException.class, () -> failed.captured(Money.of("10.00"), "x", AT));
    }
}
