package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.prearrival.PreArrivalForm;
import org.sejour.domain.model.prearrival.PreArrivalRepository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Pre-arrival forms as entities; every read names the owner, so another owner's dossier finds nothing. */
@ApplicationScoped
public class JpaPreArrivalRepository implements PreArrivalRepository {

    @PersistenceContext(unitName = "sejour")
    EntityManager em;

    @Override
    public PreArrivalForm store(PreArrivalForm form) {
        if (form.id() == null) {
            em.persist(form);
            return form;
        }
        return em.merge(form);
    }

    @Override
    public Optional<PreArrivalForm> ofDossier(long accountId, long dossierId) {
        return em.createQuery("select f from PreArrivalForm f where f.accountId = :account and f.dossierId = :dossier",
                        PreArrivalForm.class)
                .setParameter("account", accountId).setParameter("dossier", dossierId)
                .getResultStream().findFirst();
    }

    @Override
    public List<PreArrivalForm> ofDossiers(long accountId, Collection<Long> dossierIds) {
        if (dossierIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select f from PreArrivalForm f "
                        + "where f.accountId = :account and f.dossierId in :dossiers", PreArrivalForm.class)
                .setParameter("account", accountId).setParameter("dossiers", dossierIds).getResultList();
    }

    @Override
    public int erasePoliceFields(LocalDate departedBefore, LocalDate today) {
        int erased = em.createNativeQuery("update pre_arrival_person p set birth_date = null, birth_place = null, "
                        + "home_address = null, phone = null, email = null, police_erased_on = ?2 "
                        + "from pre_arrival_form f join dossier d on d.id = f.dossier_id "
                        + "where p.form_id = f.id and d.departure < ?1 and p.police_erased_on is null "
                        + "and p.nationality <> 'FR' and p.age >= 15")
                .setParameter(1, departedBefore).setParameter(2, today).executeUpdate();
        // the statement went around the shared cache, which may still hold the fields
        em.getEntityManagerFactory().getCache().evict(PreArrivalForm.class);
        return erased;
    }
}
