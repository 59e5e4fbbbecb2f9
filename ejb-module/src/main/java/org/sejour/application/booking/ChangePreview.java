package org.sejour.application.booking;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a change would do, before the owner confirms it: today's quotes of the new stays, and, when
 * they are bookable, the price the owner's choice gives (lines, total, deposit and balance with
 * their due dates) next to what was already paid, what would be left to pay and to refund.
 */
public record ChangePreview(BasketResult quotes, Optional<Price> price) {

    /** A price line; {@code stay} is the position of the stay it prices, null for the whole dossier. */
    public record Line(String kind, String label, int quantity, BigDecimal amount, Integer stay)
            implements Serializable {
    }

    public record Price(List<Line> lines, BigDecimal total, BigDecimal deposit, LocalDate depositDue,
                        BigDecimal balance, LocalDate balanceDue, BigDecimal paid, BigDecimal remaining,
                        BigDecimal toRefund) implements Serializable {
    }
}
