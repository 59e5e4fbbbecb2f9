package org.sejour.application;

import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.account.Role;
import org.sejour.domain.model.account.UserAccount;

import java.io.Serializable;
import java.util.Objects;

/** Who is signed in, as the interfaces need to know it; never carries the password hash. */
public record SignedInUser(long userId, String login, Role role, Long accountId, boolean mustChangePassword,
                           int sessionGeneration)
        implements Serializable {

    public SignedInUser {
        Objects.requireNonNull(login, "login is required");
        Objects.requireNonNull(role, "role is required");
    }

    static SignedInUser of(UserAccount user) {
        return new SignedInUser(user.id(), user.login(), user.role(),
                user.account().map(a -> a.id()).orElse(null), user.mustChangePassword(),
                user.sessionGeneration());
    }

    public boolean isOwner() {
        return role == Role.OWNER;
    }

    /** Whether this user may use what needs {@code permission} (an operator: nothing of an account). */
    public boolean may(Permission permission) {
        return role.may(permission);
    }
}
