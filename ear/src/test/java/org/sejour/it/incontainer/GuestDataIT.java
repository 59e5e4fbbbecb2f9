package org.sejour.it.incontainer;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.CreatedOwner;
import org.sejour.application.document.ContractAcceptanceService;
import org.sejour.application.document.ContractService;
import org.sejour.application.document.InvoiceService;
import org.sejour.application.dossier.DossierCriteria;
import org.sejour.application.dossier.DossierExports;
import org.sejour.application.dossier.DossierSort;
import org.sejour.application.dossier.ExportLabels;
import org.sejour.application.job.ExportJobs;
import org.sejour.application.job.JobConsole;
import org.sejour.application.job.JobExecutionSummary;
import org.sejour.application.mail.MailLogEntry;
import org.sejour.application.mail.MailOutbox;
import org.sejour.application.prearrival.PreArrivalService;
import org.sejour.application.privacy.GuestDataService;
import org.sejour.application.privacy.GuestExport;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.prearrival.PreArrivalForm;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.it.PdfText;
import org.sejour.it.fixtures.DossierFixtures;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sejour.it.fixtures.DossierFixtures.MAY_FIRST;

/**
 * A guest's data on Payara and PostgreSQL (docs/privacy.md): the export holds exactly one guest
 * of one owner; after the erasure no row of the whole database (every table read back as text),
 * no mail of the outbox, no export and no PDF made afterwards holds the guest's name or e-mail,
 * while the receipts say the same amounts; the retention job anonymises an old guest once, keeps
 * a recent one and one coming back, and a restarted run does not do a guest twice.
 */
@ExtendWith(ArquillianExtension.class)
public class GuestDataIT {

    @Inject
    DossierFixtures fixtures;
    @EJB
    GuestDataService guestData;
    @EJB
    InvoiceService invoices;
    @EJB
    ContractService contracts;
    @EJB
    ContractAcceptanceService acceptances;
    @EJB
    PreArrivalService preArrivals;
    @EJB
    MailOutbox outbox;
    @EJB
    DossierExports exports;
    @EJB
    ExportJobs exportJobs;
    @EJB
    JobConsole jobs;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    /** A name and an e-mail no other test writes: found in the database only where this test put them. */
    record Person(String firstName, String lastName, String email) {
        static Person unique(String firstName, String lastName) {
            String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            String letters = tag.replaceAll("[0-9]", "").toLowerCase(Locale.ROOT);
            return new Person(firstName, lastName + "-" + letters + "x", "z." + tag + "@example.test");
        }

        String fullName() {
            return firstName + " " + lastName;
        }
    }

    record Owner(long accountId, long gite) {
    }

    private Owner owner(String prefix) {
        CreatedOwner created = fixtures.owner(prefix, "Pw-" + UUID.randomUUID());
        return new Owner(created.accountId(), fixtures.gite(created.accountId(), "Gîte les Lauriers", "500.00"));
    }

    private Dossier book(Owner owner, LocalDate arrival, Person guest, String email) {
        return fixtures.book(owner.accountId(), owner.gite(), arrival, guest.firstName(), guest.lastName(), email,
                Origin.PHONE, null, true);
    }

