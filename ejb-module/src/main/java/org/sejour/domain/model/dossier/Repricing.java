package org.sejour.domain.model.dossier;

import org.sejour.domain.model.pricing.Basket;
import org.sejour.domain.model.pricing.Quote;
import org.sejour.domain.model.pricing.QuoteLine;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The price a dossier agrees to, from the engine's quotes: when it is booked, and when the owner
 * changes it. A change is priced by today's rules (the new basket); the owner then keeps the price
 * agreed (a line makes up the difference), takes the new one, or types an adjustment with its
 * reason. Rules and worked examples: docs/pricing.md, "Changing a booking".
 */
public final class Repricing {

    /** Longest reason typed for an adjustment (it is a line's label). */
    public static final int MAX_REASON = 200;

    /** What the owner chose for the price of a changed booking. */
    public enum Choice {
        /** the new stay at today's price */
        NEW_PRICE,
        /** the new stay at the total agreed before, a line making up the difference */
        KEEP_AGREED,
        /** the new stay at today's price plus (or minus) an amount the owner types, with its reason */
        ADJUSTMENT
    }

    /** The owner's choice; an adjustment needs its amount and its reason. */
    public record Decision(Choice choice, Money adjustment, String reason) {
        public Decision {
            Objects.requireNonNull(choice, "choice is required");
            if (choice == Choice.ADJUSTMENT) {
                if (adjustment == null || adjustment.isZero()) {
                    throw new InvalidInputException("adjustment", "change.adjustment.required");
                }
                if (reason == null || reason.isBlank()) {
                    throw new InvalidInputException("adjustmentReason", "change.adjustment.reason.required");
                }
                if (reason.strip().length() > MAX_REASON) {
                    throw new InvalidInputException("adjustmentReason", "change.adjustment.reason.tooLong");
                }
                reason = reason.strip();
            } else {
                adjustment = null;
                reason = null;
            }
        }

        public static Decision of(Choice choice) {
            return new Decision(choice, null, null);
        }
    }

    private Repricing() {
    }

    /** The basket's lines as a dossier keeps them: in order, each naming the stay it prices. */
    public static List<PricedLine> lines(Basket basket) {
        List<PricedLine> lines = new ArrayList<>();
        for (int stay = 0; stay < basket.quotes().size(); stay++) {
            Quote quote = basket.quotes().get(stay);
            for (QuoteLine line : quote.lines()) {
                lines.add(new PricedLine(lines.size(), line.kind().name(), line.label(), line.quantity(),
                        line.amount().amount(), line.supplementId().orElse(null), stay));
            }
        }
        return lines;
    }

    /** A new booking agrees to the basket as quoted. */
    public static Dossier.AgreedPrice ofBooking(Basket basket) {
        return new Dossier.AgreedPrice(lines(basket), basket.total(), basket.depositAmount(), basket.depositDue(),
                basket.balanceDue());
    }

    /**
     * The price of a changed booking. The deposit: once paid it is history and stays as it was;
     * not yet paid, it stays as agreed when the owner keeps the agreed price, and becomes the new
     * basket's (today's terms) otherwise; never above the new total. Its deadline stays, unless
     * the new balance falls due before it. The balance is due as the new stay's terms say.
     */
    public static Dossier.AgreedPrice ofChange(Dossier current, Basket basket, Decision decision) {
        List<PricedLine> lines = lines(basket);
        Money total = basket.total();
        Money extra = switch (decision.choice()) {
            case NEW_PRICE -> Money.ZERO;
            case KEEP_AGREED -> current.total().minus(total);
            case ADJUSTMENT -> decision.adjustment();
        };
        if (!extra.isZero()) {
            String kind = decision.choice() == Choice.KEEP_AGREED ? PricedLine.AGREED_PRICE : PricedLine.ADJUSTMENT;
            lines.add(new PricedLine(lines.size(), kind, decision.choice() == Choice.ADJUSTMENT ? decision.reason() : "",
                    1, extra.amount(), null));
            total = total.plus(extra);
        }
        boolean keepDeposit = current.isDepositPaid() || decision.choice() == Choice.KEEP_AGREED;
        Money deposit = (keepDeposit ? current.depositAmount() : basket.depositAmount()).min(total.max(Money.ZERO));
        LocalDate balanceDue = basket.balanceDue();
        LocalDate depositDue = current.depositDue().orElse(basket.depositDue());
        if (depositDue.isAfter(balanceDue)) {
            depositDue = balanceDue;
        }
        return new Dossier.AgreedPrice(lines, total, deposit, depositDue, balanceDue);
    }
}
