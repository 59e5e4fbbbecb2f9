package org.sejour.it.incontainer;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.AccommodationService;
import org.sejour.application.CreatedOwner;
import org.sejour.application.booking.BookingService;
import org.sejour.application.booking.ChangeCommand;
import org.sejour.application.booking.DossierService;
import org.sejour.application.booking.StayRequest;
import org.sejour.application.catalog.TouristTaxService;
import org.sejour.application.payment.RefundService;
import org.sejour.application.touristtax.TaxRegister;
import org.sejour.application.touristtax.TaxRegisterFiles;
import org.sejour.application.touristtax.TaxRegisterService;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Classification;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.dossier.Repricing;
import org.sejour.domain.model.pricing.TaxExemption;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.StayPeriod;
import org.sejour.domain.model.shared.TranslatedText;
import org.sejour.it.fixtures.DossierFixtures;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sejour.it.fixtures.DossierFixtures.MAY_FIRST;

/**
 * The tourist-tax register on Payara and PostgreSQL, from bookings made through the real engine
 * and paid through the real payment desk (which issues the receipts): a minor and a seasonal
 * worker counted as exempt; the register's amounts equal, to the cent, the tax lines of the
 * receipts that settle the period's dossiers (read back from the invoice tables, not from the
 * dossiers); cancelled, unpaid and out-of-period stays and other communes left out; another
 * owner's stays and communes out of reach; the Excel file read with POI and the CSV parsed.
 */
@ExtendWith(ArquillianExtension.class)
public class TaxRegisterIT {

    private static final LocalDate MAY_31 = LocalDate.of(2027, 5, 31);
    private static final LocalDate JUNE_30 = LocalDate.of(2027, 6, 30);

    @Inject
    DossierFixtures fixtures;
    @EJB
    AccommodationService accommodations;
    @EJB
    BookingService bookings;
    @EJB
    DossierService dossiers;
    @EJB
    RefundService refunds;
    @EJB
    TouristTaxService touristTaxes;
    @EJB
    TaxRegisterService registers;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    /** An owner with two gîtes in Gap and one in Embrun, each taxed 0.90 € per adult per night, +10 %. */
    record Owner(long accountId, long lauriers, long chalet, long embrun) {
    }

    private Owner owner() {
        CreatedOwner created = fixtures.owner("tax", "secret-password-1");
        long id = created.accountId();
        Owner owner = new Owner(id, fixtures.gite(id, "Gîte les Lauriers", "500.00"),
                fixtures.gite(id, "Chalet des Cimes", "700.00"), gite(id, "Studio du Lac", "Embrun"));
        for (long accommodation : List.of(owner.lauriers(), owner.chalet(), owner.embrun())) {
            touristTaxes.chargePerAdultNight(id, accommodation, new BigDecimal("0.90"), new BigDecimal("10"));
        }
        return owner;
    }

    private long gite(long accountId, String name, String city) {
        long id = accommodations.create(accountId, new AccommodationDetails(name, false, AccommodationType.STUDIO,
                Classification.TWO_STARS, null, "2 quai", "05200", city, null, null, 1, 6, null, null, null, null,
                Visibility.BOOKABLE, TranslatedText.empty(), Set.of())).id();
        fixtures.weeklyRate(accountId, id, "400.00", MAY_FIRST, JUNE_30);
        return id;
    }

    private Dossier book(long accountId, long accommodationId, LocalDate arrival, Map<String, Integer> party,
                         Map<TaxExemption, Integer> exempt) {
        return fixtures.book(accountId, accommodationId, arrival, party, exempt, "owner");
    }

    private Dossier couple(long accountId, long accommodationId, LocalDate arrival) {
        return book(accountId, accommodationId, arrival, Map.of("Adulte", 2), Map.of());
    }

    private Dossier payInFull(long accountId, Dossier dossier) {
        return fixtures.payInFull(accountId, dossier, "test");
    }

