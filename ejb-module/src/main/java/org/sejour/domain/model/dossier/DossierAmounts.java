package org.sejour.domain.model.dossier;

import org.sejour.domain.model.pricing.PaymentBalance;
import org.sejour.domain.model.shared.Money;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The amounts of a dossier, each with one meaning, defined here once (docs/pricing.md §4,
 * "The amounts a guest reads"): every output (contract, mails, receipts, pages, API, lists,
 * exports, dashboard) reads them from here instead of computing its own.
 * <ul>
 * <li>{@code total}: what the stay costs (after a cancellation: the fee kept);</li>
 * <li>{@code deposit} (arrhes or acompte), due by {@code depositDue};</li>
 * <li>{@link #balance()} (solde) = total − deposit, due by {@code balanceDue};</li>
 * <li>{@code paid} (déjà réglé): every payment received, refunds not taken off;</li>
 * <li>{@code refunded} (remboursé): what was given back, positive;</li>
 * <li>{@link #owed()} (reste à payer) = total − paid, never below 0: a refund never makes money
 * due again (see {@link PaymentBalance});</li>
 * <li>{@link #toRefund()} (à rembourser): what was paid above the total and not given back;</li>
 * <li>{@link #nextDue()}: what the guest is asked for next, and by when.</li>
 * </ul>
 * So that, before a cancellation, deposit + balance = total; and always paid + owed = total when
 * nothing was paid above the total, paid − refunded − toRefund = total when something was.
 */
public record DossierAmounts(Money total, Money deposit, LocalDate depositDueOn, LocalDate balanceDueOn,
                             Money paid, Money refunded) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The due dates may be null (a row written without them); {@link #depositDue()} and {@link #balanceDue()} say so. */
    public DossierAmounts {
        Objects.requireNonNull(total, "total is required");
        Objects.requireNonNull(deposit, "deposit is required");
        Objects.requireNonNull(paid, "paid amount is required");
        Objects.requireNonNull(refunded, "refunded amount is required");
    }

    public DossierAmounts(Money total, Money deposit, Optional<LocalDate> depositDue, Optional<LocalDate> balanceDue,
                          Money paid, Money refunded) {
        this(total, deposit, depositDue.orElse(null), balanceDue.orElse(null), paid, refunded);
    }

    /** The amounts of a list's row, read by SQL: no due dates. */
    public static DossierAmounts of(Money total, Money deposit, Money paid, Money refunded) {
        return new DossierAmounts(total, deposit, (LocalDate) null, null, paid, refunded);
    }

    /** What the guest is asked to pay next: the rest of the deposit, else the rest of the total; {@code dueOn} may be null. */
    public record Due(PaymentKind kind, Money amount, LocalDate dueOn) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Optional<LocalDate> by() {
            return Optional.ofNullable(dueOn);
        }
    }

    public Optional<LocalDate> depositDue() {
        return Optional.ofNullable(depositDueOn);
    }

    public Optional<LocalDate> balanceDue() {
        return Optional.ofNullable(balanceDueOn);
    }

    /** The balance (solde) as agreed: total − deposit, never below 0 (a fee below the deposit leaves none). */
    public Money balance() {
        return total.minus(deposit).max(Money.ZERO);
    }

    /** Total − paid (refunds only settle an overpayment); negative while the guest is owed money back. */
    public Money remaining() {
        return new PaymentBalance(total, paid, refunded).remaining();
    }

    /** What is left to pay (reste à payer), never below 0. */
    public Money owed() {
        return remaining().max(Money.ZERO);
    }

    /** What was paid above the total and not yet given back (à rembourser). */
    public Money toRefund() {
        return remaining().negate().max(Money.ZERO);
    }

    /** What was paid and not given back. */
    public Money netReceived() {
        return paid.minus(refunded);
    }

    /** What is left to pay of the deposit: its amount less what was paid (refunds do not count). */
    public Money depositOwed() {
        return deposit.minus(paid).max(Money.ZERO);
    }

    public boolean isDepositPaid() {
        return paid.compareTo(deposit) >= 0;
    }

    /**
     * What is due next and by when: the rest of the deposit by its due date while the deposit is
     * not paid, then what is left to pay by the balance's due date; nothing once all is paid.
     */
    public Optional<Due> nextDue() {
        if (!owed().isPositive()) {
            return Optional.empty();
        }
        return isDepositPaid() ? Optional.of(new Due(PaymentKind.BALANCE, owed(), balanceDueOn))
                : Optional.of(new Due(PaymentKind.DEPOSIT, depositOwed(), depositDueOn));
    }
}
