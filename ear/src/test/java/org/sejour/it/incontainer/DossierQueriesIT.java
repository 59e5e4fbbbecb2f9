package org.sejour.it.incontainer;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.CreatedOwner;
import org.sejour.application.booking.DossierService;
import org.sejour.application.dossier.DossierCriteria;
import org.sejour.application.dossier.DossierCriteria.BalanceFilter;
import org.sejour.application.dossier.DossierQueries;
import org.sejour.application.dossier.DossierQueries.Keyed;
import org.sejour.application.dossier.DossierQueries.Movement;
import org.sejour.application.dossier.DossierRow;
import org.sejour.application.dossier.DossierSort;
import org.sejour.application.dossier.DossierView;
import org.sejour.application.dossier.MovementRow;
import org.sejour.application.mail.MailLogEntry;
import org.sejour.application.mail.MailOutbox;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.it.fixtures.DossierFixtures;

import javax.sql.DataSource;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sejour.it.fixtures.DossierFixtures.MAY_FIRST;

/** The dossier search, lists and dossier view on PostgreSQL: each filter, paging, sorting, tenancy. */
@ExtendWith(ArquillianExtension.class)
public class DossierQueriesIT {

    @Inject
    DossierFixtures fixtures;
    @EJB
    DossierQueries queries;
    @EJB
    DossierService dossiers;
    @EJB
    MailOutbox outbox;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    /**
     * Four dossiers of one owner, numbered 1 to 4 in booking order:
     * 1 Martin, Lauriers, 1 May, phone, 800 € with 200 € paid;
     * 2 Durand, Lauriers, 8 May, widget, code ETE27 (−10 % → 720 €), paid in full;
     * 3 Petit, Tilleuls, 15 May, booking site, cancelled, nothing paid;
     * 4 Bernard, Tilleuls, 22 May, phone, booked confirmed, nothing paid.
     */
    record Account(long id, long lauriers, long tilleuls, List<Long> dossierIds) {
    }

    private Account accountWithFourDossiers() {
        CreatedOwner owner = fixtures.owner("search", "Pw-" + java.util.UUID.randomUUID());
        long lauriers = fixtures.gite(owner.accountId(), "Gîte les Lauriers", "800.00");
        long tilleuls = fixtures.gite(owner.accountId(), "Chalet les Tilleuls", "800.00");
        fixtures.promoCode(owner.accountId(), "ETE27", 10);
        List<Long> ids = new ArrayList<>();
        Dossier martin = fixtures.book(owner.accountId(), lauriers, MAY_FIRST, "Claude", "Martin",
                "claude.martin@example.test", Origin.PHONE, null, false);
        ids.add(martin.id());
        dossiers.recordPayment(owner.accountId(), martin.id(), PaymentKind.DEPOSIT, LocalDate.now(),
                Money.of("200.00"), "transfer", null, null, "owner");
        Dossier durand = fixtures.book(owner.accountId(), lauriers, MAY_FIRST.plusWeeks(1), "Anne", "Durand",
                "anne.durand@example.test", Origin.WIDGET, "ete27", false);
        ids.add(durand.id());
        dossiers.recordPayment(owner.accountId(), durand.id(), PaymentKind.BALANCE, LocalDate.now(),
                durand.total(), "card", null, null, "owner");
        Dossier petit = fixtures.book(owner.accountId(), tilleuls, MAY_FIRST.plusWeeks(2), "Louis", "Petit",
                "louis.petit@example.test", Origin.BOOKING_SITE, null, false);
        ids.add(petit.id());
        dossiers.cancel(owner.accountId(), petit.id(), "owner", "guest changed plans");
        ids.add(fixtures.book(owner.accountId(), tilleuls, MAY_FIRST.plusWeeks(3), "Marie", "Bernard", null,
                Origin.PHONE, null, true).id());
        return new Account(owner.accountId(), lauriers, tilleuls, ids);
    }

    private List<Integer> numbers(long accountId, DossierCriteria criteria) {
        List<DossierRow> rows = queries.page(accountId, criteria, DossierSort.NUMBER, true, 0, 100);
        assertEquals(rows.size(), queries.count(accountId, criteria), "the count agrees with the rows");
        return rows.stream().map(DossierRow::number).toList();
    }

