package org.sejour.application.document;

import org.sejour.domain.model.dossier.DossierAmounts;
import org.sejour.domain.model.pricing.SalesTerms;
import org.sejour.domain.model.shared.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dossier's amounts as the guest reads them in the contract and the mails, one
 * "label : amount" line each, in the same words everywhere (docs/pricing.md, "The amounts a
 * guest reads"): the deposit and the balance with their due dates, then what was paid, refunded,
 * is left to pay and is to refund. The amounts are the dossier's ({@link DossierAmounts}); nothing
 * is computed here.
 */
public final class AmountLines {

    private AmountLines() {
    }

    /**
     * "Total du séjour : 528,80 €"; once cancelled, the total is the fee kept and says so
     * ("Frais d'annulation : 100,00 €").
     */
    public static String total(DossierAmounts amounts, boolean cancelled, ContractTexts t) {
        return t.labelled(totalLabel(cancelled, t), t.money(amounts.total()));
    }

    public static String totalLabel(boolean cancelled, ContractTexts t) {
        return t.text(cancelled ? "line.CANCELLATION_FEE" : "total");
    }

    /**
     * The schedule agreed (deposit and balance, each with its due date; not once cancelled: the
     * fee replaced it), then what was paid, refunded (when anything was), left to pay, and to
     * refund (when anything is). Before a cancellation deposit + balance = total, and
     * paid + left to pay = total until more than the total was paid.
     */
    public static List<String> payments(DossierAmounts amounts, boolean cancelled, SalesTerms.DepositType depositType,
                                        ContractTexts t) {
        List<String> lines = new ArrayList<>();
        if (!cancelled) {
            lines.add(scheduled(t.text("deposit." + depositType.name()), amounts.deposit(), amounts.depositDue(), t));
            lines.add(scheduled(t.text("balance"), amounts.balance(), amounts.balanceDue(), t));
        }
        lines.add(t.labelled(t.text("paid"), t.money(amounts.paid())));
        if (amounts.refunded().isPositive()) {
            lines.add(t.labelled(t.text("refunded"), t.money(amounts.refunded())));
        }
        lines.add(t.labelled(t.text("remaining"), t.money(amounts.owed())));
        if (amounts.toRefund().isPositive()) {
            lines.add(t.labelled(t.text("toRefund"), t.money(amounts.toRefund())));
        }
        return lines;
    }

    private static String scheduled(String label, Money amount, Optional<LocalDate> due, ContractTexts t) {
        String labelled = t.labelled(label, t.money(amount));
        return amount.isPositive() ? due.map(d -> t.text("dueBy", labelled, t.date(d))).orElse(labelled) : labelled;
    }
}
