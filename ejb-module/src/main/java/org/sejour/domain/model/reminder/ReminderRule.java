package org.sejour.domain.model.reminder;

import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.mail.MailKind;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When a guest is reminded of a payment. The deadlines are the owner's rules (sales terms),
 * frozen on the dossier at booking: the deposit is due {@code deposit_due_days} after booking,
 * the balance {@code balance_due_days} before arrival. A "due" reminder goes out once, in the
 * last days before a deadline; a "late" one after it, repeated every few days until paid.
 */
public enum ReminderRule {

    /** Deposit not paid, its deadline within the notice days. */
    DEPOSIT_DUE(MailKind.GUEST_DEPOSIT_REMINDER),
    /** Deposit not paid, its deadline passed (a confirmed dossier; an option lapses instead). */
    DEPOSIT_LATE(MailKind.GUEST_DEPOSIT_REMINDER),
    /** Deposit paid, balance not, its deadline within the notice days, before arrival. */
    BALANCE_DUE(MailKind.GUEST_BALANCE_REMINDER),
    /** Deposit paid, balance not, its deadline passed, before arrival. */
    BALANCE_LATE(MailKind.GUEST_BALANCE_REMINDER);

    private final MailKind mail;

    ReminderRule(MailKind mail) {
        this.mail = mail;
    }

    public MailKind mail() {
        return mail;
    }

    public boolean isLate() {
        return this == DEPOSIT_LATE || this == BALANCE_LATE;
    }

    public boolean isDeposit() {
        return this == DEPOSIT_DUE || this == DEPOSIT_LATE;
    }

    /**
     * Days during which a second reminder of this rule is not sent: a due reminder once per
     * deadline (its whole notice window), a late one every {@code lateEveryDays}.
     */
    public int quietDays(ReminderPolicy policy) {
        return isLate() ? policy.lateEveryDays() : policy.noticeDays() + 1;
    }

    /** The deadline this rule watches on the dossier, if it has one. */
    public Optional<LocalDate> deadline(Dossier dossier) {
        return isDeposit() ? dossier.depositDue() : dossier.balanceDueDate();
    }

    /**
     * Whether the dossier, as it is now, calls for this reminder on {@code today}. The job's
     * query selects the same dossiers; this is asked again under the dossier's lock, so that a
     * payment recorded meanwhile is not reminded.
     */
    public boolean appliesTo(Dossier dossier, LocalDate today, ReminderPolicy policy) {
        if (dossier.status() == DossierStatus.CANCELLED || dossier.guest().email() == null) {
            return false;
        }
        Optional<LocalDate> deadline = deadline(dossier);
        if (deadline.isEmpty()) {
            return false;
        }
        // the reminder asks for what the dossier says is due next (DossierAmounts.nextDue)
        boolean owed = dossier.amounts().nextDue()
                .filter(due -> due.kind() == (isDeposit() ? PaymentKind.DEPOSIT : PaymentKind.BALANCE))
                .isPresent() && (isDeposit() || dossier.stay().arrival().isAfter(today));
        if (!owed) {
            return false;
        }
        LocalDate due = deadline.get();
        return isLate()
                ? due.isBefore(today) && (!isDeposit() || dossier.status() == DossierStatus.CONFIRMED)
                : !due.isBefore(today) && !due.isAfter(today.plusDays(policy.noticeDays()));
    }
}
