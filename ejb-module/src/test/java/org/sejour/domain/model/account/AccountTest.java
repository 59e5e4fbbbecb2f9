package org.sejour.domain.model.account;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountTest {

    private final Account account = new Account(100063, Instant.parse("2019-05-06T17:49:00Z"));

    @Test
    void referencesFollowTheAccountNumber() {
        assertEquals(1, account.nextAccommodationSeq());
        assertEquals(2, account.nextAccommodationSeq());
        assertEquals("OSMB-100063-4", account.accommodationReference(4));
    }

    @Test
    void accountNumbersStartAt100001() {
        assertThrows(IllegalArgumentException.class, () -> new Account(99999, Instant.now()));
    }

    @Test
    void newAccountIsInTestModeUntilAnOperatorSwitchesIt() {
        assertEquals(AccountMode.TEST, account.mode());
        account.requestProduction(Instant.parse("2019-05-07T08:00:00Z"));
        assertTrue(account.productionRequestedAt().isPresent());
        account.switchTo(AccountMode.PRODUCTION);
        assertEquals(AccountMode.PRODUCTION, account.mode());
        assertFalse(account.productionRequestedAt().isPresent());
    }

    @Test
    void minimumStayStaysInRange() {
        account.changeAdvancedSettings(2, false);
        assertEquals(2, account.minStayNights());
        assertFalse(account.mobileWebApp());
        assertThrows(IllegalArgumentException.class, () -> account.changeAdvancedSettings(0, true));
    }

    @Test
    void contactDetailsRequireTheStarredFields() {
        assertThrows(IllegalArgumentException.class, () -> new ContactDetails(null, "Claude", " ", "c@example.test",
                "0102030405", null, "1 rue", "75001", "Paris", "FR", null));
        ContactDetails details = new ContactDetails(null, "Claude", "Martin", "C@Example.TEST", "0102030405", null,
                "1 rue", "75001", "Paris", "fr", null);
        assertEquals("c@example.test", details.email());
        assertEquals("FR", details.country());
        assertEquals("Claude Martin", details.displayName());
    }
}
