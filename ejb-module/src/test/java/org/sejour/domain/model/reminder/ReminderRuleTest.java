package org.sejour.domain.model.reminder;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Classification;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.PartyCount;
import org.sejour.domain.model.dossier.Payment;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.StayPeriod;
import org.sejour.domain.model.shared.TranslatedText;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reminder rules on the tutorial's dossier: 800.00 € for the week of 1 May 2027, 240.00 €
 * of deposit due on 10 April, the balance due on 1 April (30 days before arrival).
 */
class ReminderRuleTest {

    static final LocalDate ARRIVAL = LocalDate.of(2027, 5, 1);
    static final LocalDate DEPOSIT_DUE = LocalDate.of(2027, 4, 10);
    static final LocalDate BALANCE_DUE = LocalDate.of(2027, 4, 1);
    static final ReminderPolicy POLICY = new ReminderPolicy(3, 7);

    @ParameterizedTest(name = "{0}, confirmed {1}, paid {2}, on {3}: {4}")
    @CsvSource({
            // deposit: due in the 3 days up to its deadline, late after it on a confirmed dossier only
            "DEPOSIT_DUE,  false, 0,      2027-04-06, false",
            "DEPOSIT_DUE,  false, 0,      2027-04-07, true",
            "DEPOSIT_DUE,  false, 0,      2027-04-10, true",
            "DEPOSIT_DUE,  false, 0,      2027-04-11, false",
            "DEPOSIT_DUE,  false, 240.00, 2027-04-10, false",
            "DEPOSIT_DUE,  false, 100.00, 2027-04-10, true",
            "DEPOSIT_LATE, true,  0,      2027-04-11, true",
            "DEPOSIT_LATE, true,  0,      2027-04-10, false",
            "DEPOSIT_LATE, false, 0,      2027-04-11, false",
            "DEPOSIT_LATE, true,  240.00, 2027-04-11, false",
            // balance: only once the deposit is paid, and only before arrival
            "BALANCE_DUE,  true,  240.00, 2027-03-29, true",
            "BALANCE_DUE,  true,  240.00, 2027-03-28, false",
            "BALANCE_DUE,  true,  100.00, 2027-03-29, false",
            "BALANCE_DUE,  true,  800.00, 2027-03-29, false",
            "BALANCE_LATE, true,  240.00, 2027-04-02, true",
            "BALANCE_LATE, true,  240.00, 2027-04-30, true",
            "BALANCE_LATE, true,  240.00, 2027-05-01, false",
            "BALANCE_LATE, true,  799.99, 2027-04-20, true",
            "BALANCE_LATE, true,  240.00, 2027-04-01, false",
    })
    void appliesPerTheDeadlinesAndWhatIsPaid(ReminderRule rule, boolean confirmed, String paid, LocalDate today,
                                             boolean applies) {
        Dossier dossier = dossier(confirmed, "guest@example.test");
        if (!"0".equals(paid)) {
            dossier.recordPayment(PaymentKind.DEPOSIT, DEPOSIT_DUE.minusDays(20), Money.of(paid), "transfer", null, null,
                    Instant.now(), "owner");
        }
        assertEquals(applies, rule.appliesTo(dossier, today, POLICY));
    }

    @Test
    void aCancelledDossierOrAGuestWithoutEmailIsNeverReminded() {
        Dossier cancelled = dossier(true, "guest@example.test");
        cancelled.cancel(Instant.now(), "owner", "changed plans");
        assertFalse(ReminderRule.DEPOSIT_LATE.appliesTo(cancelled, DEPOSIT_DUE.plusDays(1), POLICY));
        assertFalse(ReminderRule.DEPOSIT_DUE.appliesTo(dossier(false, null), DEPOSIT_DUE, POLICY));
    }

    /**
     * 240.00 € of deposit paid, then 50.00 € of it refunded as a gesture: the deposit stays paid
     * (no deposit reminder, no Pay button for it), the balance is still 560.00 €, and the refund
     * shows as such, lowering what the owner received.
     */
    @Test
    void aRefundNeverMakesMoneyDueAgain() throws ReflectiveOperationException {
        Dossier dossier = dossier(true, "guest@example.test");
        Payment deposit = dossier.recordPayment(PaymentKind.DEPOSIT, DEPOSIT_DUE.minusDays(20), Money.of("240.00"),
                "online", null, "pi_1", Instant.now(), "stripe").orElseThrow();
        stored(deposit, 1L);
        dossier.recordRefund(1L, DEPOSIT_DUE.minusDays(10), Money.of("50.00"), "re_1", "Geste commercial", Instant.now(),
                "owner").orElseThrow();

        assertEquals(Money.of("240.00"), dossier.totalPaid());
        assertEquals(Money.of("50.00"), dossier.totalRefunded());
        assertEquals(Money.of("190.00"), dossier.netReceived());
        assertEquals(Money.ZERO, dossier.depositOwed());
        assertTrue(dossier.isDepositPaid());
        assertEquals(Money.of("560.00"), dossier.remainingToPay());
        assertEquals(Money.ZERO, dossier.amountToRefund(), "nothing was paid above the total");
        assertFalse(ReminderRule.DEPOSIT_DUE.appliesTo(dossier, DEPOSIT_DUE, POLICY));
        assertFalse(ReminderRule.DEPOSIT_LATE.appliesTo(dossier, DEPOSIT_DUE.plusDays(1), POLICY));
        assertTrue(ReminderRule.BALANCE_DUE.appliesTo(dossier, BALANCE_DUE.minusDays(2), POLICY));
    }

    /** A payment as the database gives it back: with its id (a refund names the payment it gives back). */
    private static void stored(Payment payment, long id) throws ReflectiveOperationException {
        Field field = Payment.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(payment, id);
    }

    @Test
    void aDueReminderIsQuietForItsWholeWindowALateOneForItsInterval() {
        assertEquals(4, ReminderRule.DEPOSIT_DUE.quietDays(POLICY));
        assertEquals(7, ReminderRule.BALANCE_LATE.quietDays(POLICY));
        assertThrows(IllegalArgumentException.class, () -> new ReminderPolicy(3, 0));
        assertThrows(IllegalArgumentException.class, () -> new ReminderPolicy(-1, 7));
    }

    private static Dossier dossier(boolean confirmed, String email) {
        Account account = new Account(100001, Instant.now());
        Accommodation gite = new Accommodation(account, new AccommodationDetails("Gîte les Lauriers", false,
                AccommodationType.GITE, Classification.TWO_STARS, null, "1 chemin", "05000", "Gap", null, null, 1, 6,
                null, null, null, null, Visibility.BOOKABLE, TranslatedText.empty(), Set.of()), Instant.now());
        Guest guest = new Guest("Claude", "Martin", email, null, null, null, null, "FR", Language.FR);
        return Dossier.open(new Dossier.Booking(1, 19, StayPeriod.of(ARRIVAL, 7),
                List.of(new Dossier.BookedStay(gite, List.of(new PartyCount("Adulte", 2, true)))), guest,
                new Dossier.AgreedPrice(List.of(), Money.of("800.00"), Money.of("240.00"), DEPOSIT_DUE, BALANCE_DUE),
                null, Dossier.Provenance.of(Origin.PHONE), confirmed, Instant.now(), Instant.now(), "owner"));
    }
}
