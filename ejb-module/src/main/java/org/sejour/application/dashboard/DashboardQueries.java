package org.sejour.application.dashboard;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.dashboard.DashboardFigures.Activity;
import org.sejour.application.dashboard.DashboardFigures.MonthRevenue;
import org.sejour.application.dashboard.DashboardFigures.Movement;
import org.sejour.application.dashboard.DashboardFigures.OriginCount;
import org.sejour.application.dashboard.DashboardFigures.Reminder;
import org.sejour.domain.model.dossier.DossierAmounts;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.shared.Money;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's read side: plain SQL aggregates over the account's dossiers, five statements
 * whatever the number of dossiers. Days and months are French calendar days (Europe/Paris),
 * as everywhere in the booking engine.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DashboardQueries {

    /** a deposit or balance due within this many days is listed with the late ones */
    public static final int REMINDER_HORIZON_DAYS = 7;
    /** next arrivals and departures: today and the days after, this many in all */
    public static final int MOVEMENT_DAYS = 7;
    private static final int MAX_ROWS = 100;
    private static final String ZONE = BusinessCalendar.ZONE.getId();

    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    public DashboardFigures figures(long accountId) {
        return figures(accountId, BusinessCalendar.today(Clock.systemUTC()));
    }

    /** The figures as seen on {@code today}. */
    public DashboardFigures figures(long accountId, LocalDate today) {
        try (Connection connection = dataSource.getConnection()) {
            Activities activities = activities(connection, accountId, today);
            List<Reminder> deposits = new ArrayList<>();
            List<Reminder> balances = new ArrayList<>();
            reminders(connection, accountId, today, deposits, balances);
            List<Movement> arrivals = new ArrayList<>();
            List<Movement> departures = new ArrayList<>();
            movements(connection, accountId, today, arrivals, departures);
            return new DashboardFigures(today, activities.today(), activities.months12(), activities.days30(),
                    activities.days7(), revenueByMonth(connection, accountId, today), origins(connection, accountId),
                    deposits, balances, arrivals, departures);
        } catch (SQLException e) {
            throw new IllegalStateException("dashboard figures of account " + accountId + " could not be read", e);
        }
    }

    private record Activities(long today, Activity months12, Activity days30, Activity days7) {
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(BusinessCalendar.ZONE).toInstant());
    }

    private static Activities activities(Connection c, long accountId, LocalDate today) throws SQLException {
        Timestamp todayStart = startOf(today);
        Timestamp months12 = startOf(today.minusMonths(12).plusDays(1));
        Timestamp days30 = startOf(today.minusDays(29));
        Timestamp days7 = startOf(today.minusDays(6));
        String sql = "select count(*) filter (where created_at >= ?), "
                + "count(*), coalesce(sum(total), 0), "
                + "count(*) filter (where created_at >= ?), coalesce(sum(total) filter (where created_at >= ?), 0), "
                + "count(*) filter (where created_at >= ?), coalesce(sum(total) filter (where created_at >= ?), 0) "
                + "from dossier where account_id = ? and status <> 'CANCELLED' and created_at >= ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, todayStart, days30, days30, days7, days7, accountId, months12);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Activities(r.getLong(1), new Activity(r.getLong(2), money(r.getBigDecimal(3))),
                        new Activity(r.getLong(4), money(r.getBigDecimal(5))),
                        new Activity(r.getLong(6), money(r.getBigDecimal(7))));
            }
        }
    }

    private static List<MonthRevenue> revenueByMonth(Connection c, long accountId, LocalDate today) throws SQLException {
        YearMonth first = YearMonth.from(today).minusMonths(11);
        String sql = "select to_char(created_at at time zone '" + ZONE + "', 'YYYY-MM'), count(*), sum(total) "
                + "from dossier where account_id = ? and status <> 'CANCELLED' and created_at >= ? group by 1";
        Map<YearMonth, MonthRevenue> found = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, accountId, startOf(first.atDay(1)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    YearMonth month = YearMonth.parse(r.getString(1));
                    found.put(month, new MonthRevenue(month, r.getLong(2), money(r.getBigDecimal(3))));
                }
            }
        }
        List<MonthRevenue> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(YearMonth.from(today)); m = m.plusMonths(1)) {
            months.add(found.getOrDefault(m, new MonthRevenue(m, 0, Money.ZERO)));
        }
        return months;
    }

    private static List<OriginCount> origins(Connection c, long accountId) throws SQLException {
        String sql = "select origin, count(*) from dossier where account_id = ? and status <> 'CANCELLED' "
                + "group by origin order by 2 desc, 1";
        List<OriginCount> origins = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, accountId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    origins.add(new OriginCount(Origin.valueOf(r.getString(1)), r.getLong(2)));
                }
            }
        }
        return origins;
    }

    /**
     * Deposit reminders: less than the deposit paid and its deadline passed or near. Balance
     * reminders: deposit paid, total not, balance deadline passed or near. Refunds do not matter
     * here: money given back never becomes due again, and what is due is counted from what was paid.
     */
    private static void reminders(Connection c, long accountId, LocalDate today, List<Reminder> deposits,
                                  List<Reminder> balances) throws SQLException {
        LocalDate horizon = today.plusDays(REMINDER_HORIZON_DAYS);
        String sql = "select d.id, d.number, d.guest_last_name, d.guest_first_name, d.total, d.deposit_amount, "
                + "d.deposit_due, d.balance_due, coalesce(p.paid, 0) "
                + "from dossier d left join lateral (select sum(amount) paid from payment where dossier_id = d.id and amount > 0) p on true "
                + "where d.account_id = ? and d.status <> 'CANCELLED' and coalesce(p.paid, 0) < d.total "
                + "and ((coalesce(p.paid, 0) < d.deposit_amount and coalesce(d.deposit_due, ?) <= ?) "
                + "  or (coalesce(p.paid, 0) >= d.deposit_amount and coalesce(d.balance_due, ?) <= ?)) "
                + "order by case when coalesce(p.paid, 0) < d.deposit_amount then d.deposit_due else d.balance_due end, "
                + "d.number limit " + MAX_ROWS;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, accountId, today, horizon, today, horizon);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    // what is due next, as the dossier itself says (DossierAmounts): the rest of the
                    // deposit by its date, else what is left to pay by the balance's date
                    Optional<DossierAmounts.Due> next = DossierAmounts.of(Money.of(r.getBigDecimal(5)),
                            Money.of(r.getBigDecimal(6)), Money.of(r.getBigDecimal(9)), Money.ZERO).nextDue();
                    if (next.isEmpty()) {
                        continue;
                    }
                    String guest = displayName(r.getString(3), r.getString(4));
                    boolean deposit = next.get().kind() == PaymentKind.DEPOSIT;
                    LocalDate due = date(r, deposit ? 7 : 8, today);
                    (deposit ? deposits : balances).add(new Reminder(r.getLong(1), r.getInt(2), guest,
                            next.get().amount(), due, due.isBefore(today)));
                }
            }
        }
    }

    private static void movements(Connection c, long accountId, LocalDate today, List<Movement> arrivals,
                                  List<Movement> departures) throws SQLException {
        LocalDate end = today.plusDays(MOVEMENT_DAYS);
        String sql = "select d.id, d.number, d.guest_last_name, d.guest_first_name, a.name, d.arrival, d.departure "
                + "from dossier d join accommodation a on a.id = d.accommodation_id "
                + "where d.account_id = ? and d.status <> 'CANCELLED' "
                + "and ((d.arrival >= ? and d.arrival < ?) or (d.departure >= ? and d.departure < ?)) "
                + "order by least(d.arrival, d.departure), d.number limit " + (2 * MAX_ROWS);
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, accountId, today, end, today, end);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String guest = displayName(r.getString(3), r.getString(4));
                    LocalDate arrival = r.getObject(6, LocalDate.class);
                    LocalDate departure = r.getObject(7, LocalDate.class);
                    if (!arrival.isBefore(today) && arrival.isBefore(end)) {
                        arrivals.add(new Movement(r.getLong(1), r.getInt(2), guest, r.getString(5), arrival));
                    }
                    if (!departure.isBefore(today) && departure.isBefore(end)) {
                        departures.add(new Movement(r.getLong(1), r.getInt(2), guest, r.getString(5), departure));
                    }
                }
            }
        }
        departures.sort((a, b) -> a.day().compareTo(b.day()));
    }

    /** "MARTIN Claude", as the dossier lists show a guest. */
    static String displayName(String lastName, String firstName) {
        return lastName.toUpperCase(Locale.ROOT) + " " + firstName;
    }

    private static LocalDate date(ResultSet r, int column, LocalDate fallback) throws SQLException {
        LocalDate value = r.getObject(column, LocalDate.class);
        return value == null ? fallback : value;
    }

    private static Money money(BigDecimal amount) {
        return Money.of(amount == null ? BigDecimal.ZERO : amount);
    }

    private static void bind(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            s.setObject(i + 1, values[i]);
        }
    }
}