    private static DossierCriteria criteria(LocalDate from, LocalDate to, String guest, Long accommodation,
                                            Integer number, DossierStatus status, BalanceFilter balance,
                                            Origin origin, String code) {
        return new DossierCriteria(from, to, guest, accommodation, number, status, balance, origin, code);
    }

    @Test
    void eachFilterAloneSelectsItsDossiers() {
        Account a = accountWithFourDossiers();
        long id = a.id();
        assertEquals(List.of(1, 2, 3, 4), numbers(id, DossierCriteria.any()));
        assertEquals(List.of(2, 3), numbers(id, criteria(MAY_FIRST.plusDays(7), MAY_FIRST.plusDays(14), null, null,
                null, null, null, null, null)), "the arrival range includes both ends");
        assertEquals(List.of(3, 4), numbers(id, criteria(MAY_FIRST.plusDays(10), null, null, null, null, null, null,
                null, null)));
        assertEquals(List.of(1), numbers(id, criteria(null, MAY_FIRST, null, null, null, null, null, null, null)));
        assertEquals(List.of(1), numbers(id, criteria(null, null, "MARTIN", null, null, null, null, null, null)),
                "names match whatever the case");
        assertEquals(List.of(2), numbers(id, criteria(null, null, "anne durand", null, null, null, null, null, null)));
        assertEquals(List.of(3), numbers(id, criteria(null, null, "petit@example", null, null, null, null, null,
                null)), "by e-mail");
        assertEquals(List.of(), numbers(id, criteria(null, null, "%", null, null, null, null, null, null)),
                "a % is a character, not a wildcard");
        assertEquals(List.of(3, 4), numbers(id, criteria(null, null, null, a.tilleuls(), null, null, null, null,
                null)));
        assertEquals(List.of(2), numbers(id, criteria(null, null, null, null, 2, null, null, null, null)));
        assertEquals(List.of(3), numbers(id, criteria(null, null, null, null, null, DossierStatus.CANCELLED, null,
                null, null)));
        assertEquals(List.of(2), numbers(id, criteria(null, null, null, null, null, null, BalanceFilter.PAID, null,
                null)));
        assertEquals(List.of(1, 4), numbers(id, criteria(null, null, null, null, null, null, BalanceFilter.UNPAID,
                null, null)), "a cancelled dossier owes nothing");
        assertEquals(List.of(2), numbers(id, criteria(null, null, null, null, null, null, null, Origin.WIDGET, null)));
        assertEquals(List.of(1, 4), numbers(id, criteria(null, null, null, null, null, null, null, Origin.PHONE,
                null)));
        assertEquals(List.of(2), numbers(id, criteria(null, null, null, null, null, null, null, null, "ete27")));
    }

    @Test
    void filtersCombineWithAnd() {
        Account a = accountWithFourDossiers();
        assertEquals(List.of(1), numbers(a.id(), criteria(null, null, null, a.lauriers(), null, null,
                BalanceFilter.UNPAID, null, null)));
        assertEquals(List.of(4), numbers(a.id(), criteria(MAY_FIRST.plusDays(14), MAY_FIRST.plusDays(21), null,
                null, null, DossierStatus.CONFIRMED, null, Origin.PHONE, null)));
        assertEquals(List.of(), numbers(a.id(), criteria(MAY_FIRST.plusDays(7), null, "martin", null, null, null,
                null, null, null)), "Martin arrives before the range");
    }

    @Test
    void rowsCarryTheComputedBalanceAndParty() {
        Account a = accountWithFourDossiers();
        List<DossierRow> rows = queries.page(a.id(), DossierCriteria.any(), DossierSort.NUMBER, true, 0, 10);
        DossierRow martin = rows.get(0);
        assertEquals("MARTIN Claude", martin.guestName());
        assertEquals("Gîte les Lauriers", martin.accommodation());
        assertEquals(0, new BigDecimal("800.00").compareTo(martin.total()));
        assertEquals(0, new BigDecimal("200.00").compareTo(martin.paid()));
        assertEquals(0, new BigDecimal("600.00").compareTo(martin.owed()), "the tutorial's 800 − 200");
        assertEquals(2, martin.persons());
        assertEquals(7, martin.nights());
        assertEquals("ETE27", rows.get(1).promoCode());
        assertEquals(0, new BigDecimal("720.00").compareTo(rows.get(1).total()), "800 € less 10 %");
        assertEquals(0, rows.get(1).owed().signum(), "nothing left to pay");
        assertEquals(0, new BigDecimal("504.00").compareTo(rows.get(1).balance()), "the balance: 720 − 216 of arrhes");
    }