    @Test
    void theExportHoldsExactlyOneGuestOfOneOwner() throws Exception {
        Owner owner = owner("gdpr-export");
        Owner other = owner("gdpr-export-other");
        Person guest = Person.unique("Zéphyrine", "Quillebœuf");
        // a namesake with another e-mail, and the same e-mail at another owner's
        Person namesake = new Person("Zoé", guest.lastName(), "namesake-" + guest.email());
        Dossier first = book(owner, MAY_FIRST, guest, guest.email());
        Dossier second = book(owner, MAY_FIRST.plusWeeks(1), guest, guest.email().toUpperCase(Locale.ROOT));
        Dossier namesakes = book(owner, MAY_FIRST.plusWeeks(2), namesake, namesake.email());
        Dossier withoutEmail = book(owner, MAY_FIRST.plusWeeks(3), guest, null);
        Dossier othersGuest = book(other, MAY_FIRST, Person.unique("Albertine", "Othergast"), guest.email());

        GuestExport export = guestData.export(owner.accountId(), second.id());
        assertEquals(List.of(first.number(), second.number()), export.dossierNumbers(),
                "the same e-mail whatever its case, and nothing else");
        JsonObject json = Json.createReader(new ByteArrayInputStream(export.json())).readObject();
        assertEquals("email", json.getString("matchedBy"));
        JsonArray exportedDossiers = json.getJsonObject("data").getJsonArray("dossier");
        assertEquals(List.of(first.id(), second.id()), exportedDossiers.stream()
                .map(d -> d.asJsonObject().getJsonNumber("id").longValue()).toList());
        assertEquals(guest.lastName(), exportedDossiers.getJsonObject(0).getString("guest_last_name"));
        assertEquals("+33 6 12 34 56 78", exportedDossiers.getJsonObject(0).getString("guest_phone"), "every field held");
        JsonArray lines = json.getJsonObject("data").getJsonArray("dossier_line");
        assertFalse(lines.isEmpty());
        assertTrue(lines.stream().allMatch(l -> List.of(first.id(), second.id())
                .contains(l.asJsonObject().getJsonNumber("dossier_id").longValue())), "the guest's price lines only");
        String jsonText = new String(export.json(), StandardCharsets.UTF_8);
        assertFalse(jsonText.contains("Zoé") || jsonText.contains(namesake.email()), "not the namesake: " + jsonText);
        assertFalse(jsonText.contains("Othergast"), "not the other owner's guest");
        for (Dossier notHis : List.of(namesakes, withoutEmail, othersGuest)) {
            assertFalse(jsonText.contains("\"guest_token\": \"" + notHis.guestToken() + "\""), "dossier " + notHis.id());
        }
        String pdf = PdfText.of(export.pdf());
        assertTrue(pdf.contains(guest.fullName()) && pdf.contains(guest.email()), pdf);
        assertTrue(pdf.contains("dossiers n° " + first.number() + ", " + second.number()), pdf);
        assertFalse(pdf.contains("Zoé") || pdf.contains("Othergast"), pdf);

        // a dossier without e-mail is its guest alone
        GuestExport alone = guestData.export(owner.accountId(), withoutEmail.id());
        assertEquals(List.of(withoutEmail.number()), alone.dossierNumbers());
        assertEquals("dossier", Json.createReader(new ByteArrayInputStream(alone.json())).readObject().getString("matchedBy"));

        // another owner's dossier id: not found, and nothing erased
        assertThrows(NotFoundException.class, () -> guestData.export(other.accountId(), first.id()));
        assertThrows(NotFoundException.class, () -> guestData.erase(other.accountId(), first.id(), LocalDate.now(), "other"));
        assertEquals(guest.lastName(), text("select guest_last_name from dossier where id = ?", first.id()));
    }

