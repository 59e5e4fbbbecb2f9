package org.sejour.interfaces.security;

import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.account.Role;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Map.entry;

/**
 * The permission each back-office page needs (the roles that have it are in {@code Role}). A page
 * named here with no permission is open to every signed-in user of the account; a page under /app
 * not named at all is the owner's alone, so that a new page stays closed to staff until it is listed.
 */
public final class PagePermissions {

    /** Pages every signed-in user may open. */
    private static final Set<String> OPEN = Set.of("/app/account/credentials.xhtml");

    private static final Map<String, Permission> PAGES = Map.ofEntries(
            entry("/app/dashboard.xhtml", Permission.VIEW_FIGURES),
            entry("/app/tourist-tax.xhtml", Permission.VIEW_FIGURES),
            entry("/app/reports.xhtml", Permission.VIEW_FIGURES),
            entry("/app/audit.xhtml", Permission.VIEW_AUDIT),
            entry("/app/planning.xhtml", Permission.VIEW_PLANNING),
            entry("/app/rate.xhtml", Permission.CHANGE_PLANNING),
            entry("/app/dossiers.xhtml", Permission.VIEW_DOSSIERS),
            entry("/app/dossier.xhtml", Permission.VIEW_DOSSIERS),
            entry("/app/new-bookings.xhtml", Permission.VIEW_DOSSIERS),
            entry("/app/dossier-change.xhtml", Permission.CHANGE_DOSSIERS),
            entry("/app/phone-booking.xhtml", Permission.CHANGE_DOSSIERS),
            entry("/app/arrivals.xhtml", Permission.VIEW_MOVEMENTS),
            entry("/app/departures.xhtml", Permission.VIEW_MOVEMENTS),
            entry("/app/cleaning.xhtml", Permission.VIEW_CLEANING_LIST),
            entry("/app/account/staff.xhtml", Permission.MANAGE_STAFF));

    /** The servlets' files under /app, by the start of their path. */
    private static final Map<String, Permission> FILES = Map.of(
            "/app/dossiers/", Permission.VIEW_DOSSIERS,
            "/app/police-forms/", Permission.VIEW_DOSSIERS,
            "/app/invoices/", Permission.RECEIPTS,
            "/app/exports/", Permission.EXPORTS,
            "/app/guest-data/", Permission.MANAGE_GUEST_DATA);

    private PagePermissions() {
    }

    /**
     * What {@code path} (as the container mapped it) needs: empty for a page open to all; for any
     * other page under /app not listed, the settings' permission (the owner's).
     */
    public static Optional<Permission> required(String path) {
        if (OPEN.contains(path) || path.startsWith("/app/photos/")) {
            return Optional.empty();
        }
        for (Map.Entry<String, Permission> file : FILES.entrySet()) {
            if (path.startsWith(file.getKey())) {
                return Optional.of(file.getValue());
            }
        }
        return Optional.of(PAGES.getOrDefault(path, Permission.MANAGE_SETTINGS));
    }

    /** Where a user of this role lands after signing in: the first page their role may open. */
    public static String home(Role role) {
        if (role.may(Permission.VIEW_FIGURES)) {
            return "/app/dashboard.xhtml";
        }
        if (role.may(Permission.VIEW_PLANNING)) {
            return "/app/planning.xhtml";
        }
        if (role.may(Permission.VIEW_CLEANING_LIST)) {
            return "/app/cleaning.xhtml";
        }
        return "/app/account/credentials.xhtml";
    }
}
