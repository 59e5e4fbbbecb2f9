package org.sejour.application.access;

import org.sejour.domain.model.account.Role;

import java.io.Serializable;
import java.time.Instant;

/** A member of an owner's staff as the staff page shows them; {@code lastLoginAt} may be null. */
public record StaffMember(long userId, String login, Role role, Instant lastLoginAt) implements Serializable {
}