    @Test
    void afterTheErasureNothingHoldsTheGuestAndTheReceiptsSayTheSame() throws Exception {
        Owner owner = owner("gdpr-erase");
        Person guest = Person.unique("Zéphyrine", "Quillebœuf");
        Person kept = Person.unique("Anatole", "Restebien");
        Dossier first = book(owner, MAY_FIRST, guest, guest.email());
        Dossier second = book(owner, MAY_FIRST.plusWeeks(1), guest, guest.email());
        Dossier keptDossier = book(owner, MAY_FIRST.plusWeeks(2), kept, kept.email());
        fixtures.payInFull(owner.accountId(), first, "owner");
        fixtures.payInFull(owner.accountId(), keptDossier, "owner");
        // the guest's pre-arrival form with the police fields, and the contract accepted online; what
        // is not the name or the e-mail is made unique too, so that the dump can look for it
        String tag = guest.lastName().substring(guest.lastName().indexOf('-') + 1);
        String home = "Calle " + tag + " 5, 41001 Sevilla";
        String plate = "ZQ-" + tag;
        String address = "2001:db8::" + Integer.toHexString(home.hashCode() & 0xffff);
        List<PreArrivalForm.Person> persons = new ArrayList<>();
        persons.add(new PreArrivalForm.Person(guest.firstName(), guest.lastName(), 42, "ES", LocalDate.of(1985, 3, 14),
                "Sevilla", home, "+34 600 000 000", guest.email()));
        persons.add(null);
        preArrivals.submit(first.guestToken(), new PreArrivalForm.Answers(LocalTime.of(17, 0), persons, plate,
                "Nous arriverons tard"));
        acceptances.accept(first.guestToken(), 1, address, "Mozilla/5.0 (test)");
        // a dossier search export made before, kept for a day
        long before = exports.request(owner.accountId(), DossierCriteria.any(), DossierSort.NUMBER, true, labels(),
                Instant.now());
        runExport(before);
        assertTrue(xlsxText(exports.file(owner.accountId(), before, Instant.now()).content())
                .contains(guest.lastName().toLowerCase(Locale.ROOT)), "the export made before names the guest");

        List<String> receiptsBefore = receipts(owner.accountId());
        assertEquals(4, receiptsBefore.size(), receiptsBefore::toString);
        List<String> receiptAmountsBefore = receiptPdfAmounts(owner.accountId(), first.id());
        assertEquals(Set.of(guest.lastName(), guest.email()), inDatabase(guest.lastName(), guest.email()),
                "the dump finds the guest before");
        String tokenBefore = first.guestToken();

        String pseudonym = guestData.erase(owner.accountId(), second.id(), LocalDate.now(), "owner");
        assertEquals("Client effacé n° " + second.number(), pseudonym);

        assertEquals(Set.of(kept.lastName(), kept.email()),
                inDatabase(guest.lastName(), guest.email(), home, plate, address, kept.lastName(), kept.email()),
                "nothing of the erased guest is still in the database, and the owner's other guest is untouched");
        assertEquals(receiptsBefore, receipts(owner.accountId()), "numbers, dates and amounts as issued");
        assertEquals(receiptAmountsBefore, receiptPdfAmounts(owner.accountId(), first.id()));

        // what is made afterwards: receipts, contract, the guest's export, a new dossier export
        for (InvoiceService.ReceiptSummary receipt : invoices.receiptsOf(owner.accountId(), first.id())) {
            String receiptText = PdfText.of(invoices.pdfOf(owner.accountId(), receipt.id()).pdf());
            assertTrue(receiptText.contains(pseudonym), receiptText);
            assertNoTrace(guest, receiptText);
        }
        assertNoTrace(guest, PdfText.of(contracts.contractOf(owner.accountId(), first.id())));
        GuestExport after = guestData.export(owner.accountId(), first.id());
        assertNoTrace(guest, new String(after.json(), StandardCharsets.UTF_8));
        assertNoTrace(guest, PdfText.of(after.pdf()));
        assertEquals(List.of(first.number()), after.dossierNumbers(), "without an e-mail, the dossier alone");
        assertThrows(NotFoundException.class, () -> exports.file(owner.accountId(), before, Instant.now()),
                "the export made before is gone");
        long again = exports.request(owner.accountId(), DossierCriteria.any(), DossierSort.NUMBER, true, labels(),
                Instant.now());
        runExport(again);
        String sheet = xlsxText(exports.file(owner.accountId(), again, Instant.now()).content());
        assertTrue(sheet.contains(kept.lastName().toLowerCase(Locale.ROOT)) && sheet.contains("effacé n° " + second.number()),
                sheet);
        assertNoTrace(guest, sheet);
        for (Dossier d : List.of(first, second)) {
            for (MailLogEntry mail : outbox.logOf(owner.accountId(), d.id())) {
                assertNoTrace(guest, mail.recipient());
                assertNotEquals("PENDING", String.valueOf(mail.status()), "no mail leaves for an erased guest");
            }
        }
        assertEquals(0, count("select count(*) from dossier where guest_token = ?", tokenBefore), "the guest's link is dead");
        assertEquals(0, count("select count(*) from contract_offer where dossier_id in (?, ?)", first.id(), second.id()));
        assertEquals(LocalDate.now().toString(), text("select guest_erased_on::text from dossier where id = ?", first.id()));

        // a second erasure is refused and changes nothing
        String row = text("select xmin::text from dossier where id = ?", first.id());
        SejourException refused = assertThrows(SejourException.class,
                () -> guestData.erase(owner.accountId(), first.id(), LocalDate.now(), "owner"));
        assertEquals("privacy.alreadyErased", refused.messageKey());
        assertEquals(row, text("select xmin::text from dossier where id = ?", first.id()));
    }