    @Test
    void pagesAndSortsInTheDatabase() {
        Account a = accountWithFourDossiers();
        DossierCriteria any = DossierCriteria.any();
        assertEquals(List.of(4, 3, 2), queries.page(a.id(), any, DossierSort.ARRIVAL, false, 0, 3).stream()
                .map(DossierRow::number).toList());
        assertEquals(List.of(1), queries.page(a.id(), any, DossierSort.ARRIVAL, false, 3, 3).stream()
                .map(DossierRow::number).toList(), "the second page holds the rest");
        assertEquals(List.of(4, 2, 1, 3), queries.page(a.id(), any, DossierSort.GUEST, true, 0, 10).stream()
                .map(DossierRow::number).toList(), "Bernard, Durand, Martin, Petit");
        assertEquals(List.of(2, 3, 1, 4), queries.page(a.id(), any, DossierSort.BALANCE, true, 0, 10).stream()
                .map(DossierRow::number).toList(), "0 twice in id order (paid; cancelled without a fee), 600, 800");
        assertEquals(List.of(2, 1, 4, 3), queries.page(a.id(), any, DossierSort.ACCOMMODATION, false, 0, 10)
                .stream().map(DossierRow::number).toList(), "Gîte before Chalet when descending, ties by id");
        assertEquals(java.util.Optional.of(DossierSort.BALANCE), DossierSort.ofField("balance"));
        assertEquals(java.util.Optional.empty(), DossierSort.ofField("d.id; drop table dossier"),
                "only whitelisted columns sort");
        assertThrows(Exception.class, () -> queries.page(a.id(), any, DossierSort.NUMBER, true, 0, 100_000));

        List<Integer> exported = new ArrayList<>();
        queries.forEach(a.id(), any, DossierSort.NUMBER, false, row -> exported.add(row.number()));
        assertEquals(List.of(4, 3, 2, 1), exported);
    }

    @Test
    void exportsReadInChunksGiveTheListsRowsWhateverTheSortAndChunk() {
        Account a = accountWithFourDossiers();
        DossierCriteria any = DossierCriteria.any();
        // chunks of one row make every row a keyset boundary, ties (two 800 € balances, two per gîte) included
        for (DossierSort sort : DossierSort.values()) {
            for (boolean ascending : List.of(true, false)) {
                List<Integer> listed = queries.page(a.id(), any, sort, ascending, 0, 100).stream()
                        .map(DossierRow::number).toList();
                for (int chunk : List.of(1, 3)) {
                    List<Integer> exported = new ArrayList<>();
                    queries.forEach(a.id(), any, sort, ascending, chunk, row -> exported.add(row.number()));
                    assertEquals(listed, exported, sort + (ascending ? " ascending" : " descending")
                            + " in chunks of " + chunk);
                }
            }
        }
        List<Integer> unpaid = new ArrayList<>();
        queries.forEach(a.id(), criteria(null, null, null, null, null, null, BalanceFilter.UNPAID, null, null),
                DossierSort.BALANCE, false, 1, row -> unpaid.add(row.number()));
        assertEquals(List.of(4, 1), unpaid, "the filter holds in every chunk: 800 then 600 owed");

        // one movement per read, each after the key of the one before: the export job restarted after every row
        List<Integer> arrivals = new ArrayList<>();
        List<Serializable> lastKey = null;
        while (true) {
            List<Keyed<MovementRow>> chunk = queries.movementChunk(a.id(), Movement.ARRIVAL, MAY_FIRST,
                    MAY_FIRST.plusDays(30), lastKey, 1);
            if (chunk.isEmpty()) {
                break;
            }
            arrivals.add(chunk.get(0).row().number());
            lastKey = chunk.get(0).key();
        }
        assertEquals(queries.movements(a.id(), Movement.ARRIVAL, MAY_FIRST, MAY_FIRST.plusDays(30)).stream()
                .map(MovementRow::number).toList(), arrivals);
        assertEquals(List.of(1, 2, 4), arrivals, "Petit cancelled");
    }

