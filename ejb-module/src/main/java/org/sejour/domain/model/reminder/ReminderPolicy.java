package org.sejour.domain.model.reminder;

/**
 * How insistent the reminders are: a due reminder goes out in the {@code noticeDays} before a
 * deadline (0 = on the day only), a late one every {@code lateEveryDays} after it.
 */
public record ReminderPolicy(int noticeDays, int lateEveryDays) {

    public static final ReminderPolicy DEFAULT = new ReminderPolicy(3, 7);

    public ReminderPolicy {
        if (noticeDays < 0 || noticeDays > 60) {
            throw new IllegalArgumentException("noticeDays must be between 0 and 60");
        }
        if (lateEveryDays < 1 || lateEveryDays > 60) {
            throw new IllegalArgumentException("lateEveryDays must be between 1 and 60");
        }
    }
}
