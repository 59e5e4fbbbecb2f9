package org.sejour.domain.model.pricing;

import java.util.List;
import java.util.Objects;

import org.sejour.domain.model.shared.DateRange;
import org.sejour.domain.model.shared.StayPeriod;

/**
 * Which stays a promotion or promo code applies to ("séjours autorisés"): all
 * stays, or those whose ARRIVAL day falls in one of the chosen periods. The
 * arrival day decides, as it does for rates, so an owner reads every period
 * of the planning the same way.
 */
public record StayScope(boolean allStays, List<DateRange> periods) {

    public StayScope {
        Objects.requireNonNull(periods, "periods are required");
        periods = List.copyOf(periods);
        if (allStays && !periods.isEmpty()) {
            throw new IllegalArgumentException("a scope of all stays lists no periods");
        }
        if (!allStays && periods.isEmpty()) {
            throw new IllegalArgumentException("a selection of stays needs at least one period");
        }
    }

    public static StayScope all() {
        return new StayScope(true, List.of());
    }

    public static StayScope only(DateRange... periods) {
        return new StayScope(false, List.of(periods));
    }

    public static StayScope only(List<DateRange> periods) {
        return new StayScope(false, periods);
    }

    public boolean includes(StayPeriod stay) {
        Objects.requireNonNull(stay, "stay is required");
        return allStays || periods.stream().anyMatch(p -> p.contains(stay.arrival()));
    }
}