    @Test
    void theRetentionJobAnonymisesOldGuestsOnceAndKeepsRecentAndReturningOnes() throws Exception {
        Owner owner = owner("gdpr-retention");
        LocalDate summer2033 = LocalDate.of(2033, 7, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        LocalDate summer2036 = LocalDate.of(2036, 7, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        fixtures.weeklyRate(owner.accountId(), owner.gite(), "500.00", summer2033, summer2033.plusWeeks(2));
        fixtures.weeklyRate(owner.accountId(), owner.gite(), "500.00", summer2036, summer2036.plusWeeks(2));
        Person old1 = Person.unique("Octave", "Ancien");
        Person old2 = Person.unique("Ondine", "Ancienne");
        Person returning = Person.unique("Romain", "Revenant");
        Person recent = Person.unique("Rose", "Recente");
        Dossier oldOne = book(owner, MAY_FIRST, old1, old1.email());
        Dossier oldTwo = book(owner, MAY_FIRST.plusWeeks(1), old2, old2.email());
        Dossier returningOld = book(owner, MAY_FIRST.plusWeeks(2), returning, returning.email());
        book(owner, summer2036, returning, returning.email());
        Dossier recentOne = book(owner, summer2033, recent, recent.email());
        assertThrows(InvalidInputException.class, () -> guestData.changeRetention(owner.accountId(), 1));
        assertTrue(guestData.retentionYears(owner.accountId()).isEmpty(), "the refused value changed nothing");
        guestData.changeRetention(owner.accountId(), 2);
        LocalDate today = LocalDate.of(2035, 6, 1);

        // the second guest's erasure fails once: the first is committed with its checkpoint
        poison(oldTwo.id());
        long failed;
        try {
            failed = start(owner, today);
            assertEquals("FAILED", finished(failed).status());
        } finally {
            cure();
        }
        assertTrue(erased(oldOne.id()), "the first chunk was committed");
        assertFalse(erased(oldTwo.id()));
        String firstRow = text("select xmin::text from dossier where id = ?", oldOne.id());

        JobExecutionSummary restarted = finished(jobs.restart(failed));
        assertEquals("COMPLETED", restarted.status(), restarted::toString);
        assertEquals(1, restarted.readCount(), "the restart reads on from the checkpoint: " + restarted);
        assertTrue(erased(oldTwo.id()));
        assertEquals(firstRow, text("select xmin::text from dossier where id = ?", oldOne.id()),
                "the first guest was not anonymised twice");
        assertFalse(erased(returningOld.id()), "a stay to come keeps the guest");
        assertFalse(erased(recentOne.id()), "a stay within the retention keeps the guest");
        assertEquals(0, count("select count(*) from dossier where account_id = ? and lower(guest_email) in (?, ?)",
                owner.accountId(), old1.email(), old2.email()));
        assertEquals(2, count("select count(*) from dossier where account_id = ? and lower(guest_email) = ?",
                owner.accountId(), returning.email()));

        JobExecutionSummary second = finished(start(owner, today));
        assertEquals("COMPLETED", second.status());
        assertEquals(0, second.readCount(), "nothing left to do: " + second);
        assertEquals(firstRow, text("select xmin::text from dossier where id = ?", oldOne.id()));
    }

    private long start(Owner owner, LocalDate today) {
        return jobs.start("guest-retention", Map.of("accountId", Long.toString(owner.accountId()),
                "today", today.toString(), "chunkSize", "1"));
    }

    private JobExecutionSummary finished(long executionId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        JobExecutionSummary execution = jobs.execution(executionId);
        while (!execution.isFinished()) {
            assertTrue(System.nanoTime() < deadline, "guest-retention did not end within 120 s");
            TimeUnit.MILLISECONDS.sleep(200);
            execution = jobs.execution(executionId);
        }
        return execution;
    }

    /** Makes the anonymisation of one dossier fail, as a lost connection would. */
    private void poison(long dossierId) throws SQLException {
        execute("create or replace function guest_data_it_poison() returns trigger language plpgsql as $$ begin "
                + "if new.id = " + dossierId + " and new.guest_erased_on is not null then "
                + "raise exception 'poisoned for the test'; end if; return new; end $$");
        execute("create trigger guest_data_it_poison before update on dossier for each row "
                + "execute function guest_data_it_poison()");
    }

    private void cure() throws SQLException {
        execute("drop trigger if exists guest_data_it_poison on dossier");
        execute("drop function if exists guest_data_it_poison()");
    }

    private boolean erased(long dossierId) {
        return text("select guest_erased_on::text from dossier where id = ?", dossierId) != null;
    }

    private static void assertNoTrace(Person guest, String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains(guest.lastName().toLowerCase(Locale.ROOT)), "the name in: " + text);
        assertFalse(lower.contains(guest.email().toLowerCase(Locale.ROOT)), "the e-mail in: " + text);
    }

    /** Every receipt and credit note of the account: number, dates, amounts as the database keeps them. */
    private List<String> receipts(long accountId) {
        return texts("select number || ' ' || issued_on || ' ' || paid_on || ' ' || payment_amount || ' ' || total || ' ' "
                + "|| paid_to_date || ' ' || balance || ' ' || (select string_agg(label || '=' || amount, ';' order by position) "
                + "from invoice_line l where l.invoice_id = i.id) from invoice i where account_id = ? order by number", accountId);
    }

    /** The amounts lines of the dossier's receipt PDFs. */
    private List<String> receiptPdfAmounts(long accountId, long dossierId) throws Exception {
        List<String> amounts = new ArrayList<>();
        for (InvoiceService.ReceiptSummary receipt : invoices.receiptsOf(accountId, dossierId)) {
            for (String line : PdfText.of(invoices.pdfOf(accountId, receipt.id()).pdf()).split("\n")) {
                if (line.contains("€")) {
                    amounts.add(line.strip());
                }
            }
        }
        return amounts;
    }

    /**
     * Which of {@code traces} the database holds, case-insensitively: every row of every table of
     * every schema but the system's, as PostgreSQL prints it (the data a plain pg_dump would hold;
     * pg_dump itself is not among the embedded server's binaries, and Debian's is too old for it).
     * Read a few rows at a time: after the whole suite the database holds every test's photos and
     * PDFs, more than the server's heap as one text.
     */
    private Set<String> inDatabase(String... traces) throws SQLException {
        Set<String> found = new HashSet<>();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // the driver streams a result only inside a transaction
            try (Statement s = c.createStatement()) {
                s.setFetchSize(50);
                List<String> tables = new ArrayList<>();
                try (ResultSet r = s.executeQuery("select format('%I.%I', table_schema, table_name) from information_schema.tables "
                        + "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')")) {
                    while (r.next()) {
                        tables.add(r.getString(1));
                    }
                }
                assertTrue(tables.size() > 40, tables::toString);
                for (String table : tables) {
                    try (ResultSet r = s.executeQuery("select t::text from " + table + " t")) {
                        while (r.next()) {
                            String row = r.getString(1).toLowerCase(Locale.ROOT);
                            for (String trace : traces) {
                                if (row.contains(trace.toLowerCase(Locale.ROOT))) {
                                    found.add(trace);
                                }
                            }
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        }
        return found;
    }

    private void runExport(long exportId) throws InterruptedException {
        JobExecutionSummary done = finished(exportJobs.startDossierExport(exportId));
        assertEquals("COMPLETED", done.status(), done::toString);
    }

    private static ExportLabels labels() {
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < DossierExports.columnCount(); i++) {
            headers.add("H" + i);
        }
        Map<String, String> statuses = new HashMap<>();
        Arrays.stream(DossierStatus.values()).forEach(s -> statuses.put(s.name(), s.name()));
        Map<String, String> origins = new HashMap<>();
        Arrays.stream(Origin.values()).forEach(o -> origins.put(o.name(), o.name()));
        return new ExportLabels("Dossiers", headers, statuses, origins);
    }

    private static String xlsxText(byte[] content) throws Exception {
        StringBuilder text = new StringBuilder();
        DataFormatter formatter = new DataFormatter(Locale.FRANCE);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            for (Row row : workbook.getSheetAt(0)) {
                row.forEach(cell -> text.append(formatter.formatCellValue(cell)).append('\t'));
                text.append('\n');
            }
        }
        // the list writes names as "DUPONT Jeanne"
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private String text(String sql, Object... args) {
        List<String> values = texts(sql, args);
        return values.isEmpty() ? null : values.get(0);
    }

    private List<String> texts(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object... args) {
        return Long.parseLong(text(sql, args));
    }

    /**
     * A change of the dossier table's definition (the poison's trigger): it waits for every
     * transaction that touched the table, and makes every later one wait behind it, so it waits
     * a bounded time and then says which sessions held it up, instead of stopping the suite.
     */
    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set lock_timeout = '30s'");
            try {
                s.execute(sql);
            } catch (SQLException e) {
                if (!"55P03".equals(e.getSQLState())) {
                    throw e;
                }
                throw new AssertionError(sql + " waited 30 s for the dossier table, held by: " + texts(
                        "select a.pid || ' ' || a.state || ' since ' || coalesce(a.xact_start::text, '-') || ': '"
                                + " || left(a.query, 200) from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                                + " where l.relation = 'dossier'::regclass and l.granted and a.pid <> pg_backend_pid()"), e);
            } finally {
                s.execute("reset lock_timeout");
            }
        }
    }
}
