package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.payment.PaymentDifference;
import org.sejour.domain.model.payment.PaymentDifferenceRepository;
import org.sejour.domain.model.shared.Money;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaPaymentDifferenceRepository implements PaymentDifferenceRepository {

    private static final String RECORDED = "select p.provider_ref, p.amount, d.id, d.number from payment p "
            + "join dossier d on d.id = p.dossier_id where d.account_id = ?1 and p.method = 'online' "
            + "and p.provider_ref like 'pi\\_%' and p.amount > 0 and p.refund_of is null";

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public List<Long> accountsWithStripe() {
        return ((List<Number>) em.createNativeQuery("select account_id from stripe_account order by account_id")
                .getResultList()).stream().map(Number::longValue).toList();
    }

    @Override
    public List<RecordedPayment> recordedSince(long accountId, Instant since) {
        return recorded(em.createNativeQuery(RECORDED + " and p.recorded_at >= ?2 order by p.id")
                .setParameter(1, accountId).setParameter(2, Timestamp.from(since)).getResultList());
    }

    @Override
    public Optional<RecordedPayment> recorded(long accountId, String paymentIntent) {
        return recorded(em.createNativeQuery(RECORDED + " and p.provider_ref = ?2")
                .setParameter(1, accountId).setParameter(2, paymentIntent).getResultList()).stream().findFirst();
    }

    @Override
    public boolean isHold(long accountId, String paymentIntent) {
        return !em.createNativeQuery("select 1 from deposit_hold where account_id = ?1 and payment_intent = ?2")
                .setParameter(1, accountId).setParameter(2, paymentIntent).getResultList().isEmpty();
    }

    @Override
    public Optional<RecordedPayment> attempt(long accountId, String attemptReference) {
        List<?> rows = em.createNativeQuery("select a.reference, a.amount, d.id, d.number from payment_attempt a "
                        + "join dossier d on d.id = a.dossier_id where a.account_id = ?1 and a.reference = ?2")
                .setParameter(1, accountId).setParameter(2, attemptReference).getResultList();
        return recorded(rows).stream().findFirst();
    }

    @Override
    public void replace(long accountId, Collection<String> examined, List<PaymentDifference> found, Instant at) {
        for (String intent : examined) {
            em.createNativeQuery("delete from payment_difference where account_id = ?1 and payment_intent = ?2")
                    .setParameter(1, accountId).setParameter(2, intent).executeUpdate();
        }
        for (PaymentDifference d : found) {
            em.createNativeQuery("insert into payment_difference (account_id, payment_intent, kind, stripe_amount, "
                            // typed casts: a null parameter would otherwise be bound as text
                            + "sejour_amount, dossier_id, created_at, found_at) values (?1, ?2, ?3, cast(?4 as numeric), cast(?5 as numeric), cast(?6 as bigint), ?7, ?8) "
                            + "on conflict (account_id, payment_intent, kind) do update set stripe_amount = excluded.stripe_amount, "
                            + "sejour_amount = excluded.sejour_amount, found_at = excluded.found_at")
                    .setParameter(1, accountId).setParameter(2, d.paymentIntent()).setParameter(3, d.kind().name())
                    .setParameter(4, d.stripeAmount().map(Money::amount).orElse(null))
                    .setParameter(5, d.sejourAmount().map(Money::amount).orElse(null))
                    .setParameter(6, d.dossierId().orElse(null))
                    .setParameter(7, Timestamp.from(d.createdAt())).setParameter(8, Timestamp.from(at))
                    .executeUpdate();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<PaymentDifference> of(long accountId) {
        List<Object[]> rows = em.createNativeQuery("select f.payment_intent, f.kind, f.stripe_amount, f.sejour_amount, "
                        + "f.dossier_id, d.number, f.created_at from payment_difference f left join dossier d on d.id = f.dossier_id "
                        + "where f.account_id = ?1 order by f.created_at desc, f.payment_intent")
                .setParameter(1, accountId).getResultList();
        return rows.stream().map(r -> new PaymentDifference((String) r[0], PaymentDifference.Kind.valueOf((String) r[1]),
                Optional.ofNullable((BigDecimal) r[2]).map(Money::of), Optional.ofNullable((BigDecimal) r[3]).map(Money::of),
                Optional.ofNullable((Number) r[4]).map(Number::longValue), Optional.ofNullable((Number) r[5]).map(Number::intValue),
                instant(r[6]))).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof java.time.OffsetDateTime o ? o.toInstant()
                : (Instant) value;
    }

    @SuppressWarnings("unchecked")
    private static List<RecordedPayment> recorded(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(r -> new RecordedPayment((String) r[0], Money.of((BigDecimal) r[1]),
                ((Number) r[2]).longValue(), ((Number) r[3]).intValue())).toList();
    }
}
