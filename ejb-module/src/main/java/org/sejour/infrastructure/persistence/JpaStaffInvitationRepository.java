package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.account.StaffInvitation;
import org.sejour.domain.model.account.StaffInvitationRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaStaffInvitationRepository implements StaffInvitationRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public StaffInvitation store(StaffInvitation invitation) {
        if (invitation.id() == null) {
            em.persist(invitation);
            em.flush(); // identity ids are known only once the row is written
            return invitation;
        }
        return em.merge(invitation);
    }

    @Override
    public Optional<StaffInvitation> find(long invitationId) {
        return Optional.ofNullable(em.find(StaffInvitation.class, invitationId));
    }

    @Override
    public Optional<StaffInvitation> findByTokenHash(String tokenHash) {
        return em.createNamedQuery("StaffInvitation.byTokenHash", StaffInvitation.class)
                .setParameter("hash", tokenHash).getResultStream().findFirst();
    }

    @Override
    public List<StaffInvitation> pendingOf(long accountId, Instant now) {
        return em.createNamedQuery("StaffInvitation.pendingOf", StaffInvitation.class)
                .setParameter("accountId", accountId).setParameter("now", now).getResultList();
    }
}
