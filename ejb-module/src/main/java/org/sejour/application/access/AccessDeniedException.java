package org.sejour.application.access;

import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.shared.SejourException;

/** The signed-in user's role does not allow this; the transaction is rolled back, nothing changed. */
public class AccessDeniedException extends SejourException {

    private static final long serialVersionUID = 1L;

    private final Permission permission;

    public AccessDeniedException(Permission permission) {
        super("error.accessDenied");
        this.permission = permission;
    }

    /** What the call needed. */
    public Permission permission() {
        return permission;
    }
}
