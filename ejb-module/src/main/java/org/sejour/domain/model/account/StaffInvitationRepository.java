package org.sejour.domain.model.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface StaffInvitationRepository {

    StaffInvitation store(StaffInvitation invitation);

    Optional<StaffInvitation> find(long invitationId);

    Optional<StaffInvitation> findByTokenHash(String tokenHash);

    /** The account's invitations not used yet and not expired at {@code now}, oldest first. */
    List<StaffInvitation> pendingOf(long accountId, Instant now);
}
