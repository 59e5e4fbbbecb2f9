package org.sejour.it.incontainer;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.CreatedOwner;
import org.sejour.application.audit.AuditEntry;
import org.sejour.application.audit.AuditFilter;
import org.sejour.application.audit.AuditSubject;
import org.sejour.application.audit.AuditTrailService;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.booking.DossierService;
import org.sejour.application.catalog.SalesBanService;
import org.sejour.application.privacy.GuestDataService;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.application.audit.AuditOrigin;
import org.sejour.it.fixtures.DossierFixtures;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sejour.it.fixtures.DossierFixtures.MAY_FIRST;

/**
 * The audit trail on Payara and PostgreSQL: changes made through the real services leave one row
 * each, with who (the origin the web layer names, here set as it would), from where and the
 * right before and after; a guest's personal data is never copied; the application's own
 * database role can neither update, delete nor truncate the trail; another owner reads none of it.
 */
@ExtendWith(ArquillianExtension.class)
public class AuditTrailIT {

    @Inject
    DossierFixtures fixtures;
    @EJB
    AuditTrailService trail;
    @EJB
    SalesBanService bans;
    @EJB
    DossierService dossiers;
    @EJB
    GuestDataService guestData;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    @AfterEach
    void forgetOrigin() {
        AuditOrigin.clear();
    }

