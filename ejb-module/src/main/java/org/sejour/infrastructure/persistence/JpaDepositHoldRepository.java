package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.payment.DepositHold;
import org.sejour.domain.model.payment.DepositHoldRepository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaDepositHoldRepository implements DepositHoldRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public DepositHold store(DepositHold hold) {
        em.persist(hold);
        em.flush(); // one placed hold per dossier: the database says so now
        return hold;
    }

    @Override
    public DepositHold replace(DepositHold replaced, DepositHold renewed) {
        if (replaced.status() == DepositHold.Status.PLACED) {
            throw new IllegalStateException("the replaced hold is still placed");
        }
        em.flush(); // its new status first: the database allows one placed hold per dossier
        return store(renewed);
    }

    @Override
    public List<DepositHold> ofDossier(long accountId, long dossierId) {
        return em.createQuery("select h from DepositHold h where h.accountId = :accountId and h.dossierId = :dossierId "
                        + "order by h.id desc", DepositHold.class)
                .setParameter("accountId", accountId).setParameter("dossierId", dossierId).getResultList();
    }

    @Override
    public List<DepositHold> latestOf(long accountId, Collection<Long> dossierIds) {
        if (dossierIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select h from DepositHold h where h.accountId = :accountId and h.dossierId in :ids "
                        + "and h.id = (select max(o.id) from DepositHold o where o.dossierId = h.dossierId)", DepositHold.class)
                .setParameter("accountId", accountId).setParameter("ids", dossierIds).getResultList();
    }

    @Override
    public Optional<DepositHold> lockPlaced(long accountId, long dossierId) {
        return em.createQuery("select h from DepositHold h where h.accountId = :accountId and h.dossierId = :dossierId "
                        + "and h.status = :placed", DepositHold.class)
                .setParameter("accountId", accountId).setParameter("dossierId", dossierId)
                .setParameter("placed", DepositHold.Status.PLACED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    @Override
    public List<long[]> dueForHold(LocalDate today) {
        return pairs(em.createNativeQuery("select d.account_id, d.id from dossier d join stripe_account s on s.account_id = d.account_id "
                        + "where s.hold_amount is not null and d.status = 'CONFIRMED' and d.arrival >= cast(?1 as date) "
                        + "and d.arrival <= cast(?1 as date) + s.hold_days_before "
                        + "and exists (select 1 from payment p where p.dossier_id = d.id and p.amount > 0 and p.method = 'online' "
                        + "and p.provider_ref like 'pi\\_%') "
                        + "and not exists (select 1 from deposit_hold h where h.dossier_id = d.id) order by d.arrival, d.id")
                .setParameter(1, today).getResultList());
    }

    @Override
    public List<long[]> placedToReleaseOrRenew(LocalDate today) {
        return pairs(em.createNativeQuery("select h.account_id, h.dossier_id from deposit_hold h join dossier d on d.id = h.dossier_id "
                        + "where h.status = 'PLACED' and (d.departure < cast(?1 as date) or d.status = 'CANCELLED' "
                        + "or h.placed_on <= cast(?1 as date) - cast(?2 as integer)) "
                        + "order by h.id")
                .setParameter(1, today).setParameter(2, DepositHold.RENEW_AFTER_DAYS).getResultList());
    }

    @Override
    public List<long[]> placedOf(long accountId) {
        return pairs(em.createNativeQuery("select h.dossier_id, d.number from deposit_hold h join dossier d on d.id = h.dossier_id "
                        + "where h.account_id = ?1 and h.status = 'PLACED' order by d.number")
                .setParameter(1, accountId).getResultList());
    }

    @SuppressWarnings("unchecked")
    private static List<long[]> pairs(List<?> rows) {
        return ((List<Object[]>) rows).stream()
                .map(r -> new long[]{((Number) r[0]).longValue(), ((Number) r[1]).longValue()}).toList();
    }
}
