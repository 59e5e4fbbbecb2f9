package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.document.ContractArchive;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.sejour.infrastructure.persistence.NativeValues.instant;

/** contract_version (V35), read and written with native SQL: a PDF and four values, never an entity graph. */
@ApplicationScoped
public class JpaContractArchive implements ContractArchive {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public void keep(long dossierId, int version, Instant issuedAt, Instant replacedAt, String replacedBy,
                     byte[] pdf) {
        em.createNativeQuery("insert into contract_version (dossier_id, version, issued_at, replaced_at, replaced_by, "
                        + "pdf) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, dossierId).setParameter(2, version).setParameter(3, Timestamp.from(issuedAt))
                .setParameter(4, Timestamp.from(replacedAt)).setParameter(5, replacedBy).setParameter(6, pdf)
                .executeUpdate();
    }

    @Override
    public List<KeptVersion> versions(long accountId, long dossierId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select v.version, v.issued_at, v.replaced_at, v.replaced_by "
                        + "from contract_version v join dossier d on d.id = v.dossier_id "
                        + "where d.account_id = ?1 and d.id = ?2 order by v.version")
                .setParameter(1, accountId).setParameter(2, dossierId).getResultList();
        return rows.stream().map(r -> new KeptVersion(((Number) r[0]).intValue(), instant(r[1]), instant(r[2]),
                (String) r[3])).toList();
    }

    @Override
    public Optional<byte[]> pdf(long accountId, long dossierId, int version) {
        return em.createNativeQuery("select v.pdf from contract_version v join dossier d on d.id = v.dossier_id "
                        + "where d.account_id = ?1 and d.id = ?2 and v.version = ?3")
                .setParameter(1, accountId).setParameter(2, dossierId).setParameter(3, version)
                .getResultStream().findFirst().map(byte[].class::cast);
    }
}
