package org.sejour.domain.model.catalog;

import org.sejour.domain.model.shared.InvalidInputException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The user-facing checks the catalog entities share. Each failure names the form field and a
 * message key, so the back office can show it next to the input.
 */
final class Rules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** numeric(12, 2) in the schema */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    private Rules() {
    }

    static <T> T required(T value, String field, String messageKey) {
        if (value == null) {
            throw new InvalidInputException(field, messageKey);
        }
        return value;
    }

    static String text(String value, int maxLength, String field, String prefix) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, prefix + ".required");
        }
        String kept = value.strip();
        if (kept.length() > maxLength) {
            throw new InvalidInputException(field, prefix + ".tooLong");
        }
        return kept;
    }

    static String optionalText(String value, int maxLength, String field, String messageKey) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String kept = value.strip();
        if (kept.length() > maxLength) {
            throw new InvalidInputException(field, messageKey);
        }
        return kept;
    }

    static int between(int value, int min, int max, String field, String messageKey) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, messageKey);
        }
        return value;
    }

    /** An amount of euros: not negative, at most two decimals, within the column. */
    static BigDecimal amount(BigDecimal value, String field, String messageKey) {
        required(value, field, messageKey);
        if (value.signum() < 0 || value.compareTo(MAX_AMOUNT) > 0 || value.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(field, messageKey);
        }
        return value;
    }

    /** A percentage with at most two decimals; zero allowed only when {@code zeroAllowed}, 100 only when {@code fullAllowed}. */
    static BigDecimal percent(BigDecimal value, boolean zeroAllowed, boolean fullAllowed, String field, String messageKey) {
        required(value, field, messageKey);
        boolean tooLow = zeroAllowed ? value.signum() < 0 : value.signum() <= 0;
        boolean tooHigh = fullAllowed ? value.compareTo(HUNDRED) > 0 : value.compareTo(HUNDRED) >= 0;
        if (tooLow || tooHigh || value.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(field, messageKey);
        }
        return value;
    }

    static void order(LocalDate first, LocalDate last, String field, String prefix) {
        required(first, field, prefix + ".required");
        required(last, field, prefix + ".required");
        if (last.isBefore(first)) {
            throw new InvalidInputException(field, prefix + ".order");
        }
    }

    /** The schema keys periods by their first day: two periods of one object cannot start the same day. */
    static <P extends HasFirstDay> List<P> distinctFirstDays(Collection<P> periods, String field, String prefix) {
        required(periods, field, prefix + ".required");
        Set<LocalDate> firsts = new LinkedHashSet<>();
        for (P period : periods) {
            required(period, field, prefix + ".required");
            if (!firsts.add(period.firstDay())) {
                throw new InvalidInputException(field, prefix + ".duplicate");
            }
        }
        return List.copyOf(periods);
    }

    interface HasFirstDay {
        LocalDate firstDay();
    }
}
