package org.sejour.application.planning;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.planning.PlanningView.AccommodationPlan;
import org.sejour.application.planning.PlanningView.BookingSpan;
import org.sejour.application.planning.PlanningView.ChannelSpan;
import org.sejour.application.planning.PlanningView.PromotionSpan;
import org.sejour.application.planning.PlanningView.RateSpan;
import org.sejour.application.planning.PlanningView.SalesBanSpan;
import org.sejour.application.planning.PlanningView.StockNight;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.catalog.DiscountKind;
import org.sejour.domain.model.catalog.Weekdays;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.pricing.Promotion;
import org.sejour.domain.model.shared.InvalidInputException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The read side of the planning: for one account and a range of days, ONE SQL statement whatever
 * the number of accommodations or days: a {@code union all} of seven typed row kinds
 * (accommodations, dossiers overlapping (one row per accommodation they book: their stays, and the
 * first one's column, for rows written without stays), rate periods
 * overlapping, stock nights, sales bans, imported calendar events, promotions with their stays),
 * grouped by accommodation here. A promotion for all accommodations comes once with accommodation
 * 0, one for all stays without a period. One statement rather than six
 * because each round trip to PostgreSQL costs more than these small reads (issue 4: at most
 * five statements per planning request, header included). Each branch filters on the account
 * (directly or through {@code accommodation.account_id}), so another owner's rows never come
 * back. Projections rather than entities: the planning only displays, and loading aggregates
 * with their collections would cost a query per accommodation.
 */
@Stateless
public class PlanningQueries {

    /** The accommodation a promotion for all of them is read under. */
    private static final long ALL = 0;

    /** A quarter and a bit: the widest view the page offers is nine weeks. */
    public static final int MAX_DAYS = 100;

    /*
     * Every branch has the same columns: kind, accommodation id, row id, three texts, two days,
     * three integers, two amounts, a flag, and "sort_rank" (what orders rows of a kind after their
     * first day). ?1 account, ?2 first day, ?3 last day. Ordered so that each kind comes in the
     * order the grid expects: accommodations by seq, the others by first day, then sort_rank, then id.
     * A dossier occupies the nights [arrival, departure): it shows if one of them is in the range;
     * an imported event is "in conflict" when it lost its nights to another. No SQL comments in
     * the text: EclipseLink scans it for parameters.
     */
    private static final String ROWS = """
            select 'A' as kind, a.id as accommodation, a.id, a.reference as t1, a.name as t2, a.visibility as t3,
                   cast(null as date) as d1, cast(null as date) as d2, cast(null as integer) as i1,
                   cast(null as integer) as i2, cast(null as integer) as i3, cast(null as numeric) as n1,
                   cast(null as numeric) as n2, a.stock_managed as flag, a.seq as sort_rank
              from accommodation a where a.account_id = ?1
            union all
            select 'D', x.accommodation_id, d.id, d.status, d.guest_first_name, d.guest_last_name,
                   d.arrival, d.departure, d.number, null, null, null, null, null, 0
              from dossier d cross join lateral (select s.accommodation_id from dossier_stay s where s.dossier_id = d.id
                                                 union select d.accommodation_id) x
             where d.account_id = ?1 and d.status <> 'CANCELLED'
               and d.arrival <= ?3 and d.departure > ?2
            union all
            select 'R', r.accommodation_id, r.id, r.discount_kind, null, null, p.first_day, p.last_day,
                   r.nights, r.arrival_days, null, r.price, r.discount_value, null, r.nights
              from rate r join rate_period p on p.rate_id = r.id
             where r.account_id = ?1 and p.first_day <= ?3 and p.last_day >= ?2
            union all
            select 'S', s.accommodation_id, null, null, null, null, s.night, null, s.units, s.sold, null,
                   null, null, null, 0
              from night_stock s join accommodation a on a.id = s.accommodation_id
             where a.account_id = ?1 and s.night >= ?2 and s.night <= ?3
            union all
            select 'B', b.accommodation_id, b.id, null, null, null, b.first_night, b.last_night, null, null,
                   null, null, null, null, 0
              from sales_ban b join accommodation a on a.id = b.accommodation_id
             where a.account_id = ?1 and b.first_night <= ?3 and b.last_night >= ?2
            union all
            select 'C', c.accommodation_id, c.id, f.name, c.summary, null, c.first_night, c.departure, null,
                   null, null, null, null,
                   exists (select 1 from channel_conflict x where x.block_id = c.id), 0
              from channel_block c join channel_feed f on f.id = c.feed_id
             where f.account_id = ?1 and c.first_night <= ?3 and c.departure > ?2
            union all
            select 'P', coalesce(pa.accommodation_id, 0), p.id, p.kind, p.label, null, pp.first_day, pp.last_day,
                   p.days, null, null, p.percent, null, null, 0
              from promotion p left join promotion_accommodation pa on pa.promotion_id = p.id
                   left join promotion_period pp on pp.promotion_id = p.id
             where p.account_id = ?1 and (pp.first_day is null or (pp.first_day <= ?3 and pp.last_day >= ?2))
            order by kind, d1, sort_rank, id
            """;

    @PersistenceContext(unitName = "sejour")
    EntityManager em;

    /** Everything the planning shows for {@code first … last} (both included). */
    public PlanningView load(long accountId, @NotNull LocalDate first, @NotNull LocalDate last) {
        if (last.isBefore(first)) {
            throw new InvalidInputException("period", "period.order");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new InvalidInputException("period", "planning.range.tooLong");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(ROWS).setParameter(1, accountId).setParameter(2, first)
                .setParameter(3, last).getResultList();
        List<Object[]> accommodations = new ArrayList<>();
        Lines lines = new Lines();
        for (Object[] row : rows) {
            long accommodation = ((Number) row[1]).longValue();
            switch ((String) row[0]) {
                case "A" -> accommodations.add(row);
                // the name as Guest.displayName() writes it, without loading the dossier
                case "D" -> lines.bookings.computeIfAbsent(accommodation, k -> new ArrayList<>()).add(new BookingSpan(
                        id(row), integer(row[8]), DossierStatus.valueOf((String) row[3]),
                        ((String) row[5]).toUpperCase(Locale.ROOT) + " " + row[4], day(row[6]), day(row[7])));
                case "R" -> lines.rates.computeIfAbsent(accommodation, k -> new ArrayList<>()).add(new RateSpan(
                        id(row), day(row[6]), day(row[7]), integer(row[8]), Weekdays.fromMask(integer(row[9])),
                        (BigDecimal) row[11], row[3] == null ? null : DiscountKind.valueOf((String) row[3]),
                        (BigDecimal) row[12]));
                case "S" -> lines.stock.computeIfAbsent(accommodation, k -> new ArrayList<>()).add(new StockNight(
                        day(row[6]), integer(row[8]), integer(row[9])));
                case "B" -> lines.bans.computeIfAbsent(accommodation, k -> new ArrayList<>()).add(new SalesBanSpan(
                        id(row), day(row[6]), day(row[7])));
                case "C" -> lines.channel.computeIfAbsent(accommodation, k -> new ArrayList<>()).add(new ChannelSpan(
                        id(row), (String) row[3], (String) row[4], day(row[6]), day(row[7]), (Boolean) row[13]));
                case "P" -> lines.promotions.computeIfAbsent(accommodation, k -> new ArrayList<>()).add(
                        new PromotionSpan(id(row), Promotion.Kind.valueOf((String) row[3]), (String) row[4],
                                integer(row[8]), (BigDecimal) row[11], row[6] == null ? null : day(row[6]),
                                row[7] == null ? null : day(row[7])));
                default -> throw new IllegalStateException("unknown planning row kind " + row[0]);
            }
        }
        List<AccommodationPlan> plans = new ArrayList<>();
        for (Object[] row : accommodations) {
            long id = id(row);
            List<PromotionSpan> promotions = new ArrayList<>(lines.promotions.getOrDefault(ALL, List.of()));
            promotions.addAll(lines.promotions.getOrDefault(id, List.of()));
            plans.add(new AccommodationPlan(id, (String) row[3], (String) row[4], Visibility.valueOf((String) row[5]),
                    (Boolean) row[13], lines.bookings.getOrDefault(id, List.of()),
                    lines.rates.getOrDefault(id, List.of()), lines.stock.getOrDefault(id, List.of()),
                    lines.bans.getOrDefault(id, List.of()), lines.channel.getOrDefault(id, List.of()), promotions));
        }
        return new PlanningView(first, last, plans);
    }

    /** The rows of each line, by accommodation id, in the statement's order. */
    private static final class Lines {
        final Map<Long, List<BookingSpan>> bookings = new HashMap<>();
        final Map<Long, List<RateSpan>> rates = new HashMap<>();
        final Map<Long, List<StockNight>> stock = new HashMap<>();
        final Map<Long, List<SalesBanSpan>> bans = new HashMap<>();
        final Map<Long, List<ChannelSpan>> channel = new HashMap<>();
        final Map<Long, List<PromotionSpan>> promotions = new HashMap<>();
    }

    private static long id(Object[] row) {
        return ((Number) row[2]).longValue();
    }

    private static int integer(Object value) {
        return ((Number) value).intValue();
    }

    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
