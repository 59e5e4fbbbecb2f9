package org.sejour.application.dashboard;

import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.shared.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * What the dashboard shows about an account's bookings, read in one go. Cancelled dossiers
 * count nowhere: they are neither bookings nor revenue.
 *
 * @param revenueByMonth the twelve calendar months ending with the current one, oldest first,
 *                       months without bookings included at zero
 * @param origins        bookings of all time per origin, most frequent first
 */
public record DashboardFigures(LocalDate today, long bookingsToday, Activity last12Months, Activity last30Days,
                               Activity last7Days, List<MonthRevenue> revenueByMonth, List<OriginCount> origins,
                               List<Reminder> awaitingDeposit, List<Reminder> awaitingBalance,
                               List<Movement> arrivals, List<Movement> departures) {

    public DashboardFigures {
        Objects.requireNonNull(today, "today is required");
        revenueByMonth = List.copyOf(revenueByMonth);
        origins = List.copyOf(origins);
        awaitingDeposit = List.copyOf(awaitingDeposit);
        awaitingBalance = List.copyOf(awaitingBalance);
        arrivals = List.copyOf(arrivals);
        departures = List.copyOf(departures);
    }

    /** Bookings made in a period and what they are worth. */
    public record Activity(long bookings, Money revenue) {
    }

    public record MonthRevenue(YearMonth month, long bookings, Money revenue) {
    }

    public record OriginCount(Origin origin, long bookings) {
    }

    /** A dossier whose deposit or balance is due (or late) and not paid: {@code due} is what remains of it. */
    public record Reminder(long dossierId, int number, String guest, Money due, LocalDate dueDate, boolean late) {
    }

    /** A guest arriving or leaving on {@code day}. */
    public record Movement(long dossierId, int number, String guest, String accommodation, LocalDate day) {
    }
}
