package org.sejour.application.planning;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.planning.PlanningView.AccommodationPlan;
import org.sejour.application.planning.PlanningView.BookingSpan;
import org.sejour.application.planning.PlanningView.ChannelSpan;
import org.sejour.application.planning.PlanningView.RateSpan;
import org.sejour.application.planning.PlanningView.SalesBanSpan;
import org.sejour.application.planning.PlanningView.StockNight;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.catalog.DiscountKind;
import org.sejour.domain.model.catalog.Weekdays;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.shared.InvalidInputException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The read side of the planning: for one account and a range of days, five scalar JPQL queries
 * (accommodations, dossiers overlapping, rate periods overlapping, stock nights, sales bans)
 * and one SQL query (imported calendar events), whatever the number of accommodations. Each query filters on the account, so another
 * owner's rows never come back. Projections rather than entities: the planning only displays,
 * and loading aggregates with their collections would cost a query per accommodation.
 */
@Stateless
public class PlanningQueries {

    /** A quarter and a bit: the widest view the page offers is nine weeks. */
    public static final int MAX_DAYS = 100;

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
        Map<Long, List<BookingSpan>> bookings = bookings(accountId, first, last);
        Map<Long, List<RateSpan>> rates = rates(accountId, first, last);
        Map<Long, List<StockNight>> stock = stock(accountId, first, last);
        Map<Long, List<SalesBanSpan>> bans = salesBans(accountId, first, last);
        Map<Long, List<ChannelSpan>> channelBlocks = channelBlocks(accountId, first, last);
        List<AccommodationPlan> plans = new ArrayList<>();
        for (Object[] row : rows("select a.id, a.reference, a.name, a.visibility, a.stockManaged "
                + "from Accommodation a where a.account.id = :account order by a.seq", accountId, null, null)) {
            long id = (Long) row[0];
            plans.add(new AccommodationPlan(id, (String) row[1], (String) row[2], (Visibility) row[3],
                    (Boolean) row[4], bookings.getOrDefault(id, List.of()), rates.getOrDefault(id, List.of()),
                    stock.getOrDefault(id, List.of()), bans.getOrDefault(id, List.of()),
                    channelBlocks.getOrDefault(id, List.of())));
        }
        return new PlanningView(first, last, plans);
    }

    private Map<Long, List<BookingSpan>> bookings(long accountId, LocalDate first, LocalDate last) {
        // a stay occupies the nights [arrival, departure): it shows if one of them is in the range
        return grouped(rows("select d.accommodation.id, d.id, d.number, d.status, d.guest.firstName, "
                        + "d.guest.lastName, d.arrival, d.departure from Dossier d where d.accountId = :account "
                        + "and d.status <> org.sejour.domain.model.dossier.DossierStatus.CANCELLED "
                        + "and d.arrival <= :last and d.departure > :first order by d.arrival, d.id",
                accountId, first, last),
                // the name as Guest.displayName() writes it, without loading the dossier
                row -> new BookingSpan((Long) row[1], (Integer) row[2], (DossierStatus) row[3],
                        ((String) row[5]).toUpperCase(Locale.ROOT) + " " + row[4], (LocalDate) row[6],
                        (LocalDate) row[7]));
    }

    private Map<Long, List<RateSpan>> rates(long accountId, LocalDate first, LocalDate last) {
        return grouped(rows("select r.accommodationId, r.id, p.firstDay, p.lastDay, r.nights, r.arrivalDays, "
                        + "r.price, r.discountKind, r.discountValue from CatalogRate r join r.periods p "
                        + "where r.accountId = :account and p.firstDay <= :last and p.lastDay >= :first "
                        + "order by p.firstDay, r.nights, r.id", accountId, first, last),
                row -> new RateSpan((Long) row[1], (LocalDate) row[2], (LocalDate) row[3], (Integer) row[4],
                        Weekdays.fromMask(((Number) row[5]).intValue()), (BigDecimal) row[6],
                        (DiscountKind) row[7], (BigDecimal) row[8]));
    }

    private Map<Long, List<StockNight>> stock(long accountId, LocalDate first, LocalDate last) {
        return grouped(rows("select s.accommodationId, s.night, s.units, s.sold from NightStock s, Accommodation a "
                        + "where a.id = s.accommodationId and a.account.id = :account "
                        + "and s.night >= :first and s.night <= :last order by s.night", accountId, first, last),
                row -> new StockNight((LocalDate) row[1], (Integer) row[2], (Integer) row[3]));
    }

    private Map<Long, List<SalesBanSpan>> salesBans(long accountId, LocalDate first, LocalDate last) {
        return grouped(rows("select b.accommodationId, b.id, b.firstNight, b.lastNight from SalesBan b, Accommodation a "
                        + "where a.id = b.accommodationId and a.account.id = :account "
                        + "and b.firstNight <= :last and b.lastNight >= :first order by b.firstNight", accountId,
                        first, last),
                row -> new SalesBanSpan((Long) row[1], (LocalDate) row[2], (LocalDate) row[3]));
    }

    /** Imported calendar events overlapping the range; "conflict" when one of them lost its nights to another. */
    private Map<Long, List<ChannelSpan>> channelBlocks(long accountId, LocalDate first, LocalDate last) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select b.accommodation_id, b.id, f.name, b.summary, b.first_night, "
                        + "b.departure, exists (select 1 from channel_conflict c where c.block_id = b.id) "
                        + "from channel_block b join channel_feed f on f.id = b.feed_id "
                        + "where f.account_id = ?1 and b.first_night <= ?3 and b.departure > ?2 "
                        + "order by b.first_night, b.id")
                .setParameter(1, accountId).setParameter(2, first).setParameter(3, last).getResultList();
        return rows.stream().collect(Collectors.groupingBy(row -> ((Number) row[0]).longValue(),
                Collectors.mapping(row -> new ChannelSpan(((Number) row[1]).longValue(), (String) row[2],
                        (String) row[3], day(row[4]), day(row[5]), (Boolean) row[6]), Collectors.toList())));
    }

    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }

    private List<Object[]> rows(String jpql, long accountId, LocalDate first, LocalDate last) {
        var query = em.createQuery(jpql, Object[].class).setParameter("account", accountId);
        if (first != null) {
            query.setParameter("first", first).setParameter("last", last);
        }
        return query.getResultList();
    }

    /** Groups rows by their first column, the accommodation id, keeping the query's order. */
    private static <T> Map<Long, List<T>> grouped(List<Object[]> rows, Function<Object[], T> mapper) {
        return rows.stream().collect(Collectors.groupingBy(row -> (Long) row[0],
                Collectors.mapping(mapper, Collectors.toList())));
    }
}
