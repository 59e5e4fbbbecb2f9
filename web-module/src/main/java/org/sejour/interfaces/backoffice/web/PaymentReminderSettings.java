package org.sejour.interfaces.backoffice.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.reminder.ReminderSettingsService;
import org.sejour.domain.model.reminder.ReminderSettings;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;

/**
 * The payment reminders on the "Messages aux voyageurs" page: how many days before a deadline,
 * how often when late, each kind on or off (until saved, the defaults: 3 days, every 7, both on).
 */
@Named
@ViewScoped
public class PaymentReminderSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @EJB
    ReminderSettingsService service;

    private int noticeDays;
    private int lateEveryDays;
    private boolean depositReminders;
    private boolean balanceReminders;

    @PostConstruct
    void load() {
        show(service.settings(currentUser.accountId()));
    }

    private void show(ReminderSettings settings) {
        noticeDays = settings.noticeDays();
        lateEveryDays = settings.lateEveryDays();
        depositReminders = settings.depositReminders();
        balanceReminders = settings.balanceReminders();
    }

    public void save() {
        try {
            show(service.change(currentUser.accountId(), new ReminderSettings.Changes(noticeDays, lateEveryDays,
                    depositReminders, balanceReminders)));
            Faces.info("reminders.saved");
        } catch (SejourException e) {
            Faces.show("reminders", e);
        }
    }

    public int getNoticeDays() { return noticeDays; }
    public void setNoticeDays(int noticeDays) { this.noticeDays = noticeDays; }
    public int getLateEveryDays() { return lateEveryDays; }
    public void setLateEveryDays(int lateEveryDays) { this.lateEveryDays = lateEveryDays; }
    public boolean isDepositReminders() { return depositReminders; }
    public void setDepositReminders(boolean depositReminders) { this.depositReminders = depositReminders; }
    public boolean isBalanceReminders() { return balanceReminders; }
    public void setBalanceReminders(boolean balanceReminders) { this.balanceReminders = balanceReminders; }
}
