package org.sejour.domain.model.reminder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.domain.model.shared.InvalidInputException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReminderSettingsTest {

    @Test
    void untilTheOwnerSavesTheyAreTheFormerFixedBehaviour() {
        ReminderSettings settings = ReminderSettings.defaultsFor(4);
        assertEquals(ReminderPolicy.DEFAULT, settings.policy());
        assertEquals(new ReminderPolicy(3, 7), settings.policy());
        for (ReminderRule rule : ReminderRule.values()) {
            assertTrue(settings.reminds(rule), rule.name());
        }
    }

    @Test
    void eachKindIsSwitchedOnItsOwn() {
        ReminderSettings settings = ReminderSettings.defaultsFor(4);
        settings.change(new ReminderSettings.Changes(5, 2, true, false));
        assertEquals(new ReminderPolicy(5, 2), settings.policy());
        assertTrue(settings.reminds(ReminderRule.DEPOSIT_DUE));
        assertTrue(settings.reminds(ReminderRule.DEPOSIT_LATE));
        assertFalse(settings.reminds(ReminderRule.BALANCE_DUE));
        assertFalse(settings.reminds(ReminderRule.BALANCE_LATE));
        assertEquals(6, ReminderRule.DEPOSIT_DUE.quietDays(settings.policy()), "one due reminder per deadline");
        assertEquals(2, ReminderRule.BALANCE_LATE.quietDays(settings.policy()));
    }

    @ParameterizedTest(name = "notice {0}, every {1}: {2}")
    @CsvSource({
            "-1, 7, noticeDays",
            "61, 7, noticeDays",
            "3, 0, lateEveryDays",
            "3, 61, lateEveryDays",
            "-1, 0, noticeDays lateEveryDays"})
    void daysOutOfRangeAreRefusedAndNothingChanges(int notice, int every, String fields) {
        ReminderSettings settings = ReminderSettings.defaultsFor(4);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> settings.change(new ReminderSettings.Changes(notice, every, false, false)));
        assertEquals(List.of(fields.split(" ")), e.violations().stream().map(InvalidInputException.Violation::field).toList());
        assertEquals(ReminderPolicy.DEFAULT, settings.policy());
        assertTrue(settings.reminds(ReminderRule.BALANCE_DUE), "nothing changed");
    }
}
