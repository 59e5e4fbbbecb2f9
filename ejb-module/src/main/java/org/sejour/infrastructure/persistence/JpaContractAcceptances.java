package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.document.ContractAcceptances;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import static org.sejour.infrastructure.persistence.NativeValues.instant;

/**
 * contract_offer and contract_acceptance (V41), with native SQL: rows written once, whose
 * "first one wins" is the database's ({@code on conflict do nothing}), never an entity graph.
 */
@ApplicationScoped
public class JpaContractAcceptances implements ContractAcceptances {

    private static final String ACCEPTANCE_COLUMNS = "a.version, a.sha256, a.accepted_at, a.address, a.user_agent, "
            + "a.guest_name";

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public Offer offer(long dossierId, Offer offer) {
        em.createNativeQuery("insert into contract_offer (dossier_id, version, offered_at, pdf, sha256) "
                        + "values (?1, ?2, ?3, ?4, ?5) on conflict (dossier_id, version) do nothing")
                .setParameter(1, dossierId).setParameter(2, offer.version())
                .setParameter(3, Timestamp.from(offer.offeredAt())).setParameter(4, offer.pdf())
                .setParameter(5, offer.sha256()).executeUpdate();
        return findOffer(dossierId, offer.version()).orElseThrow();
    }

    @Override
    public Optional<Offer> findOffer(long dossierId, int version) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select offered_at, sha256, pdf from contract_offer "
                        + "where dossier_id = ?1 and version = ?2")
                .setParameter(1, dossierId).setParameter(2, version).getResultList();
        return rows.stream().findFirst().map(r -> new Offer(version, instant(r[0]), (String) r[1], (byte[]) r[2]));
    }

    @Override
    public boolean accept(long dossierId, Acceptance a) {
        return em.createNativeQuery("insert into contract_acceptance (dossier_id, version, sha256, accepted_at, "
                        + "address, user_agent, guest_name) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                        + "on conflict on constraint contract_accepted_once do nothing")
                .setParameter(1, dossierId).setParameter(2, a.version()).setParameter(3, a.sha256())
                .setParameter(4, Timestamp.from(a.acceptedAt())).setParameter(5, a.address())
                .setParameter(6, a.userAgent()).setParameter(7, a.guestName())
                .executeUpdate() == 1;
    }

    @Override
    public Optional<Acceptance> findAcceptance(long dossierId, int version) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + ACCEPTANCE_COLUMNS + " from contract_acceptance a "
                        + "where a.dossier_id = ?1 and a.version = ?2")
                .setParameter(1, dossierId).setParameter(2, version).getResultList();
        return rows.stream().findFirst().map(JpaContractAcceptances::acceptance);
    }

    @Override
    public List<Acceptance> acceptances(long accountId, long dossierId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + ACCEPTANCE_COLUMNS + " from contract_acceptance a "
                        + "join dossier d on d.id = a.dossier_id where d.account_id = ?1 and d.id = ?2 "
                        + "order by a.version")
                .setParameter(1, accountId).setParameter(2, dossierId).getResultList();
        return rows.stream().map(JpaContractAcceptances::acceptance).toList();
    }

    @Override
    public Optional<byte[]> offeredPdf(long accountId, long dossierId, int version) {
        return em.createNativeQuery("select o.pdf from contract_offer o join dossier d on d.id = o.dossier_id "
                        + "where d.account_id = ?1 and d.id = ?2 and o.version = ?3")
                .setParameter(1, accountId).setParameter(2, dossierId).setParameter(3, version)
                .getResultStream().findFirst().map(byte[].class::cast);
    }

    private static Acceptance acceptance(Object[] r) {
        return new Acceptance(((Number) r[0]).intValue(), (String) r[1], instant(r[2]), (String) r[3], (String) r[4],
                (String) r[5]);
    }
}
