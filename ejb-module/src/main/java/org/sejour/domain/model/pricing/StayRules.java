package org.sejour.domain.model.pricing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.sejour.domain.model.shared.StayPeriod;

/**
 * The bookability rules that do not depend on who books: minimum stay, lead
 * time, stock and sales bans. Shared by {@link QuoteCalculator} and
 * {@link ArrivalCalendar} so both agree on what is bookable.
 */
final class StayRules {

    private StayRules() {
    }

    static List<Refusal> check(StayPeriod stay, LocalDate bookingDate, SalesTerms terms,
                               NightAvailability availability) {
        List<Refusal> refusals = new ArrayList<>();
        if (stay.nights() < terms.minimumStayNights()) {
            refusals.add(new Refusal(UnbookableReason.BELOW_MINIMUM_STAY,
                    stay.nights() + " nights, minimum " + terms.minimumStayNights()));
        }
        long daysAhead = ChronoUnit.DAYS.between(bookingDate, stay.arrival());
        if (daysAhead < 0) {
            refusals.add(new Refusal(UnbookableReason.ARRIVAL_IN_THE_PAST,
                    "arrival " + stay.arrival() + " before booking date " + bookingDate));
        } else if (daysAhead < terms.leadTimeDays()) {
            refusals.add(new Refusal(UnbookableReason.LEAD_TIME_NOT_MET,
                    "arrival in " + daysAhead + " days, lead time " + terms.leadTimeDays() + " days"));
        }
        stay.eachNight().forEach(night -> {
            NightAvailability.NightStatus status = availability.statusOf(night);
            if (status.remainingStock() == 0) {
                // a unit held by an imported calendar's event: the night is closed on another platform
                refusals.add(new Refusal(status.heldByChannel() ? UnbookableReason.CLOSED_BY_CHANNEL
                        : UnbookableReason.NO_STOCK, "night of " + night, night));
            }
            if (status.salesBan()) {
                refusals.add(new Refusal(UnbookableReason.SALES_BAN, "night of " + night, night));
            }
        });
        return refusals;
    }
}