    @Test
    void anotherOwnersDossiersNeverAppear() {
        Account a = accountWithFourDossiers();
        CreatedOwner b = fixtures.owner("other", "Pw-" + java.util.UUID.randomUUID());
        long bGite = fixtures.gite(b.accountId(), "Gîte de B", "500.00");
        Dossier bDossier = fixtures.book(b.accountId(), bGite, MAY_FIRST, "Claude", "Martin",
                "claude.martin@example.test", Origin.PHONE, null, false);

        assertEquals(List.of(1), numbers(b.accountId(), DossierCriteria.any()));
        assertEquals(List.of(1), numbers(a.id(), criteria(null, null, "martin", null, null, null, null, null, null)),
                "A finds only her own Martin");
        assertEquals(List.of(), numbers(a.id(), criteria(null, null, null, bGite, null, null, null, null, null)),
                "B's accommodation id finds nothing for A");
        assertEquals(4, queries.count(a.id(), DossierCriteria.any()));
        assertThrows(NotFoundException.class, () -> queries.view(a.id(), bDossier.id()));
        assertTrue(queries.movements(a.id(), Movement.ARRIVAL, MAY_FIRST, MAY_FIRST).stream()
                .noneMatch(m -> m.dossierId() == bDossier.id()));
    }

    @Test
    void arrivalsAndDeparturesLeaveCancelledStaysOut() {
        Account a = accountWithFourDossiers();
        List<MovementRow> arrivals = queries.movements(a.id(), Movement.ARRIVAL, MAY_FIRST, MAY_FIRST.plusDays(7));
        assertEquals(List.of(1, 2), arrivals.stream().map(MovementRow::number).toList());
        MovementRow martin = arrivals.get(0);
        assertEquals(MAY_FIRST, martin.day());
        assertEquals(7, martin.nights());
        assertEquals(2, martin.persons());
        assertEquals(0, new BigDecimal("600.00").compareTo(martin.owed()));
        assertEquals("+33 6 12 34 56 78", martin.guestPhone());
        // Durand leaves on 15 May; Petit would have left on the 22nd but cancelled
        assertEquals(List.of(2), queries.movements(a.id(), Movement.DEPARTURE, MAY_FIRST.plusDays(14),
                MAY_FIRST.plusDays(21)).stream().map(MovementRow::number).toList());
        assertEquals(List.of(4), queries.movements(a.id(), Movement.DEPARTURE, MAY_FIRST.plusDays(28),
                MAY_FIRST.plusDays(28)).stream().map(MovementRow::number).toList());
    }

