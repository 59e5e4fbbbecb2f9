package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.shared.StayPeriod;

import org.sejour.domain.model.pricing.NightAvailability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
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
        Number next = (Number) em.createNativeQuery(
                        "update account set last_dossier_number = last_dossier_number + 1 where id = ?1 "
                                + "returning last_dossier_number")
                .setParameter(1, accountId).getSingleResult();
        return next.intValue();
    }

    @Override
    public boolean takeNights(long accommodationId, boolean stockManaged, StayPeriod stay) {
        if (!stockManaged) {
            // one unit per night, created on first use; an existing row keeps its count
            em.createNativeQuery("insert into night_stock (accommodation_id, night, units, sold) "
                            + "select ?1, d::date, 1, 0 from generate_series(?2::date, ?3::date - 1, interval '1 day') d "
                            + "on conflict do nothing")
                    .setParameter(1, accommodationId).setParameter(2, stay.arrival())
                    .setParameter(3, stay.departure()).executeUpdate();
        }
        // rows are locked as updated; a concurrent booking waits, then sees sold = units and skips the row
        int taken = em.createNativeQuery("update night_stock set sold = sold + 1 where accommodation_id = ?1 "
                        + "and night >= ?2 and night < ?3 and sold < units")
                .setParameter(1, accommodationId).setParameter(2, stay.arrival())
                .setParameter(3, stay.departure()).executeUpdate();
        return taken == stay.nights();
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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select d::date, "
                        + "coalesce(s.units - s.sold, case when a.stock_managed then 0 else 1 end), "
                        + "exists (select 1 from sales_ban b where b.accommodation_id = ?1 "
                        + "        and d::date between b.first_night and b.last_night) "
                        + "from accommodation a cross join generate_series(?2::date, ?3::date - 1, interval '1 day') d "
                        + "left join night_stock s on s.accommodation_id = ?1 and s.night = d::date "
                        + "where a.id = ?1")
                .setParameter(1, accommodationId).setParameter(2, first).setParameter(3, end)
                .getResultList();
        Map<LocalDate, NightAvailability.NightStatus> nights = new HashMap<>();
        for (Object[] row : rows) {
            nights.put(toLocalDate(row[0]), new NightAvailability.NightStatus(
                    Math.max(0, ((Number) row[1]).intValue()), (Boolean) row[2]));
        }
        // outside the range read, a night counts as closed: the quote never looks there
        NightAvailability.NightStatus closed = new NightAvailability.NightStatus(0, false);
        return night -> nights.getOrDefault(night, closed);
    }

    @Override
    public Map<Long, NightAvailability> availabilityOfAccount(long accountId, LocalDate first, LocalDate end) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select a.id, d::date, "
                        + "coalesce(s.units - s.sold, case when a.stock_managed then 0 else 1 end), "
                        + "exists (select 1 from sales_ban b where b.accommodation_id = a.id "
                        + "        and d::date between b.first_night and b.last_night) "
                        + "from accommodation a cross join generate_series(?2::date, ?3::date - 1, interval '1 day') d "
                        + "left join night_stock s on s.accommodation_id = a.id and s.night = d::date "
                        + "where a.account_id = ?1")
                .setParameter(1, accountId).setParameter(2, first).setParameter(3, end)
                .getResultList();
        Map<Long, Map<LocalDate, NightAvailability.NightStatus>> nights = new HashMap<>();
        for (Object[] row : rows) {
            nights.computeIfAbsent(((Number) row[0]).longValue(), id -> new HashMap<>())
                    .put(toLocalDate(row[1]), new NightAvailability.NightStatus(
                            Math.max(0, ((Number) row[2]).intValue()), (Boolean) row[3]));
        }
        NightAvailability.NightStatus closed = new NightAvailability.NightStatus(0, false);
        Map<Long, NightAvailability> result = new HashMap<>();
        nights.forEach((id, statuses) -> result.put(id, night -> statuses.getOrDefault(night, closed)));
        return result;
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    @Override
    public boolean spendPromoCode(long promoCodeId) {
        return em.createNativeQuery("update promo_code set uses = uses + 1 where id = ?1 "
                        + "and (not single_use or uses = 0)")
                .setParameter(1, promoCodeId).executeUpdate() == 1;
    }

    @Override
    public Optional<Long> promoCodeId(long accountId, String code) {
        List<?> ids = em.createNativeQuery("select id from promo_code where account_id = ?1 and code = ?2")
                .setParameter(1, accountId).setParameter(2, code.strip().toUpperCase(Locale.ROOT))
                .getResultList();
        return ids.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    @Override
    public List<Dossier> expiredOptions(Instant now, int max) {
        return em.createQuery("select d from Dossier d where d.status = :option and d.optionExpiresAt < :now "
                        + "order by d.optionExpiresAt", Dossier.class)
                .setParameter("option", DossierStatus.OPTION).setParameter("now", now)
                .setMaxResults(max).getResultList();
    }

    @Override
    public Optional<Long> latestId(long accountId) {
        return em.createQuery("select d.id from Dossier d where d.accountId = :accountId order by d.createdAt desc, d.id desc",
                        Long.class)
                .setParameter("accountId", accountId).setMaxResults(1).getResultStream().findFirst();
    }
}
