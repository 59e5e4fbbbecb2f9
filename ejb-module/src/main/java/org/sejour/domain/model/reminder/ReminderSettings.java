package org.sejour.domain.model.reminder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.InvalidInputException.Violation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * How an owner's guests are reminded of their payments: the policy's days and each kind (deposit,
 * balance) on or off. One per account; until the owner saves, {@link #defaultsFor} — the
 * behaviour Séjour had before owners could change it ({@link ReminderPolicy#DEFAULT}, both on).
 */
@Entity
@Table(name = "reminder_settings")
public class ReminderSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "account_id")
    private Long accountId;
    @Column(name = "notice_days", nullable = false)
    private int noticeDays;
    @Column(name = "late_every_days", nullable = false)
    private int lateEveryDays;
    @Column(name = "deposit_reminders", nullable = false)
    private boolean depositReminders;
    @Column(name = "balance_reminders", nullable = false)
    private boolean balanceReminders;
    @Version
    private int version;

    protected ReminderSettings() {
        // JPA
    }

    public static ReminderSettings defaultsFor(long accountId) {
        ReminderSettings settings = new ReminderSettings();
        settings.accountId = accountId;
        settings.noticeDays = ReminderPolicy.DEFAULT.noticeDays();
        settings.lateEveryDays = ReminderPolicy.DEFAULT.lateEveryDays();
        settings.depositReminders = true;
        settings.balanceReminders = true;
        return settings;
    }

    public record Changes(int noticeDays, int lateEveryDays, boolean depositReminders, boolean balanceReminders) {
    }

    public void change(Changes changes) {
        List<Violation> violations = new ArrayList<>();
        if (changes.noticeDays() < 0 || changes.noticeDays() > 60) {
            violations.add(new Violation("noticeDays", "reminders.error.noticeDays"));
        }
        if (changes.lateEveryDays() < 1 || changes.lateEveryDays() > 60) {
            violations.add(new Violation("lateEveryDays", "reminders.error.lateEveryDays"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        noticeDays = changes.noticeDays();
        lateEveryDays = changes.lateEveryDays();
        depositReminders = changes.depositReminders();
        balanceReminders = changes.balanceReminders();
    }

    public ReminderPolicy policy() {
        return new ReminderPolicy(noticeDays, lateEveryDays);
    }

    /** Whether the owner's guests get reminders of this rule's kind. */
    public boolean reminds(ReminderRule rule) {
        return rule.isDeposit() ? depositReminders : balanceReminders;
    }

    public long accountId() { return accountId; }
    public int noticeDays() { return noticeDays; }
    public int lateEveryDays() { return lateEveryDays; }
    public boolean depositReminders() { return depositReminders; }
    public boolean balanceReminders() { return balanceReminders; }
}