    @Test
    void theDossierViewHoldsPricesPaymentsAndHistory() {
        Account a = accountWithFourDossiers();
        DossierView martin = queries.view(a.id(), a.dossierIds().get(0));
        assertEquals(1, martin.number());
        assertEquals(0, new BigDecimal("600.00").compareTo(martin.remaining()), "800.00 − 200.00 paid");
        assertEquals(0, new BigDecimal("560.00").compareTo(martin.balance()), "the balance: 800.00 − 240.00 deposit");
        assertEquals(1, martin.payments().size());
        assertEquals(PaymentKind.DEPOSIT, martin.payments().get(0).kind());
        assertEquals(0, martin.lines().stream().map(DossierView.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .compareTo(martin.total()), "the frozen lines add up to the total");
        assertEquals(List.of("CREATED_OPTION", "PAYMENT_DEPOSIT"), martin.history().stream()
                .map(DossierView.Event::action).filter(action -> !action.equals("CONFIRMED")).toList());
        DossierView petit = queries.view(a.id(), a.dossierIds().get(2));
        assertEquals(DossierStatus.CANCELLED, petit.status());
        assertEquals("guest changed plans", petit.cancelReason());
        assertEquals("ETE27", queries.view(a.id(), a.dossierIds().get(1)).promoCode());
    }

    /**
     * The dossier page's "send the guest's mail again": queued in the outbox with a line in the
     * history, for the owner's own dossier only, never without an address or once cancelled.
     */
    @Test
    void theGuestsMailIsQueuedAgainForTheOwnersOwnDossierOnly() {
        Account a = accountWithFourDossiers();
        CreatedOwner b = fixtures.owner("other", "Pw-" + java.util.UUID.randomUUID());
        long martin = a.dossierIds().get(0);
        assertEquals(List.of(), outbox.logOf(a.id(), martin), "a phone booking mails nobody unless asked");

        assertThrows(NotFoundException.class, () -> dossiers.resendGuestMail(b.accountId(), martin, "intruder"));
        assertEquals(List.of(), outbox.logOf(a.id(), martin), "nothing queued for another owner");

        dossiers.resendGuestMail(a.id(), martin, "owner");
        List<MailLogEntry> log = outbox.logOf(a.id(), martin);
        assertEquals(List.of("claude.martin@example.test"), log.stream().map(MailLogEntry::recipient).toList());
        assertTrue(queries.view(a.id(), martin).history().stream().anyMatch(e -> e.action().equals("GUEST_MAIL_RESENT")
                && e.actor().equals("owner") && e.detail().equals("claude.martin@example.test")));

        SejourException noAddress = assertThrows(SejourException.class,
                () -> dossiers.resendGuestMail(a.id(), a.dossierIds().get(3), "owner"));
        assertEquals("dossier.guestMail.noEmail", noAddress.messageKey(), "Bernard gave no address");
        long petit = a.dossierIds().get(2);
        int petitsMails = outbox.logOf(a.id(), petit).size(); // booked online: mailed at booking
        SejourException cancelled = assertThrows(SejourException.class,
                () -> dossiers.resendGuestMail(a.id(), petit, "owner"));
        assertEquals("dossier.cancelled", cancelled.messageKey(), "Petit cancelled");
        assertEquals(petitsMails, outbox.logOf(a.id(), petit).size(), "the refusal queued nothing");
        assertTrue(queries.view(a.id(), petit).history().stream()
                .noneMatch(e -> e.action().equals("GUEST_MAIL_RESENT")));
    }

    /**
     * The guest search over a large account goes through the trigram indexes of V19, not a read
     * of every dossier: the indexes' scan counters (PostgreSQL's own statistics) move when the
     * search screen's real statements run. A query whose expressions stopped matching the indexes
     * (say lower() dropped on one side) would leave them at rest and fail here.
     */
    @Test
    void theGuestSearchUsesTheTrigramIndexesOnALargeAccount() throws Exception {
        CreatedOwner owner = fixtures.owner("trigram", "Pw-" + java.util.UUID.randomUUID());
        long gite = fixtures.gite(owner.accountId(), "Gîte des Trigrammes", "700.00");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into dossier (account_id, number, status, accommodation_id, arrival, departure, "
                    + "guest_first_name, guest_last_name, guest_email, origin, total, deposit_amount, created_by) "
                    + "select " + owner.accountId() + ", n, 'CONFIRMED', " + gite + ", date '2030-01-05' + n, "
                    + "date '2030-01-06' + n, 'Claude', 'Trigram' || n, 'trigram' || n || '@example.test', "
                    + "'PHONE', 100, 30, 'test' from generate_series(1, " + LARGE_ACCOUNT + ") n");
            // what autovacuum does on a live database: statistics, and the rows just written merged from
            // the GIN indexes' pending lists into the indexes (the planner prices a long pending list as
            // a full read and would rather scan the table)
            s.execute("vacuum analyze dossier");
        }
        long before = trigramIndexScans();

        DossierCriteria byName = criteria(null, null, "trigram4242", null, null, null, null, null, null);
        assertEquals(List.of(4242), numbers(owner.accountId(), byName), "Trigram4242 alone, not Trigram42420");
        DossierCriteria byFirstNameFirst = criteria(null, null, "claude trigram1234", null, null, null, null, null,
                null);
        assertEquals(List.of(1234, 12340, 12341, 12342, 12343, 12344, 12345, 12346, 12347, 12348, 12349),
                numbers(owner.accountId(), byFirstNameFirst));

        // a backend publishes its statistics some seconds after going idle (10 s at most)
        long deadline = System.nanoTime() + 15_000_000_000L;
        long after = trigramIndexScans();
        while (after == before && System.nanoTime() < deadline) {
            Thread.sleep(250);
            after = trigramIndexScans();
        }
        assertTrue(after > before, "the search scanned the trigram indexes (" + before + " -> " + after + ")");
    }

    static final int LARGE_ACCOUNT = 20_000;

    private long trigramIndexScans() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select coalesce(sum(idx_scan), 0) from pg_stat_user_indexes "
                     + "where indexrelname in ('dossier_guest_last_first_trgm_ix', 'dossier_guest_first_last_trgm_ix', "
                     + "'dossier_guest_email_trgm_ix')")) {
            r.next();
            return r.getLong(1);
        }
    }
}