    @Test
    void countsMinorsAndSeasonalWorkersAsExemptAndMatchesTheReceiptsToTheCent() throws Exception {
        Owner owner = owner();
        long a = owner.accountId();
        // 3 adults (one a seasonal worker) and a child: 2 taxed × 7 nights × 0.90 = 12.60, + 1.26
        Dossier family = payInFull(a, book(a, owner.lauriers(), MAY_FIRST, Map.of("Adulte", 3, "Enfant", 1),
                Map.of(TaxExemption.SEASONAL_WORKER, 1)));
        // a couple, paid at once: 12.60 + 1.26
        Dossier couple = couple(a, owner.chalet(), MAY_FIRST.plusWeeks(1));
        couple = dossiers.recordPayment(a, couple.id(), PaymentKind.BALANCE, LocalDate.of(2027, 4, 1),
                couple.total(), "card", null, null, "test");
        // one adult housed in emergency, alone: in the register, with nothing to pay
        Dossier housed = payInFull(a, book(a, owner.lauriers(), MAY_FIRST.plusWeeks(3), Map.of("Adulte", 1),
                Map.of(TaxExemption.EMERGENCY_HOUSING, 1)));
        // June: two adults and a baby, one of them paying a rent below the council's threshold
        Dossier june = payInFull(a, book(a, owner.chalet(), LocalDate.of(2027, 6, 5), Map.of("Adulte", 2, "Bébé", 1),
                Map.of(TaxExemption.LOW_RENT, 1)));
        // left out: deposit only (tax comes with the balance), cancelled and refunded, leaving in July,
        // and a stay in another commune
        Dossier unpaid = couple(a, owner.lauriers(), LocalDate.of(2027, 6, 12));
        unpaid = dossiers.recordPayment(a, unpaid.id(), PaymentKind.DEPOSIT, LocalDate.of(2027, 4, 1),
                unpaid.depositAmount(), "transfer", null, null, "test");
        Dossier cancelled = payInFull(a, couple(a, owner.chalet(), MAY_FIRST.plusWeeks(2)));
        dossiers.cancel(a, cancelled.id(), "test", "changed their mind");
        refunds.refund(a, cancelled.id(), cancelled.total(), "cancelled", "test");
        payInFull(a, couple(a, owner.chalet(), LocalDate.of(2027, 6, 26)));
        payInFull(a, couple(a, owner.embrun(), MAY_FIRST));

        TaxRegister register = registers.register(a, MAY_FIRST, JUNE_30, "gap");
        assertEquals("Gap", register.commune());
        assertEquals(List.of(family.number(), couple.number(), housed.number(), june.number()),
                register.rows().stream().map(TaxRegister.Row::dossierNumber).toList());
        assertEquals(List.of(unpaid.number()), register.pendingDossiers());

        TaxRegister.Row first = register.rows().get(0);
        assertEquals("Gîte les Lauriers", first.accommodation());
        assertEquals(MAY_FIRST, first.arrival());
        assertEquals(MAY_FIRST.plusDays(7), first.departure());
        TaxRegister.Figures f = first.figures();
        assertEquals(List.of(7, 4, 1, 1, 0, 0, 2, 14), List.of(f.nights(), f.persons(), f.minors(),
                f.seasonalWorkers(), f.emergencyHousing(), f.lowRent(), f.taxablePersons(), f.taxableNights()));
        assertEquals(Money.of("0.90"), first.rate());
        assertEquals(Money.of("12.60"), f.tax());
        assertEquals(Money.of("1.26"), f.surcharge());
        TaxRegister.Figures alone = register.rows().get(2).figures();
        assertEquals(List.of(1, 1, 0, 0), List.of(alone.persons(), alone.emergencyHousing(), alone.taxablePersons(),
                alone.taxableNights()));
        assertNull(register.rows().get(2).rate(), "nobody taxed, no rate");
        assertEquals(Money.ZERO, alone.total());
        TaxRegister.Figures lowRent = register.rows().get(3).figures();
        assertEquals(List.of(3, 1, 1, 1), List.of(lowRent.persons(), lowRent.minors(), lowRent.lowRent(),
                lowRent.taxablePersons()));
        assertEquals(Money.of("6.93"), lowRent.total());

        assertEquals(Money.of("31.50"), register.total().tax());
        assertEquals(Money.of("3.15"), register.total().surcharge());
        assertEquals(Money.of("34.65"), register.total().total());
        assertEquals(Money.of("27.72"), register.byMonth().get(YearMonth.of(2027, 5)).total());
        assertEquals(Money.of("6.93"), register.byMonth().get(YearMonth.of(2027, 6)).total());
        assertEquals(Money.of("20.79"), register.byAccommodation().get("Chalet des Cimes").total());
        assertEquals(Money.of("13.86"), register.byAccommodation().get("Gîte les Lauriers").total());
        assertEquals(1, register.total().seasonalWorkers());
        assertEquals(2, register.total().minors());

        // the receipts' side: per dossier of the period in the commune, the receipt that settles it
        Map<String, Money> fromReceipts = taxOnReceipts(a, MAY_FIRST, JUNE_30, Set.of("Gîte les Lauriers",
                "Chalet des Cimes"));
        assertEquals(register.total().tax(), fromReceipts.get("tax"));
        assertEquals(register.total().surcharge(), fromReceipts.get("surcharge"));

        // May alone: the June stays leave after it
        TaxRegister may = registers.register(a, MAY_FIRST, MAY_31, "Gap");
        assertEquals(3, may.rows().size());
        assertEquals(Money.of("27.72"), may.total().total());
        Map<String, Money> mayReceipts = taxOnReceipts(a, MAY_FIRST, MAY_31, Set.of("Gîte les Lauriers",
                "Chalet des Cimes"));
        assertEquals(mayReceipts.get("tax").plus(mayReceipts.get("surcharge")), may.total().total());
        // Embrun has its own register
        assertEquals(1, registers.register(a, MAY_FIRST, JUNE_30, "Embrun").rows().size());
        assertEquals(List.of("Embrun", "Gap"), registers.communes(a));

        // the files: the Excel read with POI, the CSV parsed
        TaxRegisterFiles.Labels labels = labels();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(TaxRegisterFiles.excel(register, labels)))) {
            Sheet sheet = workbook.getSheet("Taxe de séjour");
            assertEquals("Nuitées taxées", sheet.getRow(0).getCell(11).getStringCellValue());
            Row row = sheet.getRow(1);
            assertEquals(String.valueOf(family.number()), row.getCell(0).getStringCellValue());
            assertEquals("Gîte les Lauriers", row.getCell(1).getStringCellValue());
            assertTrue(DateUtil.isCellDateFormatted(row.getCell(2)));
            assertEquals(MAY_FIRST, row.getCell(2).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(7, (int) row.getCell(4).getNumericCellValue());
            assertEquals(1, (int) row.getCell(6).getNumericCellValue(), "the child");
            assertEquals(1, (int) row.getCell(7).getNumericCellValue(), "the seasonal worker");
            assertEquals(14, (int) row.getCell(11).getNumericCellValue());
            assertEquals(new BigDecimal("13.86"), money(row.getCell(15)));
            // rows: 4 stays, 2 months, 2 accommodations, the period
            assertEquals(1 + 4 + 2 + 2 + 1, sheet.getPhysicalNumberOfRows());
            Row total = sheet.getRow(9);
            assertEquals("Total de la période", total.getCell(0).getStringCellValue());
            assertEquals(new BigDecimal("34.65"), money(total.getCell(15)));
            assertEquals("Total mai 2027", sheet.getRow(5).getCell(0).getStringCellValue());
            assertEquals(new BigDecimal("27.72"), money(sheet.getRow(5).getCell(15)));
            BigDecimal stays = BigDecimal.ZERO;
            for (int i = 1; i <= 4; i++) {
                stays = stays.add(money(sheet.getRow(i).getCell(15)));
            }
            assertEquals(new BigDecimal("34.65"), stays, "the stays add up to the period's total");
        }
        byte[] csv = TaxRegisterFiles.csv(register, labels);
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3), "UTF-8 BOM");
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        List<String[]> lines = Arrays.stream(text.split("\r\n")).map(l -> l.split(";", -1)).toList();
        assertEquals(10, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.length == 16), "every line has the sixteen fields");
        assertEquals("Dossier", lines.get(0)[0]);
        assertEquals(List.of(String.valueOf(family.number()), "Gîte les Lauriers", "01/05/2027", "08/05/2027", "7", "4",
                "1", "1", "0", "0", "2", "14", "0,90", "12,60", "1,26", "13,86"), List.of(lines.get(1)));
        assertEquals("Total de la période", lines.get(9)[0]);
        assertEquals("34,65", lines.get(9)[15]);
    }

    @Test
    void anotherOwnerSeesNothingOfYoursAndBadInputProducesNothing() {
        Owner owner = owner();
        payInFull(owner.accountId(), couple(owner.accountId(), owner.lauriers(), MAY_FIRST));
        // another owner in the same commune, and one whose only commune is elsewhere
        CreatedOwner other = fixtures.owner("tax-other", "secret-password-1");
        long otherGite = fixtures.gite(other.accountId(), "Gîte voisin", "450.00");
        touristTaxes.chargePerAdultNight(other.accountId(), otherGite, new BigDecimal("0.80"), BigDecimal.ZERO);
        CreatedOwner elsewhere = fixtures.owner("tax-elsewhere", "secret-password-1");

        assertEquals(1, registers.register(owner.accountId(), MAY_FIRST, JUNE_30, "Gap").rows().size());
        TaxRegister others = registers.register(other.accountId(), MAY_FIRST, JUNE_30, "Gap");
        assertTrue(others.rows().isEmpty(), "the same commune shows only the owner's own stays");
        assertEquals(Money.ZERO, others.total().total());
        assertEquals(List.of(), registers.communes(elsewhere.accountId()));
        assertField("commune", "taxRegister.commune.unknown",
                () -> registers.register(elsewhere.accountId(), MAY_FIRST, JUNE_30, "Gap"));
        assertField("commune", "taxRegister.commune.unknown",
                () -> registers.register(other.accountId(), MAY_FIRST, JUNE_30, "Embrun"));
        assertField("commune", "taxRegister.commune.unknown",
                () -> registers.register(owner.accountId(), MAY_FIRST, JUNE_30, null));
        assertField("to", "taxRegister.period.reversed",
                () -> registers.register(owner.accountId(), JUNE_30, MAY_FIRST, "Gap"));
        assertField("to", "taxRegister.period.tooLong",
                () -> registers.register(owner.accountId(), MAY_FIRST, MAY_FIRST.plusYears(3), "Gap"));
        assertEquals(1, registers.register(owner.accountId(), MAY_FIRST, MAY_FIRST.plusYears(3).minusDays(1), "Gap")
                .rows().size(), "three years less a day is allowed");
        assertField("from", "taxRegister.from.required",
                () -> registers.register(owner.accountId(), null, JUNE_30, "Gap"));
    }

    @Test
    void aChangeMovesTheExemptionsAndTheDatabaseRefusesImpossibleCounts() throws Exception {
        Owner owner = owner();
        Dossier dossier = book(owner.accountId(), owner.lauriers(), MAY_FIRST, Map.of("Adulte", 2, "Enfant", 1),
                Map.of(TaxExemption.SEASONAL_WORKER, 2));
        assertEquals(2, scalar("select exempt_seasonal_workers from dossier_party where dossier_id = ? and label = 'Adulte'",
                dossier.id()));
        assertEquals(0, dossier.lines().stream().filter(l -> l.kind().startsWith("TOURIST_TAX")).count(),
                "both adults exempt, the child by age: no tax line");
        assertRefused("update dossier_party set exempt_low_rent = 1 where dossier_id = ? and label = 'Adulte'",
                dossier.id());
        assertRefused("update dossier_party set exempt_seasonal_workers = 1 where dossier_id = ? and label = 'Enfant'",
                dossier.id());
        assertRefused("update dossier_party set exempt_emergency_housing = -1 where dossier_id = ? and label = 'Adulte'",
                dossier.id());
        // the owner learns on the change screen that only one of them is a seasonal worker: the tax follows
        Dossier changed = bookings.change(owner.accountId(), dossier.id(), new ChangeCommand(List.of(new StayRequest(
                owner.lauriers(), StayPeriod.of(MAY_FIRST, 7), Map.of("Adulte", 2, "Enfant", 1), Map.of(),
                Optional.empty(), Language.FR, Map.of(TaxExemption.SEASONAL_WORKER, 1))),
                new Repricing.Decision(Repricing.Choice.NEW_PRICE, null, null), false), "owner");
        assertEquals(List.of("6.30", "0.63"), changed.lines().stream().filter(l -> l.kind().startsWith("TOURIST_TAX"))
                .map(l -> l.amount().toPlainString()).toList());
        assertEquals(1, scalar("select exempt_seasonal_workers from dossier_party where dossier_id = ? and label = 'Adulte'",
                dossier.id()));
        // and the engine says so before the database has to
        InvalidInputException tooMany = assertThrows(InvalidInputException.class, () -> book(owner.accountId(),
                owner.chalet(), MAY_FIRST, Map.of("Adulte", 1, "Enfant", 2), Map.of(TaxExemption.LOW_RENT, 2)));
        assertEquals("booking.exemptions.tooMany", tooMany.violations().get(0).messageKey());
    }

    // ---- helpers

    /**
     * The tax and surcharge lines of the receipts, read from the invoice tables: for each dossier
     * of the account whose receipts name a stay leaving in the period in one of {@code accommodations},
     * the last receipt or credit note (each prints the dossier's whole price as it then was); counted
     * when it leaves nothing to pay and does not take the stay off as cancelled.
     */
    private Map<String, Money> taxOnReceipts(long accountId, LocalDate from, LocalDate to, Set<String> accommodations)
            throws SQLException {
        ResourceBundle fr = ResourceBundle.getBundle("org.sejour.application.document.contract", Locale.FRENCH);
        String tax = fr.getString("line.TOURIST_TAX");
        String surcharge = fr.getString("line.TOURIST_TAX_SURCHARGE");
        String cancelled = fr.getString("line.CANCELLED_STAY");
        Map<String, Money> sums = new HashMap<>(Map.of("tax", Money.ZERO, "surcharge", Money.ZERO));
        String lastReceipts = "select i.id, i.balance from invoice i where i.account_id = ? and i.departure between ? and ? "
                + "and i.accommodation_name = any (?) and i.number = (select max(j.number) from invoice j "
                + "where j.account_id = i.account_id and j.dossier_id = i.dossier_id)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(lastReceipts)) {
            s.setLong(1, accountId);
            s.setObject(2, from);
            s.setObject(3, to);
            s.setArray(4, c.createArrayOf("text", accommodations.toArray()));
            List<Long> settled = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (r.getBigDecimal(2).signum() == 0) {
                        settled.add(r.getLong(1));
                    }
                }
            }
            for (long invoiceId : settled) {
                Map<String, Money> lines = new HashMap<>(Map.of("tax", Money.ZERO, "surcharge", Money.ZERO));
                boolean cancelledStay = false;
                try (PreparedStatement l = c.prepareStatement("select label, amount from invoice_line where invoice_id = ?")) {
                    l.setLong(1, invoiceId);
                    try (ResultSet r = l.executeQuery()) {
                        while (r.next()) {
                            String label = r.getString(1);
                            if (label.equals(tax) || label.startsWith(tax + " × ")) {
                                lines.merge("tax", Money.of(r.getBigDecimal(2)), Money::plus);
                            } else if (label.equals(surcharge) || label.startsWith(surcharge + " × ")) {
                                lines.merge("surcharge", Money.of(r.getBigDecimal(2)), Money::plus);
                            } else if (label.startsWith(cancelled)) {
                                cancelledStay = true;
                            }
                        }
                    }
                }
                if (!cancelledStay) {
                    lines.forEach((k, v) -> sums.merge(k, v, Money::plus));
                }
            }
        }
        return sums;
    }

    private static TaxRegisterFiles.Labels labels() {
        return new TaxRegisterFiles.Labels("Taxe de séjour", List.of("Dossier", "Hébergement", "Arrivée", "Départ",
                "Nuits", "Personnes", "Mineurs", "Saisonniers", "Urgence", "Loyer", "Personnes taxées", "Nuitées taxées",
                "Tarif", "Taxe de séjour", "Taxe additionnelle", "Total encaissé"), "Total {0}", "Total {0}",
                "Total de la période", Locale.FRENCH);
    }

    private static BigDecimal money(Cell cell) {
        assertEquals(CellType.NUMERIC, cell.getCellType());
        return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static void assertField(String field, String key, org.junit.jupiter.api.function.Executable call) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call);
        assertEquals(field, e.violations().get(0).field());
        assertEquals(key, e.violations().get(0).messageKey());
    }

    private int scalar(String sql, Object arg) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, arg);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private void assertRefused(String sql, Object arg) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, arg);
            SQLException refused = assertThrows(SQLException.class, s::executeUpdate, sql);
            assertTrue(refused.getMessage().contains("dossier_party_exempt"), refused.getMessage());
        }
    }
}
