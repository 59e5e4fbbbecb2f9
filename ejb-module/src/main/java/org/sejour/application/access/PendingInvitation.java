package org.sejour.application.access;

import org.sejour.domain.model.account.Role;

import java.io.Serializable;
import java.time.Instant;

/** An invitation sent and not used yet. */
public record PendingInvitation(long id, String email, Role role, Instant expiresAt) implements Serializable {
}
