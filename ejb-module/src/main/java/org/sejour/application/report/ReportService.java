package org.sejour.application.report;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.sejour.application.access.Requires;
import org.sejour.application.report.ReportFigures.AccommodationLine;
import org.sejour.application.report.ReportFigures.Figures;
import org.sejour.application.report.ReportFigures.MonthLine;
import org.sejour.application.report.ReportFigures.OriginLine;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.pricing.QuoteLine;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.NotFoundException;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The owner's reports (docs/reports.md): occupancy, average nightly price, revenue per
 * accommodation and per month, bookings per origin and cancellations, for a period and all the
 * owner's accommodations or one. Four SQL aggregates whatever the number of dossiers, all
 * {@code where account_id = ?}; Java only adds up the few rows per accommodation and month they
 * give. One class, so that who may read the figures can be said in one place.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ReportService {

    /** A report spans at most two years: beyond that the months no longer fit a chart. */
    public static final int MAX_YEARS = 2;

    /** Lines that price the nights themselves: the rate, and the discounts taken off it. */
    static final List<String> LODGING = Stream.of(QuoteLine.Kind.ACCOMMODATION, QuoteLine.Kind.RATE_DISCOUNT,
            QuoteLine.Kind.PROMOTION, QuoteLine.Kind.PROMO_CODE).map(Enum::name).toList();
    /** Collected for the commune, not revenue. */
    static final List<String> TAX = Stream.of(QuoteLine.Kind.TOURIST_TAX, QuoteLine.Kind.TOURIST_TAX_SURCHARGE)
            .map(Enum::name).toList();

    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    /**
     * The reports of the nights {@code from} to {@code to} (both included), for the accommodation
     * {@code accommodationId} of the owner or, when null, all of them. Another owner's (or a
     * missing) accommodation is not found; a period missing, reversed or too long is refused
     * with a reason per field.
     */
    @Requires(Permission.VIEW_FIGURES)
    public ReportFigures report(long accountId, LocalDate from, LocalDate to, Long accommodationId) {
        validate(from, to);
        LocalDate end = to.plusDays(1);
        try (Connection c = dataSource.getConnection()) {
            Map<Long, String> names = new LinkedHashMap<>();
            Map<Key, Figures> cells = new HashMap<>();
            lettable(c, accountId, from, end, accommodationId, names, cells);
            if (accommodationId != null && names.isEmpty()) {
                throw new NotFoundException("accommodation", accommodationId);
            }
            booked(c, accountId, from, end, accommodationId, cells);
            List<OriginLine> origins = origins(c, accountId, from, end, accommodationId);
            return assemble(from, to, accommodationId, names, cells, origins);
        } catch (SQLException e) {
            throw new IllegalStateException("reports of account " + accountId + " could not be read", e);
        }
    }

    private static void validate(LocalDate from, LocalDate to) {
        List<InvalidInputException.Violation> wrong = new ArrayList<>();
        if (from == null) {
            wrong.add(new InvalidInputException.Violation("from", "reports.from.required"));
        }
        if (to == null) {
            wrong.add(new InvalidInputException.Violation("to", "reports.to.required"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            wrong.add(new InvalidInputException.Violation("to", "reports.period.reversed"));
        } else if (from != null && to != null && !to.isBefore(from.plusYears(MAX_YEARS))) {
            wrong.add(new InvalidInputException.Violation("to", "reports.period.tooLong"));
        }
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong);
        }
    }

    /** One accommodation in one month. */
    private record Key(long accommodationId, YearMonth month) {
    }

    /**
     * Units that could be let, per accommodation and month: night by night, one unit for an
     * accommodation without stock management, the stock entered for one with it (none entered:
     * nothing to let), and on a night closed by a sales ban only the units sold anyway.
     */
    private static void lettable(Connection c, long accountId, LocalDate from, LocalDate end, Long accommodationId,
                                 Map<Long, String> names, Map<Key, Figures> cells) throws SQLException {
        // counted per month, not night by night: a night of an accommodation without stock is one
        // unit whatever its stock row says, so only stock-managed accommodations' rows and closed
        // nights are read (by their keys); the rest is each month's number of nights
        String sql = "with acc as (select id, seq, name, stock_managed from accommodation where account_id = ?"
                + (accommodationId == null ? "" : " and id = ?") + "),"
                + " closed as (select distinct b.accommodation_id, n::date night from sales_ban b"
                + "  join acc a on a.id = b.accommodation_id"
                + "  cross join generate_series(greatest(b.first_night, ?::date), least(b.last_night, ?::date - 1),"
                + "   interval '1 day') n"
                + "  where b.first_night < ? and b.last_night >= ?),"
                + " month as (select m::date first_day,"
                + "  least((m + interval '1 month')::date, ?::date) - greatest(m::date, ?::date) nights"
                + "  from generate_series(date_trunc('month', ?::date)::timestamp, (?::date - 1)::timestamp,"
                + "   interval '1 month') m),"
                + " part as ("
                + "  select a.id, m.first_day, m.nights units from acc a cross join month m where not a.stock_managed"
                + "  union all"
                + "  select s.accommodation_id, date_trunc('month', s.night)::date, s.units"
                + "  from acc a join night_stock s on s.accommodation_id = a.id"
                + "  where a.stock_managed and s.night >= ? and s.night < ?"
                + "  and not exists (select 1 from closed x where x.accommodation_id = s.accommodation_id and x.night = s.night)"
                + "  union all"
                // a closed night: only what was sold on it anyway (the one unit counted above taken back)
                + "  select x.accommodation_id, date_trunc('month', x.night)::date,"
                + "   coalesce(s.sold, 0) - case when a.stock_managed then 0 else 1 end"
                + "  from closed x join acc a on a.id = x.accommodation_id"
                + "  left join night_stock s on s.accommodation_id = x.accommodation_id and s.night = x.night)"
                + " select a.id, a.name, to_char(p.first_day, 'YYYY-MM'), coalesce(sum(p.units), 0)"
                + " from acc a left join part p on p.id = a.id"
                + " group by a.id, a.seq, a.name, p.first_day order by a.seq, 3";
        List<Object> values = new ArrayList<>();
        values.add(accountId);
        addIfGiven(values, accommodationId);
        values.addAll(List.of(from, end, end, from, end, from, from, end, from, end));
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, null, values.toArray());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.put(r.getLong(1), r.getString(2));
                    // a stock-managed accommodation without stock or ban in the period has no month row
                    if (r.getString(3) != null) {
                        cells.merge(new Key(r.getLong(1), YearMonth.parse(r.getString(3))),
                                new Figures(r.getLong(4), 0, 0, BigDecimal.ZERO, BigDecimal.ZERO), Figures::plus);
                    }
                }
            }
        }
    }


    /**
     * Booked nights and revenue per accommodation and month. Each stay of a live dossier (not
     * cancelled, not a booking test) and each channel block holding its nights is cut into the
     * months, and the period, its nights fall in; a stay's price goes with its nights, pro rata.
     * Lines of the whole dossier (adjustments) go with its first stay.
     */
    private static void booked(Connection c, long accountId, LocalDate from, LocalDate end, Long accommodationId,
                               Map<Key, Figures> cells) throws SQLException {
        String lodging = quoted(LODGING);
        // The dossiers are found once by the GiST index on their nights (V49). Their stays, then the
        // lines of those stays, are each read by one index scan over the array of their ids: probing
        // the indexes dossier by dossier (a lateral subquery with a sort and a group per dossier) was
        // about two thirds of the report's time. A stay and its lines meet in a union grouped by
        // (dossier, stay), not in a join: the planner guesses ten ids in an array, and on that guess
        // joined thousands of stays to thousands of lines by nested loops. The one join left, stays
        // to their dossier, has the dossiers' count from the index statistics on one side.
        String sql = "with d as materialized (select id, arrival, departure from dossier"
                + "  where account_id = ? and daterange(arrival, departure) && daterange(?::date, ?::date)"
                + "  and status <> 'CANCELLED' and origin <> 'TEST'),"
                + " s as materialized (select dossier_id, position, accommodation_id from dossier_stay"
                + "  where dossier_id = any(array(select id from d))"
                + (accommodationId == null ? "" : " and accommodation_id = ?") + "),"
                + " piece as (select s.dossier_id, s.position, s.accommodation_id acc, d.arrival, d.departure,"
                + "   0 lodging, 0 extras from s join d on d.id = s.dossier_id"
                + "  union all"
                + "  select dossier_id, coalesce(stay_position, 0), null, null, null,"
                + "   case when kind in (" + lodging + ") then amount else 0 end,"
                + "   case when kind in (" + lodging + ") then 0 else amount end"
                + "  from dossier_line where dossier_id = any(array(select dossier_id from s))"
                + "  and kind not in (" + quoted(TAX) + ")),"
                + " stay as (select acc, greatest(arrival, ?::date) first_night, least(departure, ?::date) last_day,"
                + "  departure - arrival nights, lodging, extras, dossier from ("
                + "  select max(acc) acc, max(arrival) arrival, max(departure) departure, sum(lodging) lodging,"
                + "   sum(extras) extras, true dossier"
                + "  from piece group by dossier_id, position having max(acc) is not null"
                + "  union all"
                + "  select b.accommodation_id, b.first_night, b.departure, 0, 0, false"
                + "  from channel_block b join channel_feed f on f.id = b.feed_id"
                + "  where f.account_id = ? and b.holds_nights and b.first_night < ? and b.departure > ?"
                + (accommodationId == null ? "" : " and b.accommodation_id = ?") + ") st),"
                // each stay cut into the months its nights in the period fall in: most lie in one
                // month and need no series; a stay all inside its month brings its whole price, untouched
                + " part as (select acc, date_trunc('month', first_night::timestamp) first_day,"
                + "  last_day - first_night inside, nights, lodging, extras, dossier from stay"
                + "  where date_trunc('month', first_night::timestamp) = date_trunc('month', (last_day - 1)::timestamp)"
                + "  union all"
                + "  select acc, m, least(last_day, (m + interval '1 month')::date) - greatest(first_night, m::date),"
                + "  nights, lodging, extras, dossier"
                + "  from stay cross join generate_series(date_trunc('month', first_night::timestamp),"
                + "   (last_day - 1)::timestamp, interval '1 month') m"
                + "  where date_trunc('month', first_night::timestamp) <> date_trunc('month', (last_day - 1)::timestamp))"
                + " select acc, to_char(first_day, 'YYYY-MM'),"
                + " coalesce(sum(inside) filter (where dossier), 0), coalesce(sum(inside) filter (where not dossier), 0),"
                + " coalesce(sum(case when inside = nights then lodging else lodging * inside / nights end), 0),"
                + " coalesce(sum(case when inside = nights then extras else extras * inside / nights end), 0)"
                + " from part where inside > 0 group by acc, first_day";
        List<Object> values = new ArrayList<>(List.of(accountId, from, end));
        addIfGiven(values, accommodationId);
        values.addAll(List.of(from, end, accountId, end, from));
        addIfGiven(values, accommodationId);
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, null, values.toArray());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    cells.merge(new Key(r.getLong(1), YearMonth.parse(r.getString(2))),
                            new Figures(0, r.getLong(3), r.getLong(4), r.getBigDecimal(5), r.getBigDecimal(6)),
                            Figures::plus);
                }
            }
        }
    }

    /**
     * Dossiers with a night in the period per origin, live and cancelled (booking tests left
     * out), then the channel blocks holding nights in it per feed.
     */
    private static List<OriginLine> origins(Connection c, long accountId, LocalDate from, LocalDate end,
                                            Long accommodationId) throws SQLException {
        List<OriginLine> origins = new ArrayList<>();
        String sql = "select d.origin, count(*) filter (where d.status <> 'CANCELLED'),"
                + " count(*) filter (where d.status = 'CANCELLED') from dossier d"
                + " where d.account_id = ? and daterange(d.arrival, d.departure) && daterange(?::date, ?::date)"
                + " and d.origin <> 'TEST'"
                + (accommodationId == null ? ""
                : " and exists (select 1 from dossier_stay s where s.dossier_id = d.id and s.accommodation_id = ?)")
                + " group by d.origin";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, accommodationId, accountId, from, end);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    origins.add(new OriginLine(Origin.valueOf(r.getString(1)), null, r.getLong(2), r.getLong(3)));
                }
            }
        }
        String channels = "select f.name, count(*) from channel_block b join channel_feed f on f.id = b.feed_id"
                + " where f.account_id = ? and b.holds_nights and b.first_night < ? and b.departure > ?"
                + (accommodationId == null ? "" : " and b.accommodation_id = ?") + " group by f.name";
        try (PreparedStatement s = c.prepareStatement(channels)) {
            bind(s, accommodationId, accountId, end, from);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    origins.add(new OriginLine(null, r.getString(1), r.getLong(2), 0));
                }
            }
        }
        origins.sort(Comparator.comparingLong((OriginLine o) -> -(o.bookings() + o.cancelled()))
                .thenComparing(o -> o.origin() == null ? 1 : 0)
                .thenComparing(o -> o.origin() == null ? o.channel() : o.origin().name()));
        return origins;
    }

    private static ReportFigures assemble(LocalDate from, LocalDate to, Long accommodationId, Map<Long, String> names,
                                          Map<Key, Figures> cells, List<OriginLine> origins) {
        Map<Long, Figures> perAccommodation = new HashMap<>();
        Map<YearMonth, Figures> perMonth = new TreeMap<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            perMonth.put(m, Figures.NONE);
        }
        Figures total = Figures.NONE;
        for (Map.Entry<Key, Figures> cell : cells.entrySet()) {
            perAccommodation.merge(cell.getKey().accommodationId(), cell.getValue(), Figures::plus);
            perMonth.merge(cell.getKey().month(), cell.getValue(), Figures::plus);
            total = total.plus(cell.getValue());
        }
        List<AccommodationLine> accommodations = names.entrySet().stream()
                .map(n -> new AccommodationLine(n.getKey(), n.getValue(),
                        perAccommodation.getOrDefault(n.getKey(), Figures.NONE)))
                .collect(Collectors.toList());
        List<MonthLine> months = perMonth.entrySet().stream().map(m -> new MonthLine(m.getKey(), m.getValue())).toList();
        return new ReportFigures(from, to, accommodationId, accommodations, months, total, origins);
    }

    private static void addIfGiven(List<Object> values, Long accommodationId) {
        if (accommodationId != null) {
            values.add(accommodationId);
        }
    }

    private static String quoted(List<String> kinds) {
        return kinds.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", "));
    }

    /** Binds {@code values} then, when given, the accommodation the report is narrowed to. */
    private static void bind(PreparedStatement s, Long accommodationId, Object... values) throws SQLException {
        int i = 0;
        for (Object value : values) {
            s.setObject(++i, value);
        }
        if (accommodationId != null) {
            s.setObject(++i, accommodationId);
        }
    }
}
