package org.sejour.application.reminder;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.domain.model.reminder.ReminderRepository;
import org.sejour.domain.model.reminder.ReminderSettings;

/**
 * The owner's payment reminders: their days and each kind on or off. Reading never writes: an
 * account that never saved gets the defaults, stored on its first save.
 */
@Stateless
public class ReminderSettingsService {

    @Inject
    ReminderRepository reminders;

    public ReminderSettings settings(long accountId) {
        return reminders.findSettings(accountId).orElseGet(() -> ReminderSettings.defaultsFor(accountId));
    }

    public ReminderSettings change(long accountId,
                                   @NotNull(message = "{reminders.error.changes}") ReminderSettings.Changes changes) {
        ReminderSettings settings = reminders.findSettings(accountId)
                .orElseGet(() -> reminders.store(ReminderSettings.defaultsFor(accountId)));
        settings.change(changes);
        return settings;
    }
}
