package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.pricing.NightAvailability;
import org.sejour.domain.model.shared.StayPeriod;

import static org.sejour.infrastructure.persistence.NativeValues.localDate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class JpaDossierRepository implements DossierRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public Dossier store(Dossier dossier) {
        if (dossier.id() == null) {
            em.persist(dossier);
            em.flush(); // the identity id and the unique constraints are checked now, inside the retry
            return dossier;
        }
        return em.merge(dossier);
    }

    @Override
    public Optional<Dossier> find(long accountId, long dossierId) {
        return em.createQuery("select d from Dossier d where d.id = :id and d.accountId = :accountId", Dossier.class)
                .setParameter("id", dossierId).setParameter("accountId", accountId)
                .getResultStream().findFirst();
    }

    @Override
    public List<Dossier> findForMails(long accountId, Collection<Long> dossierIds) {
        if (dossierIds.isEmpty()) {
            return List.of();
        }
        // the collections by batch reading: one query per collection for all the dossiers (IN on
        // their ids), where join fetching both lists would multiply their rows
        return em.createQuery("select d from Dossier d join fetch d.accommodation "
                        + "where d.accountId = :accountId and d.id in :ids", Dossier.class)
                .setParameter("accountId", accountId).setParameter("ids", List.copyOf(dossierIds))
                .setHint(Hints.BATCH, "d.party")
                .setHint(Hints.BATCH, "d.payments")
                .setHint(Hints.BATCH, "d.stays")
                .setHint(Hints.BATCH, "d.stays.accommodation")
                .setHint(Hints.BATCH_TYPE, Hints.IN)
                .getResultList();
    }

    @Override
    public Optional<Dossier> findByIdempotencyKey(long accountId, String key) {
        return em.createQuery("select d from Dossier d where d.accountId = :accountId and d.idempotencyKey = :key",
                        Dossier.class)
                .setParameter("accountId", accountId).setParameter("key", key)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Dossier> findByGuestToken(String guestToken) {
        return em.createQuery("select d from Dossier d where d.guestToken = :token", Dossier.class)
                .setParameter("token", guestToken).getResultStream().findFirst();
    }

    @Override
    public int nextNumber(long accountId) {
        // the account's own sequence (V18): no lock held until commit, a gap when a booking rolls back
        Number next = (Number) em.createNativeQuery("select nextval(format('dossier_number_%s', ?1)::regclass)")
                .setParameter(1, accountId).getSingleResult();
        return next.intValue();
    }

    @Override
    public List<LocalDate> takeNights(long accommodationId, boolean stockManaged, StayPeriod stay) {
        if (!stockManaged) {
            // one unit per night, created on first use; an existing row keeps its count
            em.createNativeQuery("insert into night_stock (accommodation_id, night, units, sold) "
                            + "select ?1, d::date, 1, 0 from generate_series(?2::date, ?3::date - 1, interval '1 day') d "
                            + "on conflict do nothing")
                    .setParameter(1, accommodationId).setParameter(2, stay.arrival())
                    .setParameter(3, stay.departure()).executeUpdate();
        }
        // rows are locked as updated; a concurrent booking waits, then sees sold = units and skips the row
        List<?> taken = em.createNativeQuery("update night_stock set sold = sold + 1 where accommodation_id = ?1 "
                        + "and night >= ?2 and night < ?3 and sold < units returning night")
                .setParameter(1, accommodationId).setParameter(2, stay.arrival())
                .setParameter(3, stay.departure()).getResultList();
        if (taken.size() == stay.nights()) {
            return List.of();
        }
        java.util.Set<LocalDate> got = new java.util.HashSet<>();
        taken.forEach(night -> got.add(localDate(night)));
        return stay.eachNight().filter(night -> !got.contains(night)).toList();
    }

    @Override
    public List<LocalDate> heldByChannels(long accommodationId, Collection<LocalDate> nights) {
        if (nights.isEmpty()) {
            return List.of();
        }
        LocalDate first = nights.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = nights.stream().max(LocalDate::compareTo).orElseThrow();
        @SuppressWarnings("unchecked")
        List<Object[]> blocks = em.createNativeQuery("select first_night, departure from channel_block "
                        + "where accommodation_id = ?1 and holds_nights and first_night <= ?3 and departure > ?2")
                .setParameter(1, accommodationId).setParameter(2, first).setParameter(3, last).getResultList();
        return nights.stream().filter(night -> blocks.stream().anyMatch(b -> !night.isBefore(localDate(b[0]))
                && night.isBefore(localDate(b[1])))).sorted().toList();
    }

    @Override
    public void releaseNights(long accommodationId, StayPeriod stay) {
        em.createNativeQuery("update night_stock set sold = sold - 1 where accommodation_id = ?1 "
                        + "and night >= ?2 and night < ?3 and sold > 0")
                .setParameter(1, accommodationId).setParameter(2, stay.arrival())
                .setParameter(3, stay.departure()).executeUpdate();
    }

    @Override
    public NightAvailability availability(long accommodationId, LocalDate first, LocalDate end) {
        return nightsOf("a.id = ?1", accommodationId, first, end, null)
                .getOrDefault(accommodationId, night -> RangeOfNights.CLOSED);
    }

    @Override
    public Map<Long, NightAvailability> availabilityOfAccount(long accountId, LocalDate first, LocalDate end) {
        return nightsOf("a.account_id = ?1", accountId, first, end, null);
    }

    @Override
    public Map<Long, NightAvailability> availabilityOf(long accountId, Collection<Long> accommodationIds,
                                                       LocalDate first, LocalDate end) {
        if (accommodationIds.isEmpty()) {
            return new HashMap<>();
        }
        // one array parameter, written as PostgreSQL's array literal: the statement's text stays
        // the same whatever the ids, so the driver prepares it once
        StringBuilder ids = new StringBuilder("{");
        for (long id : accommodationIds) {
            ids.append(ids.length() == 1 ? "" : ",").append(id);
        }
        return nightsOf("a.account_id = ?1 and a.id = any(cast(?4 as bigint[]))", accountId, first, end,
                ids.append('}').toString());
    }

    @Override
    public Map<Long, java.util.UUID> nightsVersions(long accountId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select n.accommodation_id, n.version from accommodation_nights n "
                + "join accommodation a on a.id = n.accommodation_id where a.account_id = ?1")
                .setParameter(1, accountId).getResultList();
        Map<Long, java.util.UUID> versions = new HashMap<>();
        for (Object[] row : rows) {
            versions.put(((Number) row[0]).longValue(), (java.util.UUID) row[1]);
        }
        return versions;
    }

    /**
     * Three indexed range reads, stock rows, overlapping bans and the imported calendars' events
     * that hold nights, sent as one statement (one round trip), whatever the number of
     * accommodations: joining every night of a generated series to the stock made the planner
     * scan all of an account's stock for a one-week search. Nights come back as their distance in
     * days from {@code first}: a search over 500 accommodations reads thousands of them, and
     * converting each from a SQL date through the driver's calendar cost more than the query.
     * {@code idArray}, when given, is bound as ?4.
     */
    private Map<Long, NightAvailability> nightsOf(String accommodations, long id, LocalDate first, LocalDate end,
                                                  String idArray) {
        Query query = em.createNativeQuery("select 0, a.id, a.stock_managed, s.night - ?2, s.units - s.sold "
                        + "from accommodation a left join night_stock s on s.accommodation_id = a.id "
                        + "and s.night >= ?2 and s.night < ?3 where " + accommodations
                        + " union all select 1, b.accommodation_id, null, b.first_night - ?2, b.last_night - ?2 "
                        + "from sales_ban b join accommodation a on a.id = b.accommodation_id where " + accommodations
                        + " and b.first_night < ?3 and b.last_night >= ?2"
                        + " union all select 2, c.accommodation_id, null, c.first_night - ?2, c.departure - 1 - ?2 "
                        + "from channel_block c join accommodation a on a.id = c.accommodation_id where "
                        + accommodations + " and c.holds_nights and c.first_night < ?3 and c.departure > ?2")
                .setParameter(1, id).setParameter(2, first).setParameter(3, end);
        if (idArray != null) {
            query.setParameter(4, idArray);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<Long, RangeOfNights> ranges = new HashMap<>();
        List<Object[]> closures = new ArrayList<>();
        for (Object[] row : rows) {
            if (((Number) row[0]).intValue() != 0) {
                closures.add(row);
                continue;
            }
            RangeOfNights range = ranges.computeIfAbsent(((Number) row[1]).longValue(),
                    key -> new RangeOfNights(first, end, (Boolean) row[2]));
            if (row[3] != null) {
                range.remaining(((Number) row[3]).intValue(), ((Number) row[4]).intValue());
            }
        }
        // after the stock rows, whatever order the database returned them in
        for (Object[] row : closures) {
            RangeOfNights range = ranges.get(((Number) row[1]).longValue());
            if (range != null) {
                range.close(((Number) row[3]).intValue(), ((Number) row[4]).intValue(),
                        ((Number) row[0]).intValue() == 1);
            }
        }
        return new HashMap<>(ranges);
    }

    /** The nights [first, end) of one accommodation as arrays; outside them a night counts as closed. */
    private static final class RangeOfNights implements NightAvailability {
        static final NightStatus CLOSED = new NightStatus(0, false);
        private final LocalDate first;
        private final int[] remaining;
        private final boolean[] banned;
        private final boolean[] held;

        RangeOfNights(LocalDate first, LocalDate end, boolean stockManaged) {
            this.first = first;
            int size = (int) Math.max(0, ChronoUnit.DAYS.between(first, end));
            this.remaining = new int[size];
            this.banned = new boolean[size];
            this.held = new boolean[size];
            // a night without a stock row: nothing for sale if stock is managed, the one unit otherwise
            Arrays.fill(remaining, stockManaged ? 0 : 1);
        }

        /** The units left on the night {@code day} days after the first. */
        void remaining(int day, int units) {
            remaining[day] = Math.max(0, units);
        }

        /** A sales ban (or an imported event holding units) from one night to another, both included, in days from the first. */
        void close(int firstDay, int lastDay, boolean ban) {
            boolean[] nights = ban ? banned : held;
            int from = Math.max(0, firstDay);
            int to = Math.min(nights.length - 1, lastDay);
            for (int i = from; i <= to; i++) {
                nights[i] = true;
            }
        }

        @Override
        public NightStatus statusOf(LocalDate night) {
            long i = ChronoUnit.DAYS.between(first, night);
            return i < 0 || i >= remaining.length ? CLOSED
                    : new NightStatus(remaining[(int) i], banned[(int) i], held[(int) i]);
        }
    }

    @Override
    public boolean spendPromoCode(long promoCodeId) {
        return em.createNativeQuery("update promo_code set uses = uses + 1 where id = ?1 "
                        + "and (not single_use or uses = 0)")
                .setParameter(1, promoCodeId).executeUpdate() == 1;
    }

    @Override
    public void givePromoCodeBack(long promoCodeId) {
        // uses > 0: the check constraint would refuse a negative count; a code reset by hand stays at 0
        em.createNativeQuery("update promo_code set uses = uses - 1 where id = ?1 and uses > 0")
                .setParameter(1, promoCodeId).executeUpdate();
    }

    @Override
    public Optional<Long> promoCodeId(long accountId, String code) {
        List<?> ids = em.createNativeQuery("select id from promo_code where account_id = ?1 and code = ?2")
                .setParameter(1, accountId).setParameter(2, code.strip().toUpperCase(Locale.ROOT))
                .getResultList();
        return ids.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    @Override
    public Optional<String> promoCode(long promoCodeId) {
        return em.createNativeQuery("select code from promo_code where id = ?1").setParameter(1, promoCodeId)
                .getResultStream().findFirst().map(String.class::cast);
    }

    @Override
    public Optional<Long> dossierOfProviderPayment(long accountId, String providerReference) {
        List<?> ids = em.createNativeQuery("select p.dossier_id from payment p join dossier d on d.id = p.dossier_id "
                        + "where d.account_id = ?1 and p.provider_ref = ?2 and p.amount > 0")
                .setParameter(1, accountId).setParameter(2, providerReference).getResultList();
        return ids.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    @Override
    public Optional<Long> latestId(long accountId) {
        return em.createQuery("select d.id from Dossier d where d.accountId = :accountId order by d.createdAt desc, d.id desc",
                        Long.class)
                .setParameter("accountId", accountId).setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public Optional<Dossier> lock(long dossierId) {
        List<?> locked = em.createNativeQuery("select id from dossier where id = ?1 for update")
                .setParameter(1, dossierId).getResultList();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        Dossier dossier = em.find(Dossier.class, dossierId);
        // the row is ours now; the shared cache may hold a state from before another transaction's commit
        em.refresh(dossier);
        return Optional.of(dossier);
    }

    @Override
    public Optional<Dossier> locked(long dossierId) {
        return Optional.ofNullable(em.find(Dossier.class, dossierId));
    }

    @Override
    public List<Long> expiredOptionIds(Instant asOf, Long accountId, long afterId, int max) {
        var query = em.createNativeQuery("select id from dossier where status = 'OPTION' and option_expires_at < ?1 "
                        + "and id > ?2" + (accountId == null ? "" : " and account_id = ?4") + " order by id limit ?3")
                .setParameter(1, java.sql.Timestamp.from(asOf)).setParameter(2, afterId).setParameter(3, max);
        if (accountId != null) {
            query.setParameter(4, accountId);
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = query.getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    @Override
    public List<Dossier> ofOrigin(long accountId, org.sejour.domain.model.dossier.Origin origin, int max) {
        return em.createQuery("select d from Dossier d where d.accountId = :accountId and d.origin = :origin "
                        + "order by d.id desc", Dossier.class)
                .setParameter("accountId", accountId).setParameter("origin", origin)
                .setMaxResults(max).getResultList();
    }

    @Override
    public List<Dossier> departingBetween(long accountId, LocalDate from, LocalDate to) {
        return em.createQuery("select d from Dossier d where d.accountId = :accountId "
                        + "and d.departure between :from and :to and d.status <> :cancelled and d.origin <> :test "
                        + "order by d.departure, d.number", Dossier.class)
                .setParameter("accountId", accountId).setParameter("from", from).setParameter("to", to)
                .setParameter("cancelled", DossierStatus.CANCELLED)
                .setParameter("test", Origin.TEST)
                // the register reads every dossier's stays, persons, lines and payments: one query each, not one per dossier
                .setHint(Hints.BATCH, "d.stays").setHint(Hints.BATCH, "d.party").setHint(Hints.BATCH, "d.lines")
                .setHint(Hints.BATCH, "d.payments").setHint(Hints.BATCH_TYPE, Hints.IN)
                .getResultList();
    }

    @Override
    public void remove(Dossier dossier) {
        // lines, party, payments, history, mails and payment attempts go with it (on delete cascade)
        em.createNativeQuery("delete from dossier where id = ?1").setParameter(1, dossier.id()).executeUpdate();
    }
}