    @Test
    void eachChangeLeavesOneRowNamingWhoFromWhereWithBeforeAndAfter() throws SQLException {
        CreatedOwner owner = fixtures.owner("audit", "Pw-audit-1!");
        long gite = fixtures.gite(owner.accountId(), "Gîte du Journal", "700.00");
        long userId = userId(owner.login());

        // a ban closed by the signed-in owner from an address, then lifted on its first night
        AuditOrigin.set(new AuditOrigin(userId, "203.0.113.7"));
        long ban = bans.close(owner.accountId(), gite, LocalDate.of(2027, 5, 10), LocalDate.of(2027, 5, 12)).id();
        bans.lift(owner.accountId(), gite, LocalDate.of(2027, 5, 10), LocalDate.of(2027, 5, 10));

        List<AuditEntry> banRows = trail.search(owner.accountId(), new AuditFilter(AuditSubject.BANS, null, null, null),
                0, 50);
        // the close, then the lift: it removed the ban and closed its two remaining nights again
        // (in one transaction, in the order JPA flushes them)
        assertEquals(3, banRows.size(), banRows.toString());
        AuditEntry closed = banRows.get(2);
        assertEquals(AuditEntry.Action.INSERT, closed.action());
        assertEquals(Long.toString(ban), closed.objectKey());
        assertEquals(AuditEntry.ActorKind.USER, closed.actorKind());
        assertEquals(owner.login(), closed.actorLogin());
        assertEquals("203.0.113.7", closed.clientAddress());
        Map<String, AuditEntry.Change> changes = byField(closed);
        assertEquals("2027-05-10", changes.get("first_night").after());
        assertEquals("2027-05-12", changes.get("last_night").after());
        AuditEntry removed = banRows.subList(0, 2).stream().filter(r -> r.action() == AuditEntry.Action.DELETE)
                .findFirst().orElseThrow();
        assertEquals(Long.toString(ban), removed.objectKey());
        assertEquals("2027-05-12", byField(removed).get("last_night").before());
        assertEquals(null, byField(removed).get("last_night").after());
        AuditEntry reclosed = banRows.subList(0, 2).stream().filter(r -> r.action() == AuditEntry.Action.INSERT)
                .findFirst().orElseThrow();
        assertEquals("2027-05-11", byField(reclosed).get("first_night").after());

        // a booking from the public pages: the guest's name, e-mail and phone are never copied
        AuditOrigin.set(new AuditOrigin(null, "198.51.100.4"));
        Dossier dossier = fixtures.book(owner.accountId(), gite, MAY_FIRST.plusWeeks(2), "Oriane", "Journalière",
                "oriane.journaliere@example.test", Origin.WIDGET, null, false);
        List<AuditEntry> rows = trail.ofDossier(owner.accountId(), dossier.id());
        AuditEntry created = rows.stream().filter(r -> r.table().equals("dossier")).findFirst().orElseThrow();
        assertEquals(AuditEntry.ActorKind.PUBLIC, created.actorKind());
        assertEquals("198.51.100.4", created.clientAddress());
        assertTrue(byField(created).get("guest_email").redacted());
        assertTrue(byField(created).get("guest_last_name").redacted());
        assertTrue(rows.stream().anyMatch(r -> r.table().equals("dossier_line")), "the price lines are traced too");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from audit_event where changes::text ilike '%journali%'"
                     + " or changes::text ilike '%oriane%' or changes::text like '%+33 6 12%'")) {
            r.next();
            assertEquals(0, r.getLong(1), "no personal data of the guest in the trail");
        }

        // a payment by the owner again: one row for the payment, one for the dossier's status
        AuditOrigin.set(new AuditOrigin(userId, "203.0.113.7"));
        int before = trail.ofDossier(owner.accountId(), dossier.id()).size();
        dossiers.recordPayment(owner.accountId(), dossier.id(), PaymentKind.DEPOSIT, LocalDate.of(2027, 3, 1),
                dossier.depositAmount(), "transfer", "VIR-7", null, owner.login());
        List<AuditEntry> after = trail.ofDossier(owner.accountId(), dossier.id());
        List<AuditEntry> added = after.subList(before, after.size());
        AuditEntry payment = added.stream().filter(r -> r.table().equals("payment")).findFirst().orElseThrow();
        assertEquals(dossier.depositAmount().amount().toPlainString(), byField(payment).get("amount").after());
        assertTrue(byField(payment).get("reference").redacted(), "a payment's reference is the guest's, not kept");
        AuditEntry confirmed = added.stream().filter(r -> r.table().equals("dossier")).findFirst().orElseThrow();
        assertEquals("OPTION", byField(confirmed).get("status").before());
        assertEquals("CONFIRMED", byField(confirmed).get("status").after());
        assertEquals(owner.login(), confirmed.actorLogin());

        // the server's own work (no origin) is told apart
        AuditOrigin.clear();
        bans.close(owner.accountId(), gite, LocalDate.of(2027, 6, 1), LocalDate.of(2027, 6, 2));
        assertEquals(AuditEntry.ActorKind.SYSTEM, trail.search(owner.accountId(),
                new AuditFilter(AuditSubject.BANS, null, null, null), 0, 1).get(0).actorKind());

        // the filters: by person, by period, and a reversed period refused
        assertEquals(3, trail.count(owner.accountId(), new AuditFilter(AuditSubject.BANS, userId, null, null)));
        // the trail's days are Séjour's business days (Paris): from 23:00 UTC, UTC's date is yesterday's
        LocalDate today = BusinessCalendar.today(Clock.systemUTC());
        assertEquals(0, trail.count(owner.accountId(), new AuditFilter(null, null, today.plusDays(1), null)));
        assertTrue(trail.count(owner.accountId(), new AuditFilter(null, null, today.minusDays(1), today.plusDays(1))) > 5);
        assertThrows(InvalidInputException.class, () -> trail.count(owner.accountId(),
                new AuditFilter(null, null, today, today.minusDays(1))));
        assertTrue(trail.people(owner.accountId()).stream().anyMatch(p -> p.login().equals(owner.login())));

        // another owner reads nothing of it
        CreatedOwner other = fixtures.owner("audit-other", "Pw-audit-2!");
        assertThrows(NotFoundException.class, () -> trail.ofDossier(other.accountId(), dossier.id()));
        assertFalse(trail.search(other.accountId(), AuditFilter.ALL, 0, 200).stream()
                .anyMatch(r -> r.objectKey().equals(Long.toString(ban)) || Long.valueOf(dossier.id()).equals(r.dossierId())));
    }

    @Test
    void aGuestsExportAndErasureAreInTheTrailWithWhoAndFromWhereAndNothingOfTheGuest() throws SQLException {
        CreatedOwner owner = fixtures.owner("audit-privacy", "Pw-audit-4!");
        long gite = fixtures.gite(owner.accountId(), "Gîte Discret", "700.00");
        Dossier dossier = fixtures.book(owner.accountId(), gite, MAY_FIRST, "Hortense", "Effaçable",
                "hortense.effacable@example.test", Origin.PHONE, null, false);
        AuditOrigin.set(new AuditOrigin(userId(owner.login()), "203.0.113.8"));
        guestData.export(owner.accountId(), dossier.id());
        guestData.erase(owner.accountId(), dossier.id(), LocalDate.now(), owner.login());

        List<AuditEntry> privacy = trail.search(owner.accountId(),
                new AuditFilter(AuditSubject.PRIVACY, null, null, null), 0, 10);
        assertEquals(List.of("ERASURE", "EXPORT"), privacy.stream().map(e -> byField(e).get("kind").after()).toList());
        for (AuditEntry action : privacy) {
            assertEquals(owner.login(), action.actorLogin());
            assertEquals("203.0.113.8", action.clientAddress());
            assertEquals(dossier.id(), action.dossierId());
        }
        // the erasure's own writes (plain SQL in the same transaction) name the owner too
        AuditEntry anonymised = trail.ofDossier(owner.accountId(), dossier.id()).stream()
                .filter(e -> e.table().equals("dossier") && e.action() == AuditEntry.Action.UPDATE
                        && e.changes().stream().anyMatch(c -> c.field().equals("guest_last_name")))
                .reduce((a, b) -> b).orElseThrow();
        assertEquals(owner.login(), anonymised.actorLogin());
        assertTrue(byField(anonymised).get("guest_last_name").redacted());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from audit_event where changes::text ilike '%hortense%'"
                     + " or changes::text ilike '%effa_able%' or actor_login ilike '%hortense%'")) {
            r.next();
            assertEquals(0, r.getLong(1), "nothing of the erased guest in the trail");
        }
    }

    @Test
    void theApplicationsRoleCanNeitherUpdateNorDeleteNorTruncateTheTrail() throws SQLException {
        CreatedOwner owner = fixtures.owner("audit-sql", "Pw-audit-3!");
        fixtures.gite(owner.accountId(), "Gîte Inaltérable", "700.00");
        long rows = count();
        assertTrue(rows > 0);
        for (String sql : List.of("update audit_event set actor_kind = 'SYSTEM', actor_user_id = null",
                "delete from audit_event", "truncate audit_event",
                "delete from audit_event where account_id = " + owner.accountId())) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
            }
        }
        assertEquals(rows, count(), "nothing changed");
    }

    private long count() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from audit_event")) {
            r.next();
            return r.getLong(1);
        }
    }

    private long userId(String login) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select id from app_user where login = '" + login.replace("'", "''") + "'")) {
            assertTrue(r.next());
            return r.getLong(1);
        }
    }

    private static Map<String, AuditEntry.Change> byField(AuditEntry entry) {
        return entry.changes().stream().collect(Collectors.toMap(AuditEntry.Change::field, c -> c));
    }
}
