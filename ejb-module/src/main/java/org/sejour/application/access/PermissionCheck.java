package org.sejour.application.access;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.account.Role;
import org.sejour.domain.model.account.UserAccountRepository;

import java.security.Principal;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refuses a service call that the signed-in staff member's role does not permit, before the method
 * runs (owners and operators are bounded by their account, as before).
 * The caller principal of a signed-in user is their id (SejourIdentityStore); batch jobs, timers and
 * the anonymous public API have no such principal and act for the system, so they pass: what the
 * public may do is decided by the public methods themselves, as before. The role is read afresh on
 * each call, so a role changed by the owner counts at once.
 */
@Requires(Permission.MANAGE_STAFF)
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class PermissionCheck {

    private static final Logger LOG = Logger.getLogger(PermissionCheck.class.getName());

    @Inject
    Principal caller;
    @Inject
    UserAccountRepository users;

    @AroundInvoke
    public Object check(InvocationContext invocation) throws Exception {
        Requires requires = invocation.getMethod().getAnnotation(Requires.class);
        if (requires == null) {
            requires = invocation.getMethod().getDeclaringClass().getAnnotation(Requires.class);
        }
        if (requires != null) {
            Long userId = userId();
            if (userId != null) {
                Role role = users.find(userId).map(u -> u.role()).orElse(null);
                if (role == null || (role.isStaff() && !role.may(requires.value()))) {
                    LOG.log(Level.INFO, "Refused {0}.{1} to user {2} ({3}): {4} required", new Object[]{
                            invocation.getMethod().getDeclaringClass().getSimpleName(),
                            invocation.getMethod().getName(), userId, role, requires.value()});
                    throw new AccessDeniedException(requires.value());
                }
            }
        }
        return invocation.proceed();
    }

    /** The signed-in user's id, or null for a call made by no user (anonymous, a job, a timer). */
    private Long userId() {
        String name = caller == null ? null : caller.getName();
        if (name == null || name.isEmpty() || !name.chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            return Long.parseLong(name);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
