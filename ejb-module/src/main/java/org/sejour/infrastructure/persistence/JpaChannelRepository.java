package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.channel.ChannelConflict;
import org.sejour.domain.model.channel.ChannelFeed;
import org.sejour.domain.model.channel.ChannelRepository;
import org.sejour.domain.model.channel.EventKind;
import org.sejour.domain.model.channel.ClosedPeriod;
import org.sejour.domain.model.channel.FeedEvent;
import org.sejour.domain.model.channel.KnownBlock;
import org.sejour.domain.model.shared.StayPeriod;

import static org.sejour.infrastructure.persistence.NativeValues.instant;
import static org.sejour.infrastructure.persistence.NativeValues.localDate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

@ApplicationScoped
public class JpaChannelRepository implements ChannelRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public ChannelFeed storeFeed(ChannelFeed feed) {
        if (feed.id() == null) {
            em.persist(feed);
            em.flush(); // the identity id, and the unique (accommodation, url) checked now
            return feed;
        }
        return em.merge(feed);
    }

    @Override
    public Optional<ChannelFeed> findFeed(long accountId, long feedId) {
        return em.createQuery("select f from ChannelFeed f where f.id = :id and f.accountId = :accountId",
                        ChannelFeed.class)
                .setParameter("id", feedId).setParameter("accountId", accountId)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<ChannelFeed> feed(long feedId) {
        return Optional.ofNullable(em.find(ChannelFeed.class, feedId));
    }

    @Override
    public Optional<ChannelFeed> lockFeed(long feedId) {
        return Optional.ofNullable(em.find(ChannelFeed.class, feedId, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<ChannelFeed> feedsOf(long accountId, long accommodationId) {
        return em.createQuery("select f from ChannelFeed f where f.accountId = :accountId "
                        + "and f.accommodationId = :accommodationId order by f.name, f.id", ChannelFeed.class)
                .setParameter("accountId", accountId).setParameter("accommodationId", accommodationId)
                .getResultList();
    }

    @Override
    public void removeFeed(ChannelFeed feed) {
        em.remove(em.contains(feed) ? feed : em.merge(feed));
    }

    @Override
    public List<Long> dueFeeds(Instant now, int max) {
        return em.createQuery("select f.id from ChannelFeed f where f.nextSyncAt <= :now order by f.nextSyncAt",
                        Long.class)
                .setParameter("now", now).setMaxResults(max).getResultList();
    }

    @Override
    public List<KnownBlock> blocks(long feedId) {
        List<KnownBlock> blocks = new ArrayList<>();
        for (Object[] row : rows(em.createNativeQuery("select id, uid, fallback_key, first_night, departure, "
                + "holds_nights, summary from channel_block where feed_id = ?1 order by id").setParameter(1, feedId)
                .getResultList())) {
            blocks.add(new KnownBlock(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                    new StayPeriod(localDate(row[3]), localDate(row[4])), EventKind.of((String) row[6]), (Boolean) row[5]));
        }
        return blocks;
    }

    @Override
    public long addBlock(long feedId, long accommodationId, FeedEvent event, boolean holdsNights) {
        return ((Number) em.createNativeQuery("insert into channel_block (feed_id, accommodation_id, uid, "
                        + "fallback_key, first_night, departure, summary, holds_nights) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) returning id")
                .setParameter(1, feedId).setParameter(2, accommodationId).setParameter(3, event.uid())
                .setParameter(4, event.fallbackKey()).setParameter(5, event.nights().arrival())
                .setParameter(6, event.nights().departure()).setParameter(7, event.summary())
                .setParameter(8, holdsNights).getSingleResult()).longValue();
    }

    @Override
    public void updateBlock(long blockId, FeedEvent event, boolean holdsNights) {
        em.createNativeQuery("update channel_block set uid = ?2, fallback_key = ?3, summary = ?4, holds_nights = ?5 "
                        + "where id = ?1")
                .setParameter(1, blockId).setParameter(2, event.uid()).setParameter(3, event.fallbackKey())
                .setParameter(4, event.summary()).setParameter(5, holdsNights).executeUpdate();
    }

    @Override
    public void holdNights(long blockId) {
        em.createNativeQuery("update channel_block set holds_nights = true where id = ?1").setParameter(1, blockId)
                .executeUpdate();
    }

    @Override
    public void removeBlock(long blockId) {
        em.createNativeQuery("delete from channel_block where id = ?1").setParameter(1, blockId).executeUpdate();
    }

    @Override
    public int freeNights(long accommodationId, boolean stockManaged, StayPeriod nights) {
        if (!stockManaged) {
            // the same rows a booking creates on first use (JpaDossierRepository.takeNights)
            em.createNativeQuery("insert into night_stock (accommodation_id, night, units, sold) "
                            + "select ?1, d::date, 1, 0 from generate_series(?2::date, ?3::date - 1, interval '1 day') d "
                            + "on conflict do nothing")
                    .setParameter(1, accommodationId).setParameter(2, nights.arrival())
                    .setParameter(3, nights.departure()).executeUpdate();
        }
        List<?> free = em.createNativeQuery("select night from night_stock where accommodation_id = ?1 "
                        + "and night >= ?2 and night < ?3 and sold < units for update")
                .setParameter(1, accommodationId).setParameter(2, nights.arrival())
                .setParameter(3, nights.departure()).getResultList();
        return free.size();
    }

    @Override
    public List<Long> overlappingDossiers(long accommodationId, StayPeriod nights) {
        // every stay of a dossier holds its accommodation's nights, not only the first one's (whose column a
        // row written without stays has): two indexed reads
        return em.createNativeQuery("select id from (select d.id, d.arrival from dossier d where d.accommodation_id = ?1 "
                        + "and d.status in ('OPTION', 'CONFIRMED') and d.arrival < ?3 and d.departure > ?2 "
                        + "union select d.id, d.arrival from dossier d join dossier_stay s on s.dossier_id = d.id "
                        + "where s.accommodation_id = ?1 and d.status in ('OPTION', 'CONFIRMED') "
                        + "and d.arrival < ?3 and d.departure > ?2) o order by arrival, id")
                .setParameter(1, accommodationId).setParameter(2, nights.arrival())
                .setParameter(3, nights.departure()).getResultList().stream()
                .map(id -> ((Number) id).longValue()).toList();
    }

    @Override
    public Optional<Long> recordConflict(long blockId, Long dossierId) {
        // "returning" answers no row when the conflict was already there: that is how "new" is known
        return em.createNativeQuery("insert into channel_conflict (block_id, dossier_id) values (?1, ?2) "
                        + "on conflict do nothing returning id")
                .setParameter(1, blockId).setParameter(2, dossierId).getResultStream().findFirst()
                .map(id -> ((Number) id).longValue());
    }

    @Override
    public void clearConflicts(long blockId) {
        em.createNativeQuery("delete from channel_conflict where block_id = ?1").setParameter(1, blockId)
                .executeUpdate();
    }

    @Override
    public List<ChannelConflict> conflicts(long accountId) {
        return conflicts("f.account_id = ?1", accountId, null);
    }

    @Override
    public Optional<ChannelConflict> conflict(long accountId, long conflictId) {
        return conflicts("f.account_id = ?1 and c.id = ?2", accountId, conflictId).stream().findFirst();
    }

    private List<ChannelConflict> conflicts(String where, long accountId, Long conflictId) {
        var query = em.createNativeQuery("select c.id, b.id, b.accommodation_id, a.name, f.name, b.first_night, "
                        + "b.departure, b.summary, d.number, d.id, c.detected_at "
                        + "from channel_conflict c join channel_block b on b.id = c.block_id "
                        + "join channel_feed f on f.id = b.feed_id join accommodation a on a.id = b.accommodation_id "
                        + "left join dossier d on d.id = c.dossier_id "
                        + "where " + where + " order by b.first_night, b.id, c.id")
                .setParameter(1, accountId);
        if (conflictId != null) {
            query.setParameter(2, conflictId);
        }
        List<ChannelConflict> conflicts = new ArrayList<>();
        for (Object[] row : rows(query.getResultList())) {
            conflicts.add(new ChannelConflict(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue(), (String) row[3], (String) row[4],
                    new StayPeriod(localDate(row[5]), localDate(row[6])), (String) row[7],
                    row[8] == null ? null : ((Number) row[8]).intValue(),
                    row[9] == null ? null : ((Number) row[9]).longValue(), instant(row[10])));
        }
        return conflicts;
    }

    @Override
    public List<ClosedPeriod> closedPeriods(long accommodationId, LocalDate from) {
        List<ClosedPeriod> periods = new ArrayList<>();
        for (Object[] row : rows(em.createNativeQuery(
                        "select 'dossier-' || d.id, d.arrival, d.departure, 'BOOKED', d.created_at from dossier d "
                                + "where d.accommodation_id = ?1 and d.status in ('OPTION', 'CONFIRMED') and d.departure > ?2 "
                                + "union select 'dossier-' || d.id, d.arrival, d.departure, 'BOOKED', d.created_at "
                                + "from dossier d join dossier_stay s on s.dossier_id = d.id "
                                + "where s.accommodation_id = ?1 and d.status in ('OPTION', 'CONFIRMED') "
                                + "and d.departure > ?2 "
                                + "union select 'ban-' || id, first_night, last_night + 1, 'CLOSED', created_at "
                                + "from sales_ban where accommodation_id = ?1 and last_night >= ?2 "
                                + "union select 'channel-' || id, first_night, departure, 'CLOSED', created_at "
                                + "from channel_block where accommodation_id = ?1 and holds_nights and departure > ?2 "
                                + "order by 2, 1")
                .setParameter(1, accommodationId).setParameter(2, from).getResultList())) {
            periods.add(new ClosedPeriod(row[0] + "-" + accommodationId + "@sejour",
                    new StayPeriod(localDate(row[1]), localDate(row[2])), ClosedPeriod.Reason.valueOf((String) row[3]),
                    instant(row[4])));
        }
        return periods;
    }

    @Override
    public List<ClosedPeriod> fullNights(long accommodationId, LocalDate from) {
        return runs("full-" + accommodationId, "s.sold >= s.units", accommodationId, from, null);
    }

    /**
     * Runs of consecutive nights where {@code busy} holds on the night_stock row, or that a sales
     * ban closes (gaps-and-islands: consecutive nights share night - row number). {@code unit}
     * is bound as ?3 when given.
     */
    private List<ClosedPeriod> runs(String uidPrefix, String busy, long accommodationId, LocalDate from,
                                    Integer unit) {
        var query = em.createNativeQuery("with closed as ("
                        + "  select s.night from night_stock s where s.accommodation_id = ?1 and s.night >= ?2 "
                        + "    and " + busy
                        + "  union select d::date from sales_ban b, generate_series(greatest(b.first_night, ?2), "
                        + "    b.last_night, interval '1 day') d where b.accommodation_id = ?1 and b.last_night >= ?2), "
                        + "runs as (select night, night - (row_number() over (order by night))::int as run from closed) "
                        + "select min(night), max(night) + 1 from runs group by run order by 1")
                .setParameter(1, accommodationId).setParameter(2, from);
        if (unit != null) {
            query.setParameter(3, unit);
        }
        List<ClosedPeriod> periods = new ArrayList<>();
        for (Object[] row : rows(query.getResultList())) {
            LocalDate first = localDate(row[0]);
            // no creation time for a run of nights: its first night stands in, so DTSTAMP stays put
            periods.add(new ClosedPeriod(uidPrefix + "-" + first + "@sejour", new StayPeriod(first, localDate(row[1])),
                    ClosedPeriod.Reason.CLOSED, first.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        }
        return periods;
    }

    @Override
    public List<ClosedPeriod> unitNights(long accommodationId, int unit, LocalDate from) {
        // the free units of a night are 1 … left: nested from night to night, whatever the offer
        return runs("unit" + unit + "-" + accommodationId, "s.units - s.sold < ?3", accommodationId, from, unit);
    }

    @Override
    public int unitsOffered(long accommodationId, LocalDate from) {
        return ((Number) em.createNativeQuery("select coalesce(max(units), 0) from night_stock "
                        + "where accommodation_id = ?1 and night >= ?2")
                .setParameter(1, accommodationId).setParameter(2, from).getSingleResult()).intValue();
    }

    @Override
    public Optional<String> exportToken(long accommodationId) {
        return em.createNativeQuery("select token from channel_export where accommodation_id = ?1")
                .setParameter(1, accommodationId).getResultStream().findFirst().map(String.class::cast);
    }

    @Override
    public void replaceExportToken(long accommodationId, String token) {
        em.createNativeQuery("insert into channel_export (accommodation_id, token) values (?1, ?2) "
                        + "on conflict (accommodation_id) do update set token = excluded.token, created_at = now(), "
                        + "content_hash = null, content_changed_at = now()")
                .setParameter(1, accommodationId).setParameter(2, token).executeUpdate();
        em.createNativeQuery("delete from channel_export_unit where accommodation_id = ?1")
                .setParameter(1, accommodationId).executeUpdate();
    }

    @Override
    public Map<Integer, String> unitExportTokens(long accommodationId) {
        Map<Integer, String> tokens = new TreeMap<>();
        for (Object[] row : rows(em.createNativeQuery("select unit, token from channel_export_unit "
                + "where accommodation_id = ?1").setParameter(1, accommodationId).getResultList())) {
            tokens.put(((Number) row[0]).intValue(), (String) row[1]);
        }
        return tokens;
    }

    @Override
    public void addUnitExportToken(long accommodationId, int unit, String token) {
        em.createNativeQuery("insert into channel_export_unit (accommodation_id, unit, token) values (?1, ?2, ?3)")
                .setParameter(1, accommodationId).setParameter(2, unit).setParameter(3, token).executeUpdate();
    }

    @Override
    public Optional<ExportTarget> exportTarget(String token) {
        // a unit's address only opens while the accommodation is stock-managed
        List<Object[]> found = rows(em.createNativeQuery("select a.id, a.stock_managed, 0, e.nights_version::text "
                + "from channel_export e join accommodation a on a.id = e.accommodation_id where e.token = ?1 "
                + "union all select a.id, a.stock_managed, u.unit, e.nights_version::text from channel_export_unit u "
                + "join channel_export e on e.accommodation_id = u.accommodation_id "
                + "join accommodation a on a.id = u.accommodation_id where u.token = ?1 and a.stock_managed")
                .setParameter(1, token).getResultList());
        return found.stream().findFirst().map(row -> new ExportTarget(((Number) row[0]).longValue(),
                (Boolean) row[1], ((Number) row[2]).intValue(), UUID.fromString((String) row[3])));
    }

    @Override
    public Instant contentServed(long accommodationId, int unit, String hash, Instant now) {
        // a GET writes only when the content changed: Last-Modified follows the content, not the clock
        String table = unit == 0 ? "channel_export" : "channel_export_unit";
        String row = unit == 0 ? "accommodation_id = ?1" : "accommodation_id = ?1 and unit = ?4";
        var read = em.createNativeQuery("select content_hash, content_changed_at from " + table + " where " + row)
                .setParameter(1, accommodationId);
        List<Object[]> current = rows((unit == 0 ? read : read.setParameter(4, unit)).getResultList());
        if (!current.isEmpty() && hash.equals(current.get(0)[0])) {
            return instant(current.get(0)[1]);
        }
        var write = em.createNativeQuery("update " + table + " set content_hash = ?2, content_changed_at = ?3 where "
                        + row)
                .setParameter(1, accommodationId).setParameter(2, hash).setParameter(3, Timestamp.from(now));
        (unit == 0 ? write : write.setParameter(4, unit)).executeUpdate();
        return now;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }
}
