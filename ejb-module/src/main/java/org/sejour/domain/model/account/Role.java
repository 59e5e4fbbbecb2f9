package org.sejour.domain.model.account;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import static org.sejour.domain.model.account.Permission.*;

/**
 * Who a user is to Séjour. The owner may do everything in their account; staff (reception,
 * housekeeping, accountant) only what their role's permissions name. This enum is the one place
 * that maps roles to permissions: a new page or action gets a {@link Permission} and is added here.
 */
public enum Role {
    OWNER(EnumSet.allOf(Permission.class)),
    OPERATOR(EnumSet.noneOf(Permission.class)),
    /** The front desk: planning, dossiers, payments and their receipts; no settings, no exports of guest data. */
    RECEPTION(EnumSet.of(VIEW_PLANNING, CHANGE_PLANNING, VIEW_DOSSIERS, CHANGE_DOSSIERS, RECORD_PAYMENTS,
            VIEW_MOVEMENTS, VIEW_CLEANING_LIST, RECEIPTS)),
    /** Arrivals, departures and what to prepare: no amounts, no guest contact. */
    HOUSEKEEPING(EnumSet.of(VIEW_CLEANING_LIST)),
    /** Figures, exports, receipts and credit notes, read-only otherwise. */
    ACCOUNTANT(EnumSet.of(VIEW_FIGURES, VIEW_DOSSIERS, EXPORTS, RECEIPTS));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Collections.unmodifiableSet(permissions);
    }

    /** The name used in security constraints and {@code @RolesAllowed}. */
    public String securityRole() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isStaff() {
        return this == RECEPTION || this == HOUSEKEEPING || this == ACCOUNTANT;
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** The roles an owner may give a member of their staff. */
    public static Set<Role> staffRoles() {
        return EnumSet.of(RECEPTION, HOUSEKEEPING, ACCOUNTANT);
    }
}
