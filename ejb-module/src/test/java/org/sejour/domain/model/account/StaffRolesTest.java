package org.sejour.domain.model.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The roles of the issue (19, part 1), permission by permission, and the staff member's and invitation's rules. */
class StaffRolesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private final Account account = new Account(100063, NOW);

    /** Each row: a permission, then whether reception, housekeeping and the accountant have it. */
    @ParameterizedTest(name = "{0}: reception {1}, housekeeping {2}, accountant {3}")
    @CsvSource({
            "VIEW_FIGURES,       false, false, true",
            "VIEW_PLANNING,      true,  false, false",
            "CHANGE_PLANNING,    true,  false, false",
            "VIEW_DOSSIERS,      true,  false, true",
            "CHANGE_DOSSIERS,    true,  false, false",
            "RECORD_PAYMENTS,    true,  false, false",
            "VIEW_MOVEMENTS,     true,  false, false",
            "VIEW_CLEANING_LIST, true,  true,  false",
            "EXPORTS,            false, false, true",
            "RECEIPTS,           true,  false, true",
            "MANAGE_SETTINGS,    false, false, false",
            "MANAGE_STAFF,       false, false, false"})
    void staffRolesHaveWhatTheIssueGivesThem(Permission permission, boolean reception, boolean housekeeping,
                                             boolean accountant) {
        assertEquals(reception, Role.RECEPTION.may(permission), "reception");
        assertEquals(housekeeping, Role.HOUSEKEEPING.may(permission), "housekeeping");
        assertEquals(accountant, Role.ACCOUNTANT.may(permission), "accountant");
        assertTrue(Role.OWNER.may(permission), "the owner may do everything");
        assertFalse(Role.OPERATOR.may(permission), "an operator uses no owner's back office");
    }

    @Test
    void aStaffMemberBelongsToAnAccountWithAStaffRole() {
        UserAccount member = UserAccount.staff(account, " Menage@Example.test ", "hash", Role.HOUSEKEEPING, NOW);
        assertEquals("menage@example.test", member.login());
        assertEquals(Role.HOUSEKEEPING, member.role());
        assertThrows(IllegalArgumentException.class, () -> UserAccount.staff(account, "x@example.test", "hash",
                Role.OWNER, NOW));
        assertThrows(NullPointerException.class, () -> UserAccount.staff(null, "x@example.test", "hash",
                Role.RECEPTION, NOW));
    }

    @Test
    void changingTheRoleOrSigningOutEverywhereEndsTheSessions() {
        UserAccount member = UserAccount.staff(account, "desk@example.test", "hash", Role.RECEPTION, NOW);
        int first = member.sessionGeneration();
        member.changeStaffRole(Role.RECEPTION);
        assertEquals(first, member.sessionGeneration(), "the same role: sessions go on");
        member.changeStaffRole(Role.ACCOUNTANT);
        assertEquals(first + 1, member.sessionGeneration());
        member.endSessions();
        assertEquals(first + 2, member.sessionGeneration());
        UserAccount owner = UserAccount.owner(account, "owner@example.test", "hash", false, NOW);
        assertThrows(IllegalArgumentException.class, () -> owner.changeStaffRole(Role.RECEPTION),
                "an owner is never demoted to staff");
        assertThrows(IllegalArgumentException.class, () -> member.changeStaffRole(Role.OWNER));
    }

    @Test
    void anInvitationIsOpenUntilUsedOrExpired() {
        StaffInvitation invitation = new StaffInvitation(1, "Someone@Example.test", Role.ACCOUNTANT, "nonce", "hash",
                NOW, Duration.ofDays(7));
        assertEquals("someone@example.test", invitation.email());
        assertTrue(invitation.isOpen(NOW.plus(Duration.ofDays(7)).minusSeconds(1)));
        assertFalse(invitation.isOpen(NOW.plus(Duration.ofDays(7))), "expired at its end");
        invitation.accepted(42, NOW.plusSeconds(60));
        assertFalse(invitation.isOpen(NOW.plusSeconds(61)), "used once");
        assertThrows(IllegalStateException.class, () -> invitation.accepted(43, NOW.plusSeconds(62)));

        StaffInvitation withdrawn = new StaffInvitation(1, "other@example.test", Role.RECEPTION, "n2", "h2", NOW,
                Duration.ofDays(7));
        withdrawn.withdraw(NOW.plusSeconds(10));
        assertFalse(withdrawn.isOpen(NOW.plusSeconds(10)));
        assertThrows(IllegalArgumentException.class, () -> new StaffInvitation(1, "x@example.test", Role.OWNER, "n",
                "h", NOW, Duration.ofDays(7)));
    }
}
