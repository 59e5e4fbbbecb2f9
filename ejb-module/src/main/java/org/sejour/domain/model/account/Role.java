package org.sejour.domain.model.account;

import java.util.Locale;

public enum Role {
    OWNER, OPERATOR;

    /** The name used in security constraints and {@code @RolesAllowed}. */
    public String securityRole() {
        return name().toLowerCase(Locale.ROOT);
    }
}
